import { createHash } from 'node:crypto'
import { BOARD_META, BOARD_RECORDS } from '../../workshops/doc/layout'
import { CONTROL_CHANNEL, PRIVATE_CHANNEL, PRIVATE_TOKEN_PATTERN } from '../../workshops/doc/wire'
import { CONTROL_AGENDA_LOG, CONTROL_ROOT_WRITERS } from '../../workshops/facilitation/controlLayout'
import type { Role } from '../auth/roles'
import type { DocPolicy, RootRule } from './guard/docPolicy'

/**
 * The documents of a workshop. `board` is /sync/<id>; others are
 * /sync/<id>/<channel>. `write` says which roles may send edits at all;
 * `policy` what of an edit the server keeps (see guard/docGuard.ts).
 * A `perToken` channel is one document per secret `token` query parameter.
 */
export interface Channel {
  readonly write: readonly Role[]
  readonly policy: DocPolicy
  readonly perToken?: boolean
}

/** Board and private documents: tldraw records, judged record by record; the versions are the server's. */
const boardRoots: Record<string, RootRule> = {
  [BOARD_RECORDS]: { kind: 'records' },
  [BOARD_META]: { kind: 'server' },
}

const controlRoots: Record<string, RootRule> = Object.fromEntries(
  Object.entries(CONTROL_ROOT_WRITERS).map(([root, by]) => {
    const type = root === CONTROL_AGENDA_LOG ? 'array' : 'map'
    return [root, by === 'server' ? { kind: 'server', type } : { kind: 'writable', by: [by], type }]
  }),
)

export const CHANNELS: Readonly<Record<string, Channel>> = {
  board: { write: ['facilitator', 'participant'], policy: { channel: 'board', roots: boardRoots } },
  /** Step, timer, vote state, locks, follow, settings: participants read it and cannot change it. */
  [CONTROL_CHANNEL]: { write: ['facilitator'], policy: { channel: 'control', roots: controlRoots } },
  /** A participant's private cards until the reveal; only sockets holding the token reach it. */
  [PRIVATE_CHANNEL]: { write: ['facilitator', 'participant'], perToken: true, policy: { channel: 'private', roots: boardRoots } },
}

/** Document name in the store: the workshop id for the board, `<id>/<channel>` for the others. */
export function docName(workshopId: string, channel: string): string {
  return channel === 'board' ? workshopId : `${workshopId}/${channel}`
}

/** The channel kind of a stored document name's channel part ('private/<hash>' → 'private'). */
export function channelKind(channel: string): string {
  return channel.startsWith(`${PRIVATE_CHANNEL}/`) ? PRIVATE_CHANNEL : channel
}

/**
 * The channel of one private document: `private/<sha256(token)>`, so the
 * stored name never reveals the token. Null for a missing or malformed token.
 */
export function privateChannel(token: string | null): string | null {
  if (token === null || !PRIVATE_TOKEN_PATTERN.test(token)) return null
  return `${PRIVATE_CHANNEL}/${createHash('sha256').update(token, 'utf8').digest('hex')}`
}
