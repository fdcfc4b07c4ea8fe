/**
 * Why the server took back an edit. The server sends these codes to the
 * client whose edit it refused (see wire.ts, MSG_NOTICE); the client says in
 * plain words what happened. Scripts can rely on them.
 */
export const REFUSAL_REASONS = [
  /** Not a valid board record (tldraw schema and our card shape), or not a record at all. */
  'invalid-record',
  /** One record is larger than MAX_RECORD_BYTES. */
  'record-too-large',
  /** The board holds MAX_BOARD_RECORDS records or MAX_BOARD_BYTES already. */
  'board-full',
  /** The facilitator has locked the whole board. */
  'board-locked',
  /** The record is locked, or inside a locked frame, or would go into one. */
  'locked',
  /** Only facilitators lock and unlock. */
  'lock-change',
  /** A pinned template frame: only facilitators move, resize or delete it. */
  'pinned',
  /** Part of a template (persona notes, Målbild, inspiration cards …): participants write in it but do not delete it. */
  'template',
  /** The board's document and page: only facilitators change them. */
  'structure',
  /** A card's "vald" mark and a carried card's origin: only facilitators change them. */
  'marks',
  /** A private document holds method cards only. */
  'private-cards-only',
  /** An image, film or picture that would load from somewhere other than this workshop's own media. */
  'foreign-media',
  /** Something only the server writes (the board's versions, vote results …). */
  'server-only',
  /** The message as a whole was refused: too many deletions or pieces, or updates whose dependencies never arrived. */
  'message-too-large',
] as const

export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && (REFUSAL_REASONS as readonly string[]).includes(value)
}
