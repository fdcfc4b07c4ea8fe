import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { CARD_DEFAULT_SIZE, CARD_SHAPE_TYPE } from '../../workshops/cards/cardShape'
import type { CardKind } from '../../workshops/cards/kinds'
import { startEditingCard } from './cardDefaults'

/**
 * Enter or Space on a palette button: a card of that kind in the middle of
 * the view (inside the frame there, if any), open for typing, as a click on
 * the board would make it. The board's own rules apply (a locked board takes
 * nothing). Returns the new card's id, or null when nothing was placed.
 */
export function placeCardInView(editor: Editor, kind: CardKind): TLShapeId | null {
  if (editor.getIsReadonly()) return null
  const centre = editor.getViewportPageBounds().center
  const id = createShapeId()
  const { w, h } = CARD_DEFAULT_SIZE
  editor.run(() => {
    editor.createShape({ id, type: CARD_SHAPE_TYPE, x: centre.x - w / 2, y: centre.y - h / 2, props: { kind } })
    const frame = editor.getShapesAtPoint(centre, { hitInside: true }).find((s) => s.type === 'frame')
    if (frame && editor.getShape(id)) editor.reparentShapes([id], frame.id)
  })
  if (!editor.getShape(id)) return null
  editor.setCurrentTool('select')
  editor.select(id)
  editor.focus()
  startEditingCard(editor, id)
  return id
}
