import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CARD_GAP } from '../../workshops/templates/grid'
import { findFreeSlot, type Rect } from '../../workshops/templates/freeSlot'

const card = { w: 200, h: 140 }
const frame = { w: 20 + 3 * 220, h: 20 + 2 * 160 } // three columns, two rows of cards
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const at = (x: number, y: number): Rect => ({ x, y, ...card })

test('an empty frame: the first card goes top left, a gap in from the edges', () => {
  assert.equal(findFreeSlot({ frame, occupied: [], size: card }), { x: CARD_GAP, y: CARD_GAP, frameH: frame.h })
})

test('the next card goes beside the ones there, then to the next row', () => {
  assert.equal(findFreeSlot({ frame, occupied: [at(20, 20)], size: card }), { x: 240, y: 20, frameH: frame.h })
  assert.equal(findFreeSlot({ frame, occupied: [at(20, 20), at(240, 20), at(460, 20)], size: card }), { x: 20, y: 180, frameH: frame.h })
})

test('a hole left by a deleted card is filled first', () => {
  const slot = findFreeSlot({ frame, occupied: [at(20, 20), at(460, 20), at(20, 180)], size: card })
  assert.equal(slot, { x: 240, y: 20, frameH: frame.h })
})

test('a card moved by hand off the grid is not overlapped, and keeps a gap', () => {
  const moved = at(130, 30) // straddles the first two places
  const slot = findFreeSlot({ frame, occupied: [moved], size: card })
  assert.equal(slot, { x: 460, y: 20, frameH: frame.h })
  assert.not.ok(overlaps({ ...slot, ...card }, { x: moved.x - CARD_GAP + 1, y: moved.y, w: moved.w + 2 * CARD_GAP - 2, h: moved.h }))
})

test('a full frame grows downward by one row', () => {
  const full = [0, 1, 2, 3, 4, 5].map((i) => at(20 + (i % 3) * 220, 20 + Math.floor(i / 3) * 160))
  const slot = findFreeSlot({ frame, occupied: full, size: card })
  assert.equal(slot, { x: 20, y: 340, frameH: 340 + 140 + CARD_GAP })
})

test('cards start below what the frame says at its top', () => {
  const slot = findFreeSlot({ frame, occupied: [{ x: 40, y: 40, w: 600, h: 60 }], size: card, top: 120 })
  assert.equal(slot, { x: 20, y: 120, frameH: frame.h })
})

test('a free place in view wins over an earlier one out of view', () => {
  // The person sees only the right half of the second row.
  const visible = { x: 300, y: 150, w: 400, h: 400 }
  assert.equal(findFreeSlot({ frame, occupied: [], size: card, visible }), { x: 460, y: 180, frameH: frame.h })
  // Nothing free in view: the first free place, which the caller brings into view.
  const taken = [at(460, 180)]
  assert.equal(findFreeSlot({ frame, occupied: taken, size: card, visible }), { x: 20, y: 20, frameH: frame.h })
})

test('a frame narrower than a card still gets one column', () => {
  assert.equal(findFreeSlot({ frame: { w: 100, h: 100 }, occupied: [], size: card }), { x: 20, y: 20, frameH: 180 })
})

test('many cards: every new one lands free of all the others', () => {
  const occupied: Rect[] = []
  let h = frame.h
  for (let i = 0; i < 40; i++) {
    const slot = findFreeSlot({ frame: { w: frame.w, h }, occupied, size: card })
    const rect = { x: slot.x, y: slot.y, ...card }
    assert.ok(occupied.every((o) => !overlaps(o, rect)), `card ${i} overlaps none`)
    assert.ok(slot.y + card.h <= slot.frameH, `card ${i} is inside the frame`)
    occupied.push(rect)
    h = slot.frameH
  }
  assert.is(h, 20 + 14 * 160, '40 cards in three columns: 14 rows')
})

test.run()
