import { CHOSEN_META, ORIGIN_META } from '../programme/provenance'
import type { RecordRule } from './recordChange'

const metaOf = (record: unknown): Record<string, unknown> | undefined => {
  const meta = record && typeof record === 'object' ? (record as { meta?: unknown }).meta : undefined
  return meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : undefined
}

/**
 * The facilitator's "vald" mark (what the next workshop takes) and where a
 * carried card came from (what the trace follows): participants neither set
 * the one nor change the other. A participant's copy of a carried card may
 * keep its origin; it is the same card.
 */
export const facilitatorMarks: RecordRule = (change, board) => {
  if (board.role !== 'participant' || change.after === undefined) return null
  const before = metaOf(change.before)
  const after = metaOf(change.after)
  if ((before?.[CHOSEN_META] === true) !== (after?.[CHOSEN_META] === true)) return 'marks'
  if (change.before !== undefined && JSON.stringify(before?.[ORIGIN_META]) !== JSON.stringify(after?.[ORIGIN_META])) return 'marks'
  return null
}
