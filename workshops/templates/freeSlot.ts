/**
 * Where a new card goes inside a frame: the first free place in a grid of
 * the card's size, row by row, that overlaps no shape already there (with
 * CARD_GAP between). A place the person can see is preferred; when the frame
 * is full the grid goes on below it and the frame has to grow.
 *
 * Pure; coordinates are the frame's own (its top-left corner is 0, 0).
 */
import { CARD_GAP } from './grid'

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface SlotRequest {
  /** The frame's size. */
  frame: { w: number; h: number }
  /** What is in the frame already (cards, texts, sub-frames), in frame coordinates. */
  occupied: readonly Rect[]
  /** The new card's size. */
  size: { w: number; h: number }
  /** The first row's top (below a work area's text); CARD_GAP by default. */
  top?: number
  /** The part of the frame this person sees: a free place there wins over an earlier one out of view. */
  visible?: Rect | null
}

export interface Slot {
  x: number
  y: number
  /** The frame's height with the card inside it: more than `frame.h` when it must grow. */
  frameH: number
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h

export function findFreeSlot(req: SlotRequest): Slot {
  const { frame, size } = req
  const top = Math.max(CARD_GAP, req.top ?? CARD_GAP)
  const columns = Math.max(1, Math.floor((frame.w - CARD_GAP) / (size.w + CARD_GAP)))
  const rowH = size.h + CARD_GAP
  // Each shape keeps half a gap around it, so neighbours are a whole gap apart.
  const half = CARD_GAP / 2
  const taken = req.occupied.map((r) => ({ x: r.x - half, y: r.y - half, w: r.w + CARD_GAP, h: r.h + CARD_GAP }))
  const bottom = Math.max(top, frame.h, ...req.occupied.map((r) => r.y + r.h))
  // Every row of the frame, and one below everything in it: there is always a free place there.
  const rows = Math.max(1, Math.ceil((bottom - top) / rowH) + 1)
  const fits = (y: number) => y + size.h + CARD_GAP <= frame.h

  let firstFree: Rect | null = null
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const slot = { x: CARD_GAP + column * (size.w + CARD_GAP), y: top + row * rowH, w: size.w, h: size.h }
      const padded = { x: slot.x - half, y: slot.y - half, w: slot.w + CARD_GAP, h: slot.h + CARD_GAP }
      if (taken.some((r) => overlaps(r, padded))) continue
      if (!req.visible) return withHeight(slot, frame.h)
      if (fits(slot.y) && inside(slot, req.visible)) return withHeight(slot, frame.h)
      // Rows go downward, so the first free place is the highest one, inside the frame if any is.
      firstFree ??= slot
    }
  }
  return withHeight(firstFree ?? { x: CARD_GAP, y: top + rows * rowH, w: size.w, h: size.h }, frame.h)
}

function withHeight(slot: Rect, frameH: number): Slot {
  return { x: slot.x, y: slot.y, frameH: Math.max(frameH, slot.y + slot.h + CARD_GAP) }
}
