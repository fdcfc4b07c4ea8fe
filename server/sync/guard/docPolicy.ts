import type { Role } from '../../auth/roles'

/** Who writes a root of a document: the records of a board, a plain root for some roles, or the server alone. */
export type RootRule = { kind: 'records' } | { kind: 'writable'; by: readonly Role[] } | { kind: 'server' }

/** The layout of one kind of document as the guard enforces it. Roots not named here take no edits. */
export interface DocPolicy {
  /** Which rule set judges records: the shared board or a private document. */
  channel: 'board' | 'private' | 'control'
  roots: Readonly<Record<string, RootRule>>
}
