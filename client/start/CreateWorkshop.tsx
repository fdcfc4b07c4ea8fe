import { createResource, createSignal, For, Show } from 'solid-js'
import { api, type CreatedWorkshop } from '../api/http'
import { localized, t } from '../i18n/i18n'
import { PersonaPicker } from './PersonaPicker'

/** Creating a workshop from a method: name, anonymity, persona. */
export function CreateWorkshop(props: { onCreated: (links: CreatedWorkshop) => void }) {
  const [methods] = createResource(api.methods)
  const [method, setMethod] = createSignal('')
  const [title, setTitle] = createSignal('')
  const [anonymous, setAnonymous] = createSignal(false)
  const [persona, setPersona] = createSignal('anna')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)

  const chosenMethod = () => method() || methods()?.[0]?.id || ''

  async function create(event: SubmitEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      props.onCreated(await api.createWorkshop({ method: chosenMethod(), title: title().trim(), anonymous: anonymous(), persona: persona() }))
    } catch (e) {
      setError(t('start.createFailed', { error: (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Show when={!methods.error} fallback={<p role="alert">{t('start.loadFailed', { error: String(methods.error?.message) })}</p>}>
      <section class="create-form" aria-labelledby="create-heading">
        <h2 id="create-heading">{t('start.heading')}</h2>
        <form id="create-workshop" class="create-fields" onSubmit={create}>
          <fieldset>
            <legend>{t('start.method')}</legend>
            <For each={methods()}>
              {(m) => (
                <label class="method-option">
                  <input type="radio" name="method" value={m.id} checked={chosenMethod() === m.id} onChange={() => setMethod(m.id)} />
                  <span class="method-title">{localized(m.title)}</span>
                  <span class="method-meta">{t('start.minutes', { n: m.duration })}</span>
                  <span class="method-goal">{localized(m.goal)}</span>
                </label>
              )}
            </For>
          </fieldset>
          <label class="field">
            <span>{t('start.title')}</span>
            <input
              name="title"
              required
              maxlength={200}
              placeholder={t('start.titlePlaceholder')}
              value={title()}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          </label>
          <label class="checkbox">
            <input type="checkbox" checked={anonymous()} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
            <span>{t('start.anonymous')}</span>
          </label>
        </form>
        {/* The persona picker has a form of its own (adding a persona), so it sits beside the workshop form. */}
        <PersonaPicker value={persona()} onChange={setPersona} />
        <button type="submit" form="create-workshop" disabled={busy() || !chosenMethod()}>
          {busy() ? t('start.creating') : t('start.create')}
        </button>
        <Show when={error()}>
          <p role="alert" class="error">
            {error()}
          </p>
        </Show>
      </section>
    </Show>
  )
}
