import type { TLParentId, TLRecord, TLShape } from '@tldraw/tlschema'
import { createBindingId, createShapeId } from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { CARD_SHAPE_TYPE, cardSize, type CardShape } from '../cards/cardShape'
import type { CardFields } from '../cards/catalog'
import type { CardKind } from '../cards/kinds'

/**
 * Edits of the board made without the tldraw editor (the outline view, quote
 * import, the server): each returns the records to write or the ids to
 * delete, in the same shapes tldraw itself writes, so the board shows them.
 */

export interface RecordSource {
  get(id: string): TLRecord | undefined
  values(): Iterable<TLRecord>
}

export interface BoardChange {
  put: TLRecord[]
  remove: string[]
}

function shapeBase(id: string, type: string, parentId: TLParentId, x: number, y: number, index: IndexKey) {
  return { id, typeName: 'shape', type, x, y, rotation: 0, index, parentId, isLocked: false, opacity: 1, meta: {} }
}

/** The z-index just above every current child of `parentId`. */
export function nextIndex(records: RecordSource, parentId: string): IndexKey {
  let top: IndexKey | null = null
  for (const r of records.values()) {
    if (r.typeName === 'shape' && r.parentId === parentId && (top === null || r.index > top)) top = r.index
  }
  return getIndexAbove(top)
}

export function newCard(
  records: RecordSource,
  card: { kind: CardKind; text: string; author: string; parentId: TLParentId; x: number; y: number; id?: string; index?: IndexKey; fields?: CardFields },
): CardShape {
  // Callers placing many cards pass the index they keep track of (nextIndex reads the whole board).
  const index = card.index ?? nextIndex(records, card.parentId)
  return {
    ...shapeBase(card.id ?? createShapeId(), CARD_SHAPE_TYPE, card.parentId, card.x, card.y, index),
    props: { kind: card.kind, text: card.text, author: card.author, ...cardSize(card.kind), fields: { ...card.fields } },
  } as CardShape
}

/** Absolute page position of a shape's centre, through its parent frames. */
function pageCentre(records: RecordSource, shape: TLShape): { x: number; y: number } {
  let x = shape.x
  let y = shape.y
  let parent = records.get(shape.parentId)
  while (parent && parent.typeName === 'shape') {
    x += parent.x
    y += parent.y
    parent = records.get(parent.parentId)
  }
  const props = shape.props as { w?: number; h?: number }
  return { x: x + (props.w ?? 0) / 2, y: y + (props.h ?? 0) / 2 }
}

/** tldraw's props for a plain black arrow from (0, 0) to `end`, as its arrow tool makes one. */
export function arrowProps(end: { x: number; y: number }) {
  return {
    kind: 'arc',
    labelColor: 'black',
    color: 'black',
    fill: 'none',
    dash: 'draw',
    size: 'm',
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    font: 'draw',
    start: { x: 0, y: 0 },
    end,
    bend: 0,
    richText: { type: 'doc', content: [{ type: 'paragraph' }] },
    labelPosition: 0.5,
    scale: 1,
    elbowMidPoint: 0.5,
  }
}

/** An arrow from one card to another, bound at both ends: the same link a user draws. */
export function linkCards(records: RecordSource, fromId: string, toId: string, pageId: TLParentId, index?: IndexKey): TLRecord[] {
  const from = records.get(fromId) as TLShape | undefined
  const to = records.get(toId) as TLShape | undefined
  if (!from || !to) throw new Error('both cards must exist to link them')
  const a = pageCentre(records, from)
  const b = pageCentre(records, to)
  const arrowId = createShapeId()
  const arrow = {
    ...shapeBase(arrowId, 'arrow', pageId, a.x, a.y, index ?? nextIndex(records, pageId)),
    props: arrowProps({ x: b.x - a.x, y: b.y - a.y }),
  }
  const binding = (terminal: 'start' | 'end', target: string) => ({
    id: createBindingId(),
    typeName: 'binding',
    type: 'arrow',
    fromId: arrowId,
    toId: target,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    meta: {},
  })
  return [arrow, binding('start', fromId), binding('end', toId)] as TLRecord[]
}

interface ArrowBinding {
  id: string
  arrowId: string
  target: string
}

function arrowBindings(records: RecordSource): ArrowBinding[] {
  const out: ArrowBinding[] = []
  for (const r of records.values()) {
    if (r.typeName === 'binding' && r.type === 'arrow') out.push({ id: r.id, arrowId: r.fromId, target: r.toId })
  }
  return out
}

/** Removes an arrow and its bindings. */
function removeArrow(bindings: ArrowBinding[], arrowId: string): string[] {
  return [arrowId, ...bindings.filter((b) => b.arrowId === arrowId).map((b) => b.id)]
}

/** Every arrow that joins the two cards, whichever way it points, removed with its bindings. */
export function unlinkCards(records: RecordSource, a: string, b: string): string[] {
  const bindings = arrowBindings(records)
  const arrows = new Set(bindings.filter((x) => x.target === a).map((x) => x.arrowId))
  const joining = [...arrows].filter((arrowId) => bindings.some((x) => x.arrowId === arrowId && x.target === b))
  return joining.flatMap((arrowId) => removeArrow(bindings, arrowId))
}

/** A card and every arrow bound to it, so no arrow is left pointing at nothing. */
export function deleteCard(records: RecordSource, cardId: string): string[] {
  const bindings = arrowBindings(records)
  const arrows = new Set(bindings.filter((x) => x.target === cardId).map((x) => x.arrowId))
  return [cardId, ...[...arrows].flatMap((arrowId) => removeArrow(bindings, arrowId))]
}
