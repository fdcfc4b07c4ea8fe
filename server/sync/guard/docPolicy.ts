import type { Role } from '../../auth/roles'

/** Who writes a root of a document: the records of a board, a plain root for some roles, or the server alone. */
export type RootRule =
  | { kind: 'records' }
  | { kind: 'writable'; by: readonly Role[]; type?: RootType }
  | { kind: 'server'; type?: RootType }

/** What a plain root is in Yjs; maps unless said otherwise. The guard gives each root its type before judging. */
export type RootType = 'map' | 'array'

/** The layout of one kind of document as the guard enforces it. Roots not named here take no edits. */
export interface DocPolicy {
  /** Which rule set judges records: the shared board or a private document. */
  channel: 'board' | 'private' | 'control'
  roots: Readonly<Record<string, RootRule>>
}
