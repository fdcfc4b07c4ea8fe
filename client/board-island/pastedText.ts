import { createShapeId, type Editor } from 'tldraw'
import { CARD_DEFAULT_SIZE, CARD_SHAPE_TYPE, CARD_TEXT_MAX, CardKindStyle } from '../../workshops/cards/cardShape'

/**
 * Pasted or dropped text becomes a method card of the kind last chosen in
 * the palette (a note until one is chosen), not a loose tldraw text: so it
 * takes part in the method's chain, carries its author, and follows private
 * writing like every other new card (cardBehaviour marks it).
 */
export function registerPastedTextAsCards(editor: Editor): void {
  editor.registerExternalContentHandler('text', ({ text, point }) => {
    const clean = text.replace(/\r\n?/g, '\n').trim().slice(0, CARD_TEXT_MAX)
    if (!clean) return
    const at = point ?? editor.getViewportPageBounds().center
    const id = createShapeId()
    editor.run(() => {
      editor.createShape({
        id,
        type: CARD_SHAPE_TYPE,
        x: at.x - CARD_DEFAULT_SIZE.w / 2,
        y: at.y - CARD_DEFAULT_SIZE.h / 2,
        props: { kind: editor.getStyleForNextShape(CardKindStyle), text: clean, ...CARD_DEFAULT_SIZE },
      })
      editor.select(id)
    })
  })
}
