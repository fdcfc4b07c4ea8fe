/** @jsxImportSource react */
import { useEditor, useValue } from 'tldraw'
import { CardKindStyle } from '../../workshops/cards/cardShape'
import { CARD_KIND_INFO, CARD_KINDS, type CardKind } from '../../workshops/cards/kinds'
import { t } from '../i18n/i18n'
import { boardLang } from './boardLang'

/** One button per card kind: picks the kind and the card tool; the next click on the board places the card. */
export function KindPalette() {
  const editor = useEditor()
  const lang = useValue(boardLang)
  const active = useValue('active kind', () => (editor.getCurrentToolId() === 'card' ? editor.getStyleForNextShape(CardKindStyle) : null), [editor])
  const choose = (kind: CardKind) => {
    editor.setStyleForNextShapes(CardKindStyle, kind)
    editor.setCurrentTool('card')
  }
  return (
    <div className="sv-palette" role="toolbar" aria-label={t('board.palette')}>
      {CARD_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="sv-palette-button"
          data-kind={kind}
          aria-pressed={active === kind}
          aria-label={t('board.newCard', { kind: CARD_KIND_INFO[kind].label[lang] })}
          style={{ background: CARD_KIND_INFO[kind].color }}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => choose(kind)}
        >
          {CARD_KIND_INFO[kind].label[lang]}
        </button>
      ))}
    </div>
  )
}
