/** @jsxImportSource react */
import { stopEventPropagation, useEditor, useValue } from 'tldraw'
import type { CardShape } from '../../workshops/cards/cardShape'
import { cardInTarget } from '../../workshops/facilitation/votes'
import { t } from '../i18n/i18n'
import { voteView } from './boardSignals'

/** The nearest frame a card sits in, for votes on a frame. */
function frameOf(editor: ReturnType<typeof useEditor>, shape: CardShape): string | undefined {
  let parent = editor.getShape(shape.parentId as never)
  while (parent && parent.type !== 'frame') parent = editor.getShape(parent.parentId as never)
  return parent?.id
}

/** Dot-vote buttons while a vote is open (only this person's own dots), the count once it is closed. */
export function CardDots({ shape }: { shape: CardShape }) {
  const editor = useEditor()
  const view = useValue(voteView)
  const open = view.open
  if (open && cardInTarget({ id: shape.id, kind: shape.props.kind, frameId: frameOf(editor, shape) }, open.target)) {
    const mine = open.myDots[shape.id] ?? 0
    const canAdd = open.left > 0 && (open.allowStacking || mine === 0)
    return (
      <span className="sv-card-dots" onPointerDown={stopEventPropagation}>
        <span className="sv-dot-count" role="img" aria-label={t('vote.myDotsOnCard', { n: mine })}>
          {'●'.repeat(mine)}
        </span>
        <button type="button" className="sv-dot-button" disabled={!canAdd} aria-label={t('vote.addDot')} onClick={() => view.cast(shape.id, 'add')}>
          +
        </button>
        {mine > 0 ? (
          <button type="button" className="sv-dot-button" aria-label={t('vote.removeDot')} onClick={() => view.cast(shape.id, 'remove')}>
            −
          </button>
        ) : null}
      </span>
    )
  }
  const count = view.results?.[shape.id]
  if (count) {
    return (
      <span className="sv-card-result" data-testid="vote-result">
        {t('vote.count', { n: count })}
      </span>
    )
  }
  return null
}
