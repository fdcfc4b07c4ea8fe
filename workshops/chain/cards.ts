import { FALLBACK_KIND, readFields, type CardCatalog, type CardFields } from '../cards/catalog'
import { cardKinds, type CardKind } from '../cards/kinds'

/** A method card as the chain sees it: read from a tldraw card shape record. */
export interface Card {
  id: string
  kind: CardKind
  text: string
  author: string
  /** The shape's direct parent: a page id or a shape id (frame, group). */
  parentId: string
  /** The nearest frame that holds the card (through groups), if any. */
  frameId?: string
  /** That frame's name, when it has one. */
  frameName?: string
  /** The kind's structured fields that hold a valid value (block: type, minutes …). */
  fields: CardFields
  /** Position on the page (top-left corner), through its frames. */
  x: number
  y: number
}

/** The loose record shape we read; input comes from stores, files and the network, so nothing is trusted. */
export interface LooseShape {
  id: string
  type: string
  parentId: string
  x: number
  y: number
  rotation: number
  props: Record<string, unknown>
}

/** Reads a record as a shape, or returns undefined for anything that is not one. */
export function asShape(record: unknown): LooseShape | undefined {
  if (!record || typeof record !== 'object') return undefined
  const r = record as Record<string, unknown>
  if (r.typeName !== 'shape' || typeof r.id !== 'string' || typeof r.type !== 'string') return undefined
  return {
    id: r.id,
    type: r.type,
    parentId: typeof r.parentId === 'string' ? r.parentId : '',
    x: finite(r.x),
    y: finite(r.y),
    rotation: finite(r.rotation),
    props: r.props && typeof r.props === 'object' ? (r.props as Record<string, unknown>) : {},
  }
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/** Index of every shape record by id. */
export function indexShapes(records: readonly unknown[]): Map<string, LooseShape> {
  const shapes = new Map<string, LooseShape>()
  for (const record of records) {
    const shape = asShape(record)
    if (shape) shapes.set(shape.id, shape)
  }
  return shapes
}

/** Deepest nesting we follow; guards against a parent cycle in a damaged document. */
export const MAX_DEPTH = 64

/**
 * A shape's position on the page: its x/y are relative to its parent, so walk up
 * through frames and groups, turning by each parent's rotation.
 */
export function absolutePosition(shape: LooseShape, shapes: ReadonlyMap<string, LooseShape>): { x: number; y: number } {
  let x = shape.x
  let y = shape.y
  let parent = shapes.get(shape.parentId)
  for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
    const cos = Math.cos(parent.rotation)
    const sin = Math.sin(parent.rotation)
    const px = x * cos - y * sin
    const py = x * sin + y * cos
    x = parent.x + px
    y = parent.y + py
    parent = shapes.get(parent.parentId)
  }
  return { x, y }
}

/** The nearest frame above a shape, looking through groups only (a card in a group in a frame belongs to the frame). */
export function enclosingFrame(shape: LooseShape, shapes: ReadonlyMap<string, LooseShape>): LooseShape | undefined {
  let parent = shapes.get(shape.parentId)
  for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
    if (parent.type === 'frame') return parent
    if (parent.type !== 'group') return undefined
    parent = shapes.get(parent.parentId)
  }
  return undefined
}

/** Board order: top to bottom, then left to right, then by id so equal positions stay stable. */
export function compareBoardPosition(
  a: { id: string; x: number; y: number },
  b: { id: string; x: number; y: number },
): number {
  if (a.y !== b.y) return a.y - b.y
  if (a.x !== b.x) return a.x - b.x
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * The cards on the board, in board order (absolute y, then x, then id).
 * Records that are not card shapes are skipped; an unknown kind reads as a
 * note, and only fields that fit the kind's declaration are kept.
 */
export function readCards(records: readonly unknown[], catalog: CardCatalog = cardKinds()): Card[] {
  const shapes = indexShapes(records)
  const placed: Card[] = []
  for (const shape of shapes.values()) {
    const card = readCard(shape, shapes, catalog)
    if (card) placed.push(card)
  }
  return placed.sort(compareBoardPosition)
}

/** One card shape as a Card (its position and frame through `shapes`); undefined for any other shape. */
export function readCard(shape: LooseShape, shapes: ReadonlyMap<string, LooseShape>, catalog: CardCatalog = cardKinds()): Card | undefined {
  if (shape.type !== 'card') return undefined
  const { props } = shape
  const kind: CardKind = catalog.has(props.kind) ? props.kind : FALLBACK_KIND
  const at = absolutePosition(shape, shapes)
  const card: Card = {
    id: shape.id,
    kind,
    text: typeof props.text === 'string' ? props.text : '',
    author: typeof props.author === 'string' ? props.author : '',
    parentId: shape.parentId,
    fields: readFields(catalog, kind, props.fields),
    x: at.x,
    y: at.y,
  }
  const frame = enclosingFrame(shape, shapes)
  if (frame) {
    card.frameId = frame.id
    const name = frame.props.name
    if (typeof name === 'string' && name.trim() !== '') card.frameName = name
  }
  return card
}
