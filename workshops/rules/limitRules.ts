import type { RecordRule } from './recordChange'

export const recordSize: RecordRule = (change, board) =>
  change.after !== undefined && change.afterBytes > board.limits.maxRecordBytes ? 'record-too-large' : null

/** A new record needs room on the board; a change may not grow the board past its size. Shrinking is always fine. */
export const boardCapacity: RecordRule = (change, board) => {
  if (change.after === undefined) return null
  if (change.before === undefined && board.recordCount >= board.limits.maxRecords) return 'board-full'
  const growth = change.afterBytes - change.beforeBytes
  return growth > 0 && board.docBytes + growth > board.limits.maxDocBytes ? 'board-full' : null
}
