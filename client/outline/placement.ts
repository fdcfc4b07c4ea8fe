import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import { cardSize } from '../../workshops/cards/cardShape'
import type { CardKind } from '../../workshops/cards/kinds'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { findFreeSlot, type Rect } from '../../workshops/templates/freeSlot'
import { frameOfStep } from '../../workshops/templates/placeTemplates'

const GAP = 20
const MARGIN = 40

type Shape = Extract<TLRecord, { typeName: 'shape' }>

const isShape = (r: TLRecord | undefined): r is Shape => r?.typeName === 'shape'
const sizeOf = (s: Shape) => s.props as { w?: number; h?: number }

export interface Placement {
  parentId: TLParentId
  x: number
  y: number
  /** The frame, taller, when the card needs it to grow (write it with the card, if this person may). */
  grown?: TLRecord
}

/** What placing needs of this person's board (the mounted board handle has both). */
export interface BoardView {
  viewport(): Rect | null
  reveal(shapeId: string): void
}

export interface PlaceWhere {
  /** The step the workshop is on: its frame is where new work goes. */
  stepId?: string | null
  /** The part of the page this person sees (page coordinates): a free place there is preferred. */
  viewport?: Rect | null
}

/** Top-left of a shape on the page, through the frames it is in. */
function pagePosition(byId: ReadonlyMap<string, TLRecord>, shape: Shape): { x: number; y: number } {
  let x = shape.x
  let y = shape.y
  let parent = byId.get(shape.parentId)
  while (isShape(parent)) {
    x += parent.x
    y += parent.y
    parent = byId.get(parent.parentId)
  }
  return { x, y }
}

/**
 * The frame a card added now goes into: the current step's, or before the
 * workshop starts the frame of the first step that uses its kind.
 */
export function targetFrame(records: readonly TLRecord[], kind: CardKind, definition: WorkshopDefinition | null, stepId?: string | null): Shape | null {
  const step = stepId ?? definition?.steps.find((s) => s.cardKinds.includes(kind))?.id
  if (!step) return null
  const id = frameOfStep(definition, step)
  const frame = records.find((r) => r.id === id)
  return isShape(frame) && frame.type === 'frame' ? frame : null
}

/**
 * Where a card added without a pointer goes.
 *
 * With an `owner` (the session a block is for, the scene of a line): in the
 * owner's column, below it and the cards already under it, so it belongs to
 * it the way a card placed there by hand does (nearest in its frame).
 *
 * Otherwise into the current step's frame (targetFrame), in the first free
 * place of a grid that overlaps nothing there, one this person sees if there
 * is one, below what the frame says at its top; a full frame grows
 * downward. Without such a frame, in a column right of everything.
 */
export function placeNewCard(
  records: readonly TLRecord[],
  kind: CardKind,
  definition: WorkshopDefinition | null,
  owner?: string,
  where: PlaceWhere = {},
): Placement {
  const size = cardSize(kind)
  const ownerShape = owner ? records.find((r) => r.id === owner) : undefined
  if (isShape(ownerShape)) {
    const w = sizeOf(ownerShape).w ?? size.w
    let bottom = ownerShape.y + (sizeOf(ownerShape).h ?? 0)
    for (const r of records) {
      if (!isShape(r) || r.id === ownerShape.id || r.parentId !== ownerShape.parentId || r.type !== 'card') continue
      // Cards in the owner's column, below it.
      if (r.y > ownerShape.y && r.x < ownerShape.x + w / 2 && r.x + (sizeOf(r).w ?? 0) > ownerShape.x + w / 2) {
        bottom = Math.max(bottom, r.y + (sizeOf(r).h ?? 0))
      }
    }
    return { parentId: ownerShape.parentId, x: ownerShape.x, y: bottom + GAP }
  }

  const frame = targetFrame(records, kind, definition, where.stepId)
  if (frame) {
    const { w, h } = frame.props as { w: number; h: number }
    const children = records.filter((r): r is Shape => isShape(r) && r.parentId === frame.id)
    // What the frame says at its top (a work area's text) stays readable: cards start below it.
    const top = Math.max(MARGIN, ...children.filter((c) => c.type === 'text').map((c) => c.y + (sizeOf(c).h ?? 100) + GAP))
    // Arrows go between cards; texts are above `top`.
    const occupied = children
      .filter((c) => c.type !== 'text' && c.type !== 'arrow')
      .map((c) => ({ x: c.x, y: c.y, w: sizeOf(c).w ?? size.w, h: sizeOf(c).h ?? size.h }))
    const byId = new Map(records.map((r) => [r.id as string, r]))
    const origin = pagePosition(byId, frame)
    const visible = where.viewport ? { ...where.viewport, x: where.viewport.x - origin.x, y: where.viewport.y - origin.y } : null
    const slot = findFreeSlot({ frame: { w, h }, occupied, size, top, visible })
    const grown = slot.frameH > h ? ({ ...frame, props: { ...frame.props, h: slot.frameH } } as TLRecord) : undefined
    return { parentId: frame.id, x: slot.x, y: slot.y, ...(grown ? { grown } : {}) }
  }
  let right = 0
  let count = 0
  for (const r of records) {
    if (r.typeName !== 'shape' || r.parentId !== BOARD_PAGE_ID) continue
    // Cards stack in one column right of the templates and frames.
    if (r.type === 'card') count++
    else right = Math.max(right, r.x + ((r.props as { w?: number }).w ?? 0))
  }
  return { parentId: BOARD_PAGE_ID, x: right + MARGIN * 2, y: (count % 20) * (size.h + GAP) }
}
