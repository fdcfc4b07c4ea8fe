/** @jsxImportSource react */
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  Rectangle2d,
  stopEventPropagation,
  useEditor,
  useIsEditing,
  useValue,
  type Geometry2d,
} from 'tldraw'
import { cardKinds } from '../../workshops/cards/kinds'
import {
  CARD_DEFAULT_SIZE,
  CARD_SHAPE_TYPE,
  CARD_TEXT_MAX,
  cardShapeMigrations,
  cardShapeProps,
  type CardShape,
} from '../../workshops/cards/cardShape'
import { finishedText, placeholderSelection } from '../../workshops/cards/starters'
import { PRIVATE_CARD_META } from '../../workshops/facilitation/controlLayout'
import { boardLang } from './boardLang'
import { contentLangOf } from '../a11y/contentLang'
import { CardDots } from './CardDots'
import { CardFieldsEditor, CardFieldsView } from './CardFields'
import { planChecks, type CardCheck } from './planChecks'
import { t } from '../i18n/i18n'

export class CardShapeUtil extends BaseBoxShapeUtil<CardShape> {
  static override type = CARD_SHAPE_TYPE
  static override props = cardShapeProps
  static override migrations = cardShapeMigrations

  override canEdit = () => true
  override isAspectRatioLocked = () => false

  getDefaultProps(): CardShape['props'] {
    return { kind: 'note', text: '', author: '', ...CARD_DEFAULT_SIZE, fields: {} }
  }

  override getGeometry(shape: CardShape): Geometry2d {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
  }

  /** Exports (SVG/PNG) and the accessibility tree read the card's text. */
  override getText(shape: CardShape): string {
    return shape.props.text
  }

  component(shape: CardShape) {
    return <CardView shape={shape} />
  }

  override getIndicatorPath(shape: CardShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 8)
    return path
  }
}

function CardView({ shape }: { shape: CardShape }) {
  const editor = useEditor()
  const isEditing = useIsEditing(shape.id)
  const lang = useValue(boardLang)
  const info = cardKinds().info(shape.props.kind)
  const check = useValue('plan check', () => planChecks.get()?.get().get(shape.id) ?? null, [shape.id])
  const isPrivate = (shape.meta as Record<string, unknown>)[PRIVATE_CARD_META] === true
  const textLang = contentLangOf(shape, lang)
  // tldraw keeps off-screen shapes mounted but hidden; drawing only an empty card there makes a 2,000-card board mount in a fraction of the time.
  const culled = useValue('card culled', () => editor.getCulledShapes().has(shape.id), [editor, shape.id])
  if (culled && !isEditing)
    return <HTMLContainer className="sv-card" data-kind={shape.props.kind} style={{ background: info.color, width: shape.props.w, height: shape.props.h }} />
  return (
    <HTMLContainer
      className="sv-card"
      data-kind={shape.props.kind}
      data-private={isPrivate ? 'true' : undefined}
      style={{ background: info.color, pointerEvents: 'all', width: shape.props.w, height: shape.props.h }}
    >
      <span className="sv-card-kind">{info.label[lang]}</span>
      {isEditing ? (
        <textarea
          className="sv-card-text sv-card-input"
          lang={textLang}
          autoFocus
          maxLength={CARD_TEXT_MAX}
          aria-label={info.label[lang]}
          placeholder={t('board.cardPlaceholder')}
          defaultValue={shape.props.text}
          onFocus={(e) => {
            // A new card's sentence frame: its "…" is selected, so the first key typed replaces it.
            const box = e.currentTarget
            const blank = placeholderSelection(box.value, shape.props.kind)
            if (blank) box.setSelectionRange(blank.start, blank.end)
            else box.setSelectionRange(box.value.length, box.value.length)
          }}
          onChange={(e) => editor.updateShape({ id: shape.id, type: CARD_SHAPE_TYPE, props: { text: e.currentTarget.value } })}
          onBlur={(e) => {
            // Whatever is left of the "…" goes once the person has written something around it.
            const text = finishedText(e.currentTarget.value)
            if (text !== e.currentTarget.value && editor.getShape(shape.id)) {
              editor.updateShape({ id: shape.id, type: CARD_SHAPE_TYPE, props: { text } })
            }
          }}
          onPointerDown={stopEventPropagation}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.currentTarget.blur()
              editor.setEditingShape(null)
            }
            e.stopPropagation()
          }}
        />
      ) : (
        <div className="sv-card-text" lang={textLang}>
          {shape.props.text}
        </div>
      )}
      {isEditing ? <CardFieldsEditor shape={shape} lang={lang} /> : <CardFieldsView kind={shape.props.kind} fields={shape.props.fields} lang={lang} />}
      {check ? <CardCheckLine check={check} /> : null}
      <div className="sv-card-footer">
        {isPrivate ? <span className="sv-card-private">{t('board.privateCard')}</span> : null}
        <CardDots shape={shape} />
        {shape.props.author ? <span className="sv-card-author">{shape.props.author}</span> : null}
      </div>
    </HTMLContainer>
  )
}

/** What the training plan says about this card: a session's time against its blocks, or a need no block answers. */
function CardCheckLine({ check }: { check: CardCheck }) {
  useValue(boardLang)
  if (check.kind === 'need-without-block') {
    return (
      <p className="sv-card-check sv-card-warning" role="note">
        {t('cards.needWithoutBlock')}
      </p>
    )
  }
  const warn = check.overrun > 0
  const text =
    check.minutes === null
      ? t('cards.sessionNoLength', { total: check.total })
      : t(warn ? 'cards.sessionOverrun' : 'cards.sessionTime', { total: check.total, minutes: check.minutes, n: check.overrun })
  return (
    <p className={warn ? 'sv-card-check sv-card-warning' : 'sv-card-check'} role="note" data-overrun={warn ? check.overrun : undefined}>
      {text}
    </p>
  )
}
