import type { CardKind } from '../cards/kinds'
import { absolutePosition, enclosingFrame, indexShapes, MAX_DEPTH, type Card, type LooseShape } from './cards'

type Point = { x: number; y: number }

/** A shape's centre on the page, through its own and its parents' rotation. */
function pageCentre(shape: LooseShape, shapes: ReadonlyMap<string, LooseShape>): Point {
  const w = typeof shape.props.w === 'number' && Number.isFinite(shape.props.w) ? shape.props.w : 0
  const h = typeof shape.props.h === 'number' && Number.isFinite(shape.props.h) ? shape.props.h : 0
  const cos = Math.cos(shape.rotation)
  const sin = Math.sin(shape.rotation)
  const centreInParent = { ...shape, x: shape.x + (w / 2) * cos - (h / 2) * sin, y: shape.y + (w / 2) * sin + (h / 2) * cos }
  return absolutePosition(centreInParent, shapes)
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/**
 * Which card of a kind another card sits with, the way people cluster cards
 * on a wall: the nearest card of that kind in the same frame. A frame with
 * no card of that kind (a sub-frame holding only quotes) is a cluster of its
 * own: it goes, with everything in it, to the nearest such card of the frame
 * around it. A card on the page, outside every frame, sits with nothing:
 * the page is too large to say what is near.
 *
 * `cards` must be in board order; equally near cards go to the first.
 */
export function clusterFinder(records: readonly unknown[], cards: readonly Card[]): (card: Card, kind: CardKind) => Card | undefined {
  const shapes = indexShapes(records)
  const centres = new Map<string, Point>()
  const centreOf = (id: string): Point | undefined => {
    let c = centres.get(id)
    if (!c) {
      const shape = shapes.get(id)
      if (!shape) return undefined
      c = pageCentre(shape, shapes)
      centres.set(id, c)
    }
    return c
  }
  // Per frame, its cards of each kind: a lookup scans only the candidates (the sessions of a frame, not all its blocks).
  const inFrame = new Map<string, Map<CardKind, Card[]>>()
  for (const card of cards) {
    if (card.frameId === undefined) continue
    let byKind = inFrame.get(card.frameId)
    if (!byKind) inFrame.set(card.frameId, (byKind = new Map()))
    const list = byKind.get(card.kind)
    if (list) list.push(card)
    else byKind.set(card.kind, [card])
  }

  return (card, kind) => {
    let from = centreOf(card.id)
    let frameId = card.frameId
    for (let depth = 0; from && frameId !== undefined && depth < MAX_DEPTH; depth++) {
      let best: Card | undefined
      let bestDistance = Infinity
      for (const other of inFrame.get(frameId)?.get(kind) ?? []) {
        if (other.id === card.id) continue
        const at = centreOf(other.id)
        if (!at) continue
        const d = distance(from, at)
        if (d < bestDistance) {
          best = other
          bestDistance = d
        }
      }
      if (best) return best
      const frame = shapes.get(frameId)
      if (!frame) return undefined
      from = centreOf(frameId)
      frameId = enclosingFrame(frame, shapes)?.id
    }
    return undefined
  }
}
