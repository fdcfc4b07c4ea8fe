/**
 * The card grid shared by the step frames (sized for it) and everything that
 * lays cards out inside them, like the quote import.
 */
import { CARD_DEFAULT_SIZE } from '../cards/cardShape'

/** Space between cards, and between cards and the frame's edge. */
export const CARD_GAP = 20
/** A step frame holds this many default-size cards without scrolling or overlap. */
export const STEP_FRAME_COLUMNS = 5
export const STEP_FRAME_ROWS = 4

export interface Point {
  x: number
  y: number
}

/** Top-left corner of the first card in a frame. */
export const GRID_ORIGIN: Point = { x: CARD_GAP, y: CARD_GAP }

/** Position of the i-th card (row by row) in a grid of default-size cards. */
export function cardGridPosition(i: number, columns: number, origin: Point = GRID_ORIGIN): Point {
  const column = i % columns
  const row = Math.floor(i / columns)
  return {
    x: origin.x + column * (CARD_DEFAULT_SIZE.w + CARD_GAP),
    y: origin.y + row * (CARD_DEFAULT_SIZE.h + CARD_GAP),
  }
}

/**
 * Size of a frame that holds `count` default-size cards in `columns` columns,
 * with CARD_GAP around and between them (for growing a frame to fit).
 */
export function cardGridFrameSize(count: number, columns: number): { w: number; h: number } {
  const cols = Math.max(1, Math.min(columns, count))
  const rows = Math.max(1, Math.ceil(count / columns))
  return {
    w: CARD_GAP + cols * (CARD_DEFAULT_SIZE.w + CARD_GAP),
    h: CARD_GAP + rows * (CARD_DEFAULT_SIZE.h + CARD_GAP),
  }
}

/** The size of every step frame. */
export const STEP_FRAME_SIZE = cardGridFrameSize(STEP_FRAME_COLUMNS * STEP_FRAME_ROWS, STEP_FRAME_COLUMNS)

/**
 * Two step frames whose cards pair up (insights and the challenges that
 * answer them, see WorkshopStep.pairsWith): narrower and taller, and close
 * together, so both fit in one view at half zoom and a pair is one short arrow.
 */
export const PAIR_FRAME_COLUMNS = 3
export const PAIR_FRAME_ROWS = 7
export const PAIR_FRAME_SIZE = cardGridFrameSize(PAIR_FRAME_COLUMNS * PAIR_FRAME_ROWS, PAIR_FRAME_COLUMNS)
/** Between two paired frames: wider than between cards, so each frame reads as one. */
export const PAIR_GAP = 60
