import type { Role } from '../auth/roles'

/**
 * The documents of a workshop. `board` is /sync/<id>; others are
 * /sync/<id>/<channel>. `write` says which roles' edits the server accepts.
 */
export interface Channel {
  readonly write: readonly Role[]
}

export const CHANNELS: Readonly<Record<string, Channel>> = {
  board: { write: ['facilitator', 'participant'] },
}

/** Document name in the store: the workshop id for the board, `<id>/<channel>` for the others. */
export function docName(workshopId: string, channel: string): string {
  return channel === 'board' ? workshopId : `${workshopId}/${channel}`
}
