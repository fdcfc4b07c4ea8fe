import { inReadingOrder, type BoardView } from './board'
import type { Card } from './cards'

/** The block field `type`'s values (card-kinds.json). */
export const BLOCK_TYPES = ['film', 'reflection', 'discussion', 'exercise', 'lecture'] as const

export interface PlanBlock {
  block: Card
  /** A BLOCK_TYPES value, or null when not chosen. */
  type: string | null
  minutes: number | null
  material: string
  responsible: string
  /** The needs and prototypes it answers (linked). */
  needs: Card[]
  prototypes: Card[]
}

export interface PlanSession {
  session: Card
  /** The session's length; null when not given. */
  minutes: number | null
  blocks: PlanBlock[]
  /** The blocks' minutes added up (blocks without minutes count 0). */
  total: number
  /** How much longer the blocks are than the session; 0 when they fit or the length is unknown. */
  overrun: number
}

export interface TrainingPlan {
  /** In reading order: Tillfälle 1, Tillfälle 2 … */
  sessions: PlanSession[]
  /** Blocks in no session (not linked to one, nor in a frame with one). */
  unplaced: PlanBlock[]
  /** Needs no block is linked to. */
  needsWithoutBlock: Card[]
}

const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

function planBlock(board: BoardView, block: Card): PlanBlock {
  return {
    block,
    type: textOf(block.fields.type) || null,
    minutes: numberOf(block.fields.minutes),
    material: textOf(block.fields.material),
    responsible: textOf(block.fields.responsible),
    needs: board.linkedOfKind(block, 'need'),
    prototypes: board.linkedOfKind(block, 'prototype'),
  }
}

/**
 * WS5: sessions (Tillfälle, with a length) holding blocks. A block is in the
 * session it is linked to, or else the one it sits nearest to in its frame;
 * within a session, blocks come top to bottom.
 */
export function buildTrainingPlan(board: BoardView): TrainingPlan {
  const sessions = inReadingOrder(board.ofKind('session')).map((session) => {
    const blocks = board.partsOf(session, 'block').map((b) => planBlock(board, b))
    const minutes = numberOf(session.fields.minutes)
    const total = blocks.reduce((sum, b) => sum + (b.minutes ?? 0), 0)
    return { session, minutes, blocks, total, overrun: minutes !== null && total > minutes ? total - minutes : 0 }
  })
  const unplaced = board.ofKind('block').filter((b) => board.ownersOf(b).length === 0).map((b) => planBlock(board, b))
  const needsWithoutBlock = board.ofKind('need').filter((need) => board.linkedOfKind(need, 'block').length === 0)
  return { sessions, unplaced, needsWithoutBlock }
}
