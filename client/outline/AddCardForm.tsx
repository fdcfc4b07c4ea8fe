import { createEffect, createSignal, For, on } from 'solid-js'
import { CARD_KIND_INFO, CARD_KINDS, type CardKind } from '../../workshops/cards/kinds'
import { finishedText, placeholderSelection } from '../../workshops/cards/starters'
import { lang, localized, t } from '../i18n/i18n'

/** Adds a card from the keyboard; new insights and challenges start with their sentence frames, whose "…" typing replaces. */
export function AddCardForm(props: { onAdd: (kind: CardKind, text: string) => void; disabled?: boolean }) {
  const [kind, setKind] = createSignal<CardKind>('insight')
  const [text, setText] = createSignal(CARD_KIND_INFO.insight.starter[lang()])
  // A sentence frame nobody has written in yet follows the language.
  createEffect(
    on(lang, (now) => {
      const untouched = CARD_KINDS.some((k) => Object.values(CARD_KIND_INFO[k].starter).includes(text()))
      if (untouched) setText(CARD_KIND_INFO[kind()].starter[now])
    }, { defer: true }),
  )
  const chooseKind = (next: CardKind) => {
    const wasStarter = CARD_KINDS.some((k) => CARD_KIND_INFO[k].starter[lang()] === text())
    setKind(next)
    if (!text() || wasStarter) setText(CARD_KIND_INFO[next].starter[lang()])
  }
  return (
    <form
      class="outline-add"
      onSubmit={(e) => {
        e.preventDefault()
        props.onAdd(kind(), finishedText(text()))
        setText(CARD_KIND_INFO[kind()].starter[lang()])
      }}
    >
      <label>
        <span>{t('outline.kind')}</span>
        <select value={kind()} onChange={(e) => chooseKind(e.currentTarget.value as CardKind)}>
          <For each={[...CARD_KINDS]}>{(k) => <option value={k}>{localized(CARD_KIND_INFO[k].label)}</option>}</For>
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
      <button type="submit" disabled={props.disabled}>
        {t('outline.add')}
      </button>
    </form>
  )
}
