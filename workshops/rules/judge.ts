import { boardCapacity, recordSize } from './limitRules'
import { boardLock, boardStructure, frameLocks, lockFlag, pinnedFrames } from './lockRules'
import type { BoardState, RecordChange, RecordRule } from './recordChange'
import type { RefusalReason } from './refusals'
import { privateCardsOnly, validRecord } from './schemaRules'

/**
 * Every rule a board or private-document edit passes, cheapest first. The
 * server runs these for each record an update changes (server/sync/review);
 * the client runs the same ones to disable what would be refused.
 */
export const RECORD_RULES: readonly RecordRule[] = [
  boardLock,
  boardStructure,
  lockFlag,
  pinnedFrames,
  frameLocks,
  recordSize,
  boardCapacity,
  privateCardsOnly,
  validRecord,
]

/** The first reason a change is refused, or null when every rule lets it through. */
export function judgeRecordChange(change: RecordChange, board: BoardState, rules: readonly RecordRule[] = RECORD_RULES): RefusalReason | null {
  for (const rule of rules) {
    const reason = rule(change, board)
    if (reason) return reason
  }
  return null
}
