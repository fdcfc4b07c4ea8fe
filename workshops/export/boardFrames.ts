/**
 * The frames a report pictures: each frame on the page that holds at least
 * one card people wrote (directly or in a frame inside it; the persona's and
 * other templates' own cards do not count), top to bottom and left to
 * right as they lie on the board. The client renders these, the server
 * puts them in the report; both ask here. Pure.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { CARD_SHAPE_TYPE } from '../cards/cardShape'

export interface BoardFrame {
  id: string
  name: string
}

type Shape = Extract<TLRecord, { typeName: 'shape' }>

export function framesWithCards(records: readonly TLRecord[]): BoardFrame[] {
  const shapes = new Map<string, Shape>()
  for (const r of records) if (r.typeName === 'shape') shapes.set(r.id, r)
  const isTop = (s: Shape) => s.type === 'frame' && !shapes.has(s.parentId)
  const withCards = new Set<string>()
  for (const s of shapes.values()) {
    if (s.type !== CARD_SHAPE_TYPE || (s.meta as { template?: unknown }).template !== undefined) continue
    // The outermost frame the card is in (a journey phase belongs to the journey's picture).
    let top: Shape | undefined
    let parent = shapes.get(s.parentId)
    for (let depth = 0; parent && depth < 100; depth++) {
      if (parent.type === 'frame') top = parent
      parent = shapes.get(parent.parentId)
    }
    if (top && isTop(top)) withCards.add(top.id)
  }
  return [...withCards]
    .map((id) => shapes.get(id)!)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((f) => ({ id: f.id, name: String((f.props as { name?: unknown }).name ?? '') }))
}
