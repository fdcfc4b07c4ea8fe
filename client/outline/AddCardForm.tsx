import { createSignal, For } from 'solid-js'
import { CARD_KIND_INFO, CARD_KINDS, type CardKind } from '../../workshops/cards/kinds'
import { lang, localized, t } from '../i18n/i18n'

/** Adds a card from the keyboard; new insights and challenges start with their sentence frames. */
export function AddCardForm(props: { onAdd: (kind: CardKind, text: string) => void }) {
  const [kind, setKind] = createSignal<CardKind>('insight')
  const [text, setText] = createSignal(CARD_KIND_INFO.insight.starter[lang()])
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
        props.onAdd(kind(), text())
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
        <textarea rows={3} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit">{t('outline.add')}</button>
    </form>
  )
}
