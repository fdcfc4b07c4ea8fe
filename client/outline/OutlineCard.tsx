import { createSignal, For, Show, type JSX } from 'solid-js'
import type { Card } from '../../workshops/chain/cards'
import type { CardFields } from '../../workshops/cards/catalog'
import { cardKinds } from '../../workshops/cards/kinds'
import { finishedText } from '../../workshops/cards/starters'
import { cardInTarget, type VoteTarget } from '../../workshops/facilitation/votes'
import type { RefusalReason } from '../../workshops/rules/refusals'
import { FieldInputs, fieldsSummary } from '../cards/FieldInputs'
import { lang, localized, t, type MessageKey } from '../i18n/i18n'
import { contentLangOf } from '../a11y/contentLang'
import type { CardListItem } from './VirtualCardList'

export interface OutlineVote {
  target: VoteTarget
  allowStacking: boolean
  myDots: Record<string, number>
  left: number
  cast(cardId: string, action: 'add' | 'remove'): void
}

export interface CardActions {
  /** New text, and the fields when the form edited them. */
  edit(id: string, text: string, fields?: CardFields): void
  remove(id: string): void
  link(a: string, b: string): void
  unlink(a: string, b: string): void
  /** Makes the arrow to `ownerId` the card's only link to a card of that kind (a quote's theme, a block's session). */
  moveToOwner(cardId: string, ownerId: string): void
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat || t('outline.empty')
}

/** One card in the list of all cards, with everything a pointer can do on the board, by keyboard. */
export function OutlineCard(props: {
  card: Card
  linked: Card[]
  /** The cards this one may be linked to, nearest first; read when the link form opens. */
  linkTargets: () => Card[]
  /** Its place in the list of all cards (Tab stop, position, measuring). */
  item?: CardListItem
  /** The cards of the kind this card is part of (themes of a quote, sessions of a block), and the one it belongs to now. */
  owners: Card[]
  ownerId?: string
  isPrivate?: boolean
  actions: CardActions
  vote: OutlineVote | null
  /** Why this person may not change or delete the card (the board's rules); null when they may. */
  editBlocked?: RefusalReason | null
  deleteBlocked?: RefusalReason | null
  /** Why no links can be drawn now (a locked board). */
  linkBlocked?: RefusalReason | null
  /** More about the card, below it (where a carried card came from, its path: client/programme/CardProvenance.tsx). */
  footer?: JSX.Element
}) {
  const [mode, setMode] = createSignal<'view' | 'edit' | 'link' | 'theme'>('view')
  const [draft, setDraft] = createSignal('')
  const [draftFields, setDraftFields] = createSignal<CardFields>({})
  const kind = () => cardKinds().info(props.card.kind)
  const ownerKind = () => cardKinds().partOf(props.card.kind)
  const ownerLabel = () => (ownerKind() ? localized(cardKinds().info(ownerKind()!).label).toLowerCase() : '')
  const [linkable, setLinkable] = createSignal<Card[]>([])
  const [target, setTarget] = createSignal('')
  let editBox: HTMLTextAreaElement | undefined
  let editButton: HTMLButtonElement | undefined

  const startEdit = () => {
    setDraft(props.card.text)
    setDraftFields({ ...props.card.fields })
    setMode('edit')
    queueMicrotask(() => editBox?.focus())
  }
  const finish = () => {
    setMode('view')
    queueMicrotask(() => editButton?.focus())
  }

  return (
    <li
      class="outline-card"
      data-card-id={props.card.id}
      data-kind={props.card.kind}
      ref={(el) => props.item?.ref(el)}
      tabIndex={props.item?.tabIndex}
      aria-posinset={props.item?.position}
      aria-setsize={props.item?.size}
    >
      <span class="kind-chip" style={{ background: kind().color }}>
        {localized(kind().label)}
      </span>
      <Show when={props.isPrivate}>
        <span class="outline-private">{t('outline.privateCard')}</span>
      </Show>
      <Show
        when={mode() === 'edit'}
        fallback={
          <>
            <span class="outline-text" lang={contentLangOf(props.card, lang())}>{props.card.text || t('outline.empty')}</span>
            <Show when={fieldsSummary(props.card.kind, props.card.fields)}>{(summary) => <span class="outline-fields">{summary()}</span>}</Show>
            <For each={kind().fields.filter((f) => f.type === 'longText' && props.card.fields[f.id])}>
              {(f) => (
                <span class="outline-fields">
                  {localized(f.label)}: {String(props.card.fields[f.id])}
                </span>
              )}
            </For>
          </>
        }
      >
        <form
          class="outline-edit"
          onSubmit={(e) => {
            e.preventDefault()
            props.actions.edit(props.card.id, finishedText(draft()), kind().fields.length > 0 ? draftFields() : undefined)
            finish()
          }}
        >
          <label>
            <span class="visually-hidden">{t('outline.text')}</span>
            <textarea ref={editBox} value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} rows={3} />
          </label>
          <FieldInputs kind={props.card.kind} values={draftFields()} onChange={setDraftFields} idPrefix={`edit-${props.card.id}`} />
          <button type="submit">{t('outline.save')}</button>
          <button type="button" class="secondary" onClick={finish}>
            {t('outline.cancel')}
          </button>
        </form>
      </Show>
      <Show when={mode() === 'view'}>
        {/* A card-specific reason (locked, part of a template); a locked board is said once, above the outline. */}
        <Show when={props.deleteBlocked && props.deleteBlocked !== 'board-locked' ? props.deleteBlocked : null}>
          {(reason) => (
            <p class="outline-blocked" id={`blocked-${props.card.id}`}>
              {t(`refused.${reason()}` as MessageKey)}
            </p>
          )}
        </Show>
        {/* Not Tab stops: the card is (the list's roving one), and Enter on it moves here. */}
        <div class="outline-actions" role="toolbar" aria-label={t('outline.actionsLabel', { text: short(props.card.text) })}>
          <button
            type="button"
            tabIndex={-1}
            ref={editButton}
            class="secondary"
            aria-label={t('outline.editLabel', { text: short(props.card.text) })}
            disabled={!!props.editBlocked}
            aria-describedby={props.editBlocked && props.editBlocked !== 'board-locked' ? `blocked-${props.card.id}` : undefined}
            onClick={startEdit}
          >
            {t('outline.edit')}
          </button>
          <button
            type="button"
            class="secondary"
            aria-label={t('outline.linkLabel', { text: short(props.card.text) })}
            tabIndex={-1}
            onClick={() => {
              const targets = props.linkTargets()
              setLinkable(targets)
              setTarget(targets[0]?.id ?? '')
              setMode('link')
            }}
            disabled={!!props.linkBlocked}
          >
            {t('outline.link')}
          </button>
          <Show when={ownerKind() && props.owners.length > 0}>
            <button
              type="button"
              class="secondary"
              tabIndex={-1}
              aria-label={t('outline.moveToKindLabel', { kind: ownerLabel(), text: short(props.card.text) })}
              disabled={!!props.linkBlocked}
              onClick={() => {
                setTarget(props.ownerId ?? props.owners[0].id)
                setMode('theme')
              }}
            >
              {t('outline.moveToKind', { kind: ownerLabel() })}
            </button>
          </Show>
          <button
            type="button"
            class="secondary danger"
            tabIndex={-1}
            aria-label={t('outline.deleteLabel', { text: short(props.card.text) })}
            disabled={!!props.deleteBlocked}
            aria-describedby={props.deleteBlocked && props.deleteBlocked !== 'board-locked' ? `blocked-${props.card.id}` : undefined}
            onClick={() => props.actions.remove(props.card.id)}
          >
            {t('outline.delete')}
          </button>
        </div>
        <Show when={props.vote && cardInTarget({ id: props.card.id, kind: props.card.kind, frameId: props.card.frameId }, props.vote.target) ? props.vote : null}>
          {(vote) => {
            const mine = () => vote().myDots[props.card.id] ?? 0
            return (
              <div class="outline-vote" role="toolbar" aria-label={`${t('vote.addDot')}: ${short(props.card.text)}`}>
                <span>{t('vote.myDotsOnCard', { n: mine() })}</span>
                <button
                  type="button"
                  class="small"
                  tabIndex={-1}
                  disabled={vote().left === 0 || (!vote().allowStacking && mine() > 0)}
                  aria-label={`${t('vote.addDot')}: ${short(props.card.text)}`}
                  onClick={() => vote().cast(props.card.id, 'add')}
                >
                  +
                </button>
                <Show when={mine() > 0}>
                  <button type="button" class="small secondary" tabIndex={-1} aria-label={`${t('vote.removeDot')}: ${short(props.card.text)}`} onClick={() => vote().cast(props.card.id, 'remove')}>
                    −
                  </button>
                </Show>
              </div>
            )
          }}
        </Show>
      </Show>
      <Show when={mode() === 'link' && linkable().length === 0}>
        <p class="outline-blocked" role="status">
          {t('outline.noLinkTargets')}{' '}
          <button type="button" class="secondary small" ref={(el) => queueMicrotask(() => el.focus())} onClick={finish}>
            {t('outline.cancel')}
          </button>
        </p>
      </Show>
      <Show when={mode() === 'link' && linkable().length > 0}>
        <form
          class="outline-link"
          onSubmit={(e) => {
            e.preventDefault()
            if (target()) props.actions.link(props.card.id, target())
            finish()
          }}
        >
          <label>
            <span>{t('outline.linkTo')}</span>
            <select ref={(el) => queueMicrotask(() => el.focus())} value={target()} onChange={(e) => setTarget(e.currentTarget.value)}>
              <For each={linkable()}>
                {(other) => (
                  <option value={other.id}>
                    {localized(cardKinds().info(other.kind).label)}: {short(other.text)}
                  </option>
                )}
              </For>
            </select>
          </label>
          <button type="submit">{t('outline.link')}</button>
          <button type="button" class="secondary" onClick={finish}>
            {t('outline.cancel')}
          </button>
        </form>
      </Show>
      <Show when={mode() === 'theme'}>
        <form
          class="outline-link"
          onSubmit={(e) => {
            e.preventDefault()
            if (target()) props.actions.moveToOwner(props.card.id, target())
            finish()
          }}
        >
          <label>
            <span>{ownerKind() ? localized(cardKinds().info(ownerKind()!).label) : ''}</span>
            <select ref={(el) => queueMicrotask(() => el.focus())} value={target()} onChange={(e) => setTarget(e.currentTarget.value)}>
              <For each={props.owners}>{(owner) => <option value={owner.id}>{short(owner.text)}</option>}</For>
            </select>
          </label>
          <button type="submit">{t('outline.move')}</button>
          <button type="button" class="secondary" onClick={finish}>
            {t('outline.cancel')}
          </button>
        </form>
      </Show>
      <Show when={props.linked.length > 0}>
        <ul class="outline-links" aria-label={t('outline.linkedTo')}>
          <For each={props.linked}>
            {(other) => (
              <li>
                <span>
                  {localized(cardKinds().info(other.kind).label)}: {short(other.text)}
                </span>
                <button
                  type="button"
                  class="secondary small"
                  tabIndex={-1}
                  aria-label={t('outline.unlinkLabel', { text: short(other.text) })}
                  disabled={!!props.linkBlocked}
                  onClick={() => props.actions.unlink(props.card.id, other.id)}
                >
                  {t('outline.unlink')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      {props.footer}
    </li>
  )
}
