import { BaseBoxShapeTool, type TLShape } from 'tldraw'
import { CARD_SHAPE_TYPE } from '../../workshops/cards/cardShape'
import { startEditingCard } from './cardDefaults'

/** Click or drag on the board to place a card of the chosen kind; typing starts at once. */
export class CardTool extends BaseBoxShapeTool {
  static override id = 'card'
  static override initial = 'idle'
  override shapeType = CARD_SHAPE_TYPE

  override onCreate(shape: TLShape | null): void {
    // Called after a drag-to-size; a plain click is handled in cardBehaviour.
    if (shape) startEditingCard(this.editor, shape.id)
  }
}
