import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import type { CardKind } from '../../workshops/cards/kinds'
import { CARD_DEFAULT_SIZE } from '../../workshops/cards/cardShape'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import type { WorkshopDefinition } from '../../workshops/method/types'

const GAP = 20
const MARGIN = 40

/**
 * Where a card added without a pointer goes: into the frame of the first step
 * that uses its kind (frames carry meta.stepId), in the next free grid slot;
 * without such a frame, in a column to the right of everything on the page.
 */
export function placeNewCard(
  records: readonly TLRecord[],
  kind: CardKind,
  definition: WorkshopDefinition | null,
): { parentId: TLParentId; x: number; y: number } {
  const frames = records.filter((r): r is Extract<TLRecord, { typeName: 'shape' }> => r.typeName === 'shape' && r.type === 'frame')
  const stepId = definition?.steps.find((s) => s.cardKinds.includes(kind))?.id
  const frame = stepId ? frames.find((f) => (f.meta as { stepId?: string }).stepId === stepId) : undefined
  if (frame) {
    const { w } = frame.props as { w: number }
    const columns = Math.max(1, Math.floor((w - MARGIN) / (CARD_DEFAULT_SIZE.w + GAP)))
    const children = records.filter((r) => r.typeName === 'shape' && r.parentId === frame.id).length
    return {
      parentId: frame.id,
      x: MARGIN / 2 + (children % columns) * (CARD_DEFAULT_SIZE.w + GAP),
      y: MARGIN + Math.floor(children / columns) * (CARD_DEFAULT_SIZE.h + GAP),
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
  return { parentId: BOARD_PAGE_ID, x: right + MARGIN * 2, y: (count % 20) * (CARD_DEFAULT_SIZE.h + GAP) }
}
