import type { TLRecord } from '@tldraw/tlschema'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import { CARD_SHAPE_TYPE } from '../cards/cardShape'
import { PRIVATE_CARD_META } from '../facilitation/controlLayout'
import { applyBoardChange } from './boardDoc'

/**
 * Private writing, decided in one place for every way a card is made (the
 * board's palette, paste and duplicate, the outline, the quote import): a
 * card created while private writing is on is marked private, and a record
 * marked private is written to the person's own private document, never to
 * the shared board, until the facilitator reveals it.
 */

type Records = YKeyValue<TLRecord>

/** Where one person's writes go: the shared board, and their private document when the method has private steps. */
export interface BoardTargets {
  board: Records
  private?: Records
}

export function isPrivateRecord(record: TLRecord): boolean {
  return record.typeName === 'shape' && (record.meta as Record<string, unknown> | undefined)?.[PRIVATE_CARD_META] === true
}

/**
 * A card being created now, marked private when private writing is on. Only
 * cards: the reveal places cards on the board, so anything else kept
 * private would never come out.
 */
export function markNewCard<T extends TLRecord>(record: T, privateOn: boolean): T {
  if (!privateOn || record.typeName !== 'shape' || record.type !== CARD_SHAPE_TYPE || isPrivateRecord(record)) return record
  return { ...record, meta: { ...record.meta, [PRIVATE_CARD_META]: true } }
}

/**
 * Writes one change where each record belongs: records marked private (and
 * deletes of records the private document holds) to the private document,
 * everything else to the board. Without a private document everything goes
 * to the board. `origin` marks the transactions so their writer can skip them.
 */
export function writeBoardChange(
  targets: BoardTargets,
  change: { put?: readonly TLRecord[]; remove?: readonly string[] },
  origin?: unknown,
): void {
  const own = targets.private
  const toBoard: TLRecord[] = []
  const toPrivate: TLRecord[] = []
  for (const record of change.put ?? []) (own && isPrivateRecord(record) ? toPrivate : toBoard).push(record)
  const removeBoard: string[] = []
  const removePrivate: string[] = []
  for (const id of change.remove ?? []) {
    const ownsIt = own?.get(id) !== undefined
    if (ownsIt) removePrivate.push(id)
    // Mid-reveal a card can be in both: a delete then removes it from both.
    if (!ownsIt || targets.board.get(id) !== undefined) removeBoard.push(id)
  }
  if (toBoard.length || removeBoard.length) applyBoardChange(targets.board, { put: toBoard, remove: removeBoard }, origin)
  if (own && (toPrivate.length || removePrivate.length)) applyBoardChange(own, { put: toPrivate, remove: removePrivate }, origin)
}
