import type { VoteResult, VoteState, VoteTarget } from './votes'

/**
 * The facilitation HTTP API as client and server both see it. Keys go in
 * `Authorization: Bearer <key>` (or `?key=`), as everywhere in the API.
 */

/** GET /api/time (no key): the server's clock, for clockOffset. */
export interface TimeAnswer {
  now: number
}

/** POST /api/workshops/<id>/vote (facilitator key). */
export type VoteControlBody =
  | { action: 'open'; target: VoteTarget; dotsPerPerson?: number; allowStacking?: boolean }
  | { action: 'close' }

export interface VoteOpenAnswer {
  vote: VoteState
}

export interface VoteCloseAnswer {
  vote: VoteState
  result: VoteResult
}

/** POST /api/workshops/<id>/votes (any key). */
export interface DotBody {
  /**
   * The seat the server gave this person's board connection (a Notice of type
   * 'seat'); it counts only while that connection is open. Never a name.
   */
  voter: string
  /** The card's shape id, "shape:…". */
  cardId: string
  action: 'add' | 'remove'
}

/** Answer of POST …/votes and GET …/votes/mine?voter=…: only the asking voter's own dots. */
export interface MyDotsAnswer {
  /** The open vote these dots belong to; null when no vote is open. */
  voteId: string | null
  myDots: Record<string, number>
  left: number
}

/** POST /api/workshops/<id>/reveal (facilitator key). */
export interface RevealAnswer {
  /** Cards placed on the board. */
  revealed: number
  /** Private documents (participants) they came from. */
  authors: number
}

/** A seat the server issued on the board connection (see wire.ts, Notice 'seat'): random part, '.', signature. */
export const VOTER_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}$/
