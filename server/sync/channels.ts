import { createHash } from 'node:crypto'
import { CONTROL_CHANNEL, PRIVATE_CHANNEL, PRIVATE_TOKEN_PATTERN } from '../../workshops/doc/wire'
import type { Role } from '../auth/roles'

/**
 * The documents of a workshop. `board` is /sync/<id>; others are
 * /sync/<id>/<channel>. `write` says which roles' edits the server accepts.
 * A `perToken` channel is one document per secret `token` query parameter.
 */
export interface Channel {
  readonly write: readonly Role[]
  readonly perToken?: boolean
}

export const CHANNELS: Readonly<Record<string, Channel>> = {
  board: { write: ['facilitator', 'participant'] },
  /** Step, timer, vote state, locks, follow, settings: participants read it and cannot change it. */
  [CONTROL_CHANNEL]: { write: ['facilitator'] },
  /** A participant's private cards until the reveal; only sockets holding the token reach it. */
  [PRIVATE_CHANNEL]: { write: ['facilitator', 'participant'], perToken: true },
}

/** Document name in the store: the workshop id for the board, `<id>/<channel>` for the others. */
export function docName(workshopId: string, channel: string): string {
  return channel === 'board' ? workshopId : `${workshopId}/${channel}`
}

/**
 * The channel of one private document: `private/<sha256(token)>`, so the
 * stored name never reveals the token. Null for a missing or malformed token.
 */
export function privateChannel(token: string | null): string | null {
  if (token === null || !PRIVATE_TOKEN_PATTERN.test(token)) return null
  return `${PRIVATE_CHANNEL}/${createHash('sha256').update(token, 'utf8').digest('hex')}`
}
