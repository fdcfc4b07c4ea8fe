import type { Editor, TLShapeId } from 'tldraw'
import { CARD_DEFAULT_SIZE, CARD_SHAPE_TYPE, cardSize, type CardShape } from '../../workshops/cards/cardShape'
import { cardKinds } from '../../workshops/cards/kinds'
import { markNewCard } from '../../workshops/doc/privateWrites'
import type { Lang } from '../../workshops/lang'
import { privateMode } from './boardSignals'

export function startEditingCard(editor: Editor, id: TLShapeId): void {
  const shape = editor.getShape(id)
  if (!shape || !editor.canEditShape(shape)) return
  editor.setEditingShape(shape)
  editor.setCurrentTool('select.editing_shape', { target: 'shape', shape })
}

/**
 * New cards made by this user carry their author (unless the workshop is
 * anonymous), start with the method's sentence frame for their kind, are
 * private while private writing is on, and open for typing at once, as a
 * sticky note does.
 */
export function cardBehaviour(editor: Editor, opts: { author: string; anonymous: boolean; lang: () => Lang }): () => void {
  const stopStamping = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== CARD_SHAPE_TYPE) return shape
    const card = shape as CardShape
    const author = opts.anonymous ? '' : card.props.author || opts.author
    const text = card.props.text || cardKinds().info(card.props.kind).starter[opts.lang()]
    // A card placed with a click has the default size; kinds with more to hold (a block's fields) start bigger.
    const isDefault = card.props.w === CARD_DEFAULT_SIZE.w && card.props.h === CARD_DEFAULT_SIZE.h
    const size = isDefault ? cardSize(card.props.kind) : { w: card.props.w, h: card.props.h }
    return markNewCard({ ...card, props: { ...card.props, author, text, ...size } }, privateMode.get())
  })
  const stopEditing = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== CARD_SHAPE_TYPE || editor.getCurrentToolId() !== 'card') return
    // The card tool hands over to the select tool after this handler; edit once it has.
    editor.timers.setTimeout(() => {
      if (editor.isIn('select.idle') && editor.getOnlySelectedShapeId() === shape.id) startEditingCard(editor, shape.id)
    }, 0)
  })
  return () => {
    stopStamping()
    stopEditing()
  }
}
