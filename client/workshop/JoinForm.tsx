import { createSignal, Show } from 'solid-js'
import { t } from '../i18n/i18n'
import { DISPLAY_NAME_MAX, savedDisplayName } from './identity'

export function JoinForm(props: { title: string; anonymous: boolean; onJoin: (name: string) => void }) {
  const [name, setName] = createSignal(savedDisplayName())
  return (
    <main class="join-page">
      <form
        class="join-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (name().trim()) props.onJoin(name().trim())
        }}
      >
        <h1>{props.title}</h1>
        <h2>{t('join.heading')}</h2>
        <label class="field">
          <span>{t('join.name')}</span>
          <input
            name="displayName"
            required
            autofocus
            maxlength={DISPLAY_NAME_MAX}
            placeholder={t('join.namePlaceholder')}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <Show when={props.anonymous}>
          <p class="hint">{t('join.anonymousNote')}</p>
        </Show>
        <button type="submit">{t('join.submit')}</button>
      </form>
    </main>
  )
}
