/** @jsxImportSource react */
import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { CardKindStyle } from '../../workshops/cards/cardShape'
import { cardKinds, type CardKind } from '../../workshops/cards/kinds'
import { t } from '../i18n/i18n'
import { boardLang } from './boardLang'
import { workshopKinds } from './boardSignals'
import { placeCardInView } from './placeCardByKeyboard'

/**
 * One button per card kind: picks the kind and the card tool; the next click
 * on the board places the card. The workshop's own kinds (those its steps
 * use) come first; the method's other kinds are one more click away.
 */
export function KindPalette() {
  const editor = useEditor()
  const lang = useValue(boardLang)
  const own = useValue(workshopKinds)
  const [more, setMore] = useState(false)
  const active = useValue('active kind', () => (editor.getCurrentToolId() === 'card' ? editor.getStyleForNextShape(CardKindStyle) : null), [editor])
  const catalog = cardKinds()
  const mine = own.length > 0 ? catalog.kinds.filter((k) => own.includes(k.id)) : catalog.kinds
  const others = catalog.kinds.filter((k) => !mine.includes(k))
  const shown = more ? [...mine, ...others] : mine
  const focused = useValue('canvas focused', () => editor.getInstanceState().isFocused, [editor])
  // A click picks the kind and the next click on the board places the card; Enter or Space (a click with no pointer) places it at once.
  const choose = (kind: CardKind, byKeyboard: boolean) => {
    editor.setStyleForNextShapes(CardKindStyle, kind)
    if (byKeyboard) placeCardInView(editor, kind)
    else editor.setCurrentTool('card')
  }
  return (
    <div className="sv-palette-area">
    <div className="sv-palette" role="toolbar" aria-label={t('board.palette')}>
      {shown.map((kind) => (
        <button
          key={kind.id}
          type="button"
          className="sv-palette-button"
          data-kind={kind.id}
          aria-pressed={active === kind.id}
          aria-label={t('board.newCard', { kind: kind.label[lang] })}
          style={{ background: kind.color }}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={(e) => choose(kind.id, e.detail === 0)}
        >
          {kind.label[lang]}
        </button>
      ))}
      {others.length > 0 ? (
        <button
          type="button"
          className="sv-palette-button sv-palette-more"
          aria-expanded={more}
          aria-label={more ? t('cards.fewerKinds') : t('cards.moreKindsLabel')}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => setMore(!more)}
        >
          {more ? t('cards.fewerKinds') : t('cards.moreKinds')}
        </button>
      ) : null}
    </div>
      {focused ? <p className="sv-canvas-hint" data-testid="canvas-hint">{t('a11y.canvasHint')}</p> : null}
    </div>
  )
}
