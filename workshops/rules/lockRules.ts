import type { TLRecord } from '@tldraw/tlschema'
import type { BoardState, RecordRule } from './recordChange'

/** Deepest nesting followed: a damaged document with a parent cycle must not loop. */
const MAX_DEPTH = 64

interface LooseRecord {
  typeName?: unknown
  type?: unknown
  parentId?: unknown
  isLocked?: unknown
  fromId?: unknown
  meta?: unknown
}

const loose = (r: unknown): LooseRecord | undefined => (r && typeof r === 'object' ? (r as LooseRecord) : undefined)

/** Whether a shape id, or any frame above it, is locked on the board as it stands. */
function lockedFromAbove(id: unknown, board: BoardState): boolean {
  let at = typeof id === 'string' ? id : undefined
  for (let depth = 0; at && depth < MAX_DEPTH; depth++) {
    const r = loose(board.get(at))
    if (!r || r.typeName !== 'shape') return false
    if (r.isLocked === true) return true
    at = typeof r.parentId === 'string' ? r.parentId : undefined
  }
  return false
}

/** A shape locked itself or from above; a binding counts as its arrow's. */
function isLockedRecord(record: unknown, board: BoardState): boolean {
  const r = loose(record)
  if (!r) return false
  if (r.typeName === 'binding') return lockedFromAbove(r.fromId, board)
  if (r.typeName !== 'shape') return false
  return r.isLocked === true || lockedFromAbove(r.parentId, board)
}

const isPinned = (record: unknown) => (loose(loose(record)?.meta) as { pinned?: unknown } | undefined)?.pinned === true

const forParticipants =
  (rule: RecordRule): RecordRule =>
  (change, board) =>
    board.role === 'participant' ? rule(change, board) : null

/** While the facilitator has locked the board, participants change nothing on it. */
export const boardLock: RecordRule = forParticipants((_change, board) => (board.boardLocked ? 'board-locked' : null))

/** Nothing locked, or inside a locked frame, is changed or deleted, and nothing is put into a locked frame. */
export const frameLocks: RecordRule = forParticipants((change, board) => {
  if (change.before && isLockedRecord(change.before, board)) return 'locked'
  if (change.after !== undefined) {
    const after = loose(change.after)
    if (after?.typeName === 'shape' && lockedFromAbove(after.parentId, board)) return 'locked'
    if (after?.typeName === 'binding' && lockedFromAbove(after.fromId, board)) return 'locked'
  }
  return null
})

/** Only facilitators lock or unlock, and a participant's new shape is never locked. */
export const lockFlag: RecordRule = forParticipants((change) => {
  if (change.after === undefined) return null
  const was = (change.before as Partial<TLRecord> & { isLocked?: boolean } | undefined)?.isLocked === true
  return (loose(change.after)?.isLocked === true) !== was ? 'lock-change' : null
})

/** Pinned template frames hold participants' cards but stay where the facilitator put them; nobody else pins. */
export const pinnedFrames: RecordRule = forParticipants((change) => {
  if (isPinned(change.before)) return 'pinned'
  return change.after !== undefined && isPinned(change.after) ? 'pinned' : null
})

const templateOf = (record: unknown) => (loose(loose(record)?.meta) as { template?: unknown } | undefined)?.template

/**
 * What a template placed (its frames and their texts, the Målbild's headline
 * and bubbles, the inspiration cards) stays: participants may write in
 * what is not locked, but neither delete it nor make something else part of
 * a template, nor take it out of one.
 */
export const templateContent: RecordRule = forParticipants((change) => {
  const before = templateOf(change.before)
  if (before !== undefined && change.after === undefined) return 'template'
  if (change.after !== undefined && templateOf(change.after) !== before) return 'template'
  return null
})

/** The document record and the page are the facilitator's. */
export const boardStructure: RecordRule = forParticipants((change) => {
  const type = loose(change.before)?.typeName ?? loose(change.after)?.typeName
  return type === 'document' || type === 'page' ? 'structure' : null
})
