import { createEffect, createSignal, For, on, Show } from 'solid-js'
import type { CardFields } from '../../workshops/cards/catalog'
import { cardKinds, type CardKind } from '../../workshops/cards/kinds'
import { finishedText, placeholderSelection } from '../../workshops/cards/starters'
import type { Card } from '../../workshops/chain/cards'
import { FieldInputs } from '../cards/FieldInputs'
import { lang, localized, t } from '../i18n/i18n'

export interface NewCardInput {
  kind: CardKind
  text: string
  fields: CardFields
  /** The card it goes under (the session of a block), when its kind is part of another. */
  owner?: string
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat || t('outline.empty')
}

/**
 * Adds a card from the keyboard: its kind, its text (new insights and
 * challenges start with their sentence frames, whose "…" typing replaces),
 * its kind's fields, and for a kind that is part of another (a block of a
 * session) which card it goes under.
 */
export function AddCardForm(props: {
  onAdd: (card: NewCardInput) => void
  disabled?: boolean
  /** The workshop's own kinds, offered first; the first is chosen to begin with. */
  kinds?: readonly CardKind[]
  /** The cards on the board, for choosing an owner. */
  cards?: readonly Card[]
}) {
  const catalog = cardKinds()
  const own = () => (props.kinds ?? []).filter((k) => catalog.has(k))
  const ordered = () => [...catalog.kinds.filter((k) => own().includes(k.id)), ...catalog.kinds.filter((k) => !own().includes(k.id))]
  const starterOf = (kind: CardKind) => catalog.info(kind).starter[lang()]
  const first = (): CardKind => (own().includes('insight') ? 'insight' : (own()[0] ?? 'insight'))
  const [kind, setKind] = createSignal<CardKind>(first())
  const [text, setText] = createSignal(starterOf(kind()))
  const [fields, setFields] = createSignal<CardFields>({})
  const ownerKind = () => catalog.partOf(kind())
  const owners = () => (props.cards ?? []).filter((c) => c.kind === ownerKind())
  const [owner, setOwner] = createSignal('')
  const isStarter = (value: string) => catalog.starters().includes(value)
  // A sentence frame nobody has written in yet follows the language.
  createEffect(
    on(lang, () => {
      if (isStarter(text())) setText(starterOf(kind()))
    }, { defer: true }),
  )
  const chooseKind = (next: CardKind) => {
    const wasStarter = !text() || isStarter(text())
    setKind(next)
    setFields({})
    // The newest owner (the last session in the plan) is the likeliest one.
    const candidates = owners()
    setOwner(candidates.length > 0 ? candidates[candidates.length - 1].id : '')
    if (wasStarter) setText(starterOf(next))
  }
  return (
    <form
      class="outline-add"
      onSubmit={(e) => {
        e.preventDefault()
        props.onAdd({ kind: kind(), text: finishedText(text()), fields: fields(), owner: owner() || undefined })
        setText(starterOf(kind()))
        setFields({})
      }}
    >
      <label>
        <span>{t('outline.kind')}</span>
        <select value={kind()} onChange={(e) => chooseKind(e.currentTarget.value)}>
          <For each={ordered()}>{(k) => <option value={k.id}>{localized(k.label)}</option>}</For>
        </select>
      </label>
      <label>
        <span>{t('outline.text')}</span>
        <textarea
          rows={3}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          onFocus={(e) => {
            // The sentence frame's "…" is selected, so typing replaces it (after the browser places its caret).
            const box = e.currentTarget
            const blank = placeholderSelection(box.value, kind())
            if (blank) queueMicrotask(() => box.setSelectionRange(blank.start, blank.end))
          }}
        />
      </label>
      <FieldInputs kind={kind()} values={fields()} onChange={setFields} idPrefix="add-card" />
      <Show when={ownerKind() && owners().length > 0}>
        <label>
          <span>{t('outline.owner', { kind: localized(catalog.info(ownerKind()!).label) })}</span>
          <select value={owner()} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">{t('outline.noOwner')}</option>
            <For each={owners()}>{(c) => <option value={c.id}>{short(c.text)}</option>}</For>
          </select>
        </label>
      </Show>
      <button type="submit" disabled={props.disabled}>
        {t('outline.add')}
      </button>
    </form>
  )
}
