import { boardCapacity, recordSize } from './limitRules'
import { boardLock, boardStructure, frameLocks, lockFlag, pinnedFrames, templateContent } from './lockRules'
import type { TLRecord } from '@tldraw/tlschema'
import { DEFAULT_DOC_LIMITS } from './limits'
import { facilitatorMarks } from './markRules'
import type { BoardState, RecordChange, RecordRule, WriterRole } from './recordChange'
import type { RefusalReason } from './refusals'
import { ownMediaOnly, privateCardsOnly, validRecord } from './schemaRules'

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
  templateContent,
  facilitatorMarks,
  recordSize,
  boardCapacity,
  privateCardsOnly,
  validRecord,
  ownMediaOnly,
]

/** The rules about who may change what (no schema or size checks): what the client asks before it offers an action. */
export const RIGHTS_RULES: readonly RecordRule[] = [boardLock, boardStructure, lockFlag, pinnedFrames, frameLocks, templateContent, facilitatorMarks]

/** The first reason a change is refused, or null when every rule lets it through. */
export function judgeRecordChange(change: RecordChange, board: BoardState, rules: readonly RecordRule[] = RECORD_RULES): RefusalReason | null {
  for (const rule of rules) {
    const reason = rule(change, board)
    if (reason) return reason
  }
  return null
}

/**
 * What a client asks before it offers an action: why this person may not make
 * `id` into `after` (undefined: delete it) on the board as `get` reads it, by
 * the same rules the server applies. Null when they may.
 */
export function whyNot(
  who: { role: WriterRole; boardLocked: boolean; get: (id: string) => TLRecord | undefined },
  id: string,
  after: TLRecord | undefined,
): RefusalReason | null {
  const before = who.get(id)
  const board: BoardState = { channel: 'board', role: who.role, boardLocked: who.boardLocked, limits: DEFAULT_DOC_LIMITS, get: who.get, recordCount: 0, docBytes: 0 }
  return judgeRecordChange({ id, before, after, beforeBytes: 0, afterBytes: 0 }, board, RIGHTS_RULES)
}
