import { createShapeId, type Editor } from 'tldraw'
import { CARD_SHAPE_TYPE, CARD_TEXT_MAX, CardKindStyle, cardSize } from '../../workshops/cards/cardShape'

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
    const kind = editor.getStyleForNextShape(CardKindStyle)
    const size = cardSize(kind)
    editor.run(() => {
      editor.createShape({
        id,
        type: CARD_SHAPE_TYPE,
        x: at.x - size.w / 2,
        y: at.y - size.h / 2,
        props: { kind, text: clean, ...size, fields: {} },
      })
      editor.select(id)
    })
  })
}
