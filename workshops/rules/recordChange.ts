import type { TLRecord } from '@tldraw/tlschema'
import type { DocLimits } from './limits'
import type { RefusalReason } from './refusals'

export type WriterRole = 'facilitator' | 'participant'

/** One record as an update would leave it: before and after, undefined when absent. */
export interface RecordChange {
  id: string
  /** The record as the server holds it (already judged, so valid). */
  before: TLRecord | undefined
  /** What the update makes of it: untrusted, may be anything. */
  after: unknown
  /** Size of `after` as JSON text (0 when absent); measured once by the caller. */
  afterBytes: number
  beforeBytes: number
}

/** What a rule may know about the board besides the change itself. */
export interface BoardState {
  /** Which document: the shared board, or one person's private cards. */
  channel: 'board' | 'private'
  /** The workshop the board belongs to (its media live under it). */
  workshopId?: string
  role: WriterRole
  /** The facilitator has locked the board for participants. */
  boardLocked: boolean
  limits: DocLimits
  /** A record as it stands, with the changes of this update allowed so far. */
  get(id: string): TLRecord | undefined
  /** Records and their JSON bytes on the board now. */
  recordCount: number
  docBytes: number
}

/** A rule: null lets the change through, a reason refuses it. Pure, and cheap: proportional to the change. */
export type RecordRule = (change: RecordChange, board: BoardState) => RefusalReason | null
