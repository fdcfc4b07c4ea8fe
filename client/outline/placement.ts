import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import { cardSize } from '../../workshops/cards/cardShape'
import type { CardKind } from '../../workshops/cards/kinds'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { frameOfStep } from '../../workshops/templates/placeTemplates'

const GAP = 20
const MARGIN = 40

type Shape = Extract<TLRecord, { typeName: 'shape' }>

const isShape = (r: TLRecord | undefined): r is Shape => r?.typeName === 'shape'
const sizeOf = (s: Shape) => s.props as { w?: number; h?: number }

/**
 * Where a card added without a pointer goes.
 *
 * With an `owner` (the session a block is for, the scene of a line): in the
 * owner's column, below it and the cards already under it, so it belongs to
 * it the way a card placed there by hand does (nearest in its frame).
 *
 * Otherwise into the frame where the first step that uses its kind works
 * (frameOfStep), in the next free grid slot below what the frame says at
 * its top; without such a frame, in a column to the right of everything.
 */
export function placeNewCard(
  records: readonly TLRecord[],
  kind: CardKind,
  definition: WorkshopDefinition | null,
  owner?: string,
): { parentId: TLParentId; x: number; y: number } {
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

  const stepId = definition?.steps.find((s) => s.cardKinds.includes(kind))?.id
  const frame = stepId ? records.find((r) => r.id === frameOfStep(definition, stepId)) : undefined
  if (isShape(frame) && frame.type === 'frame') {
    const { w } = frame.props as { w: number }
    const children = records.filter((r): r is Shape => isShape(r) && r.parentId === frame.id)
    // What the frame says at its top (a work area's text) stays readable: cards start below it.
    const top = Math.max(MARGIN, ...children.filter((c) => c.type === 'text').map((c) => c.y + (sizeOf(c).h ?? 100) + GAP))
    const cards = children.filter((c) => c.type !== 'text').length
    const columns = Math.max(1, Math.floor((w - MARGIN) / (size.w + GAP)))
    return {
      parentId: frame.id,
      x: MARGIN / 2 + (cards % columns) * (size.w + GAP),
      y: top + Math.floor(cards / columns) * (size.h + GAP),
    }
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
