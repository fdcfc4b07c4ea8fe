import { createResource, createSignal, For, Show } from 'solid-js'
import { api } from '../api/http'
import { lang, t } from '../i18n/i18n'
import { CopyField } from '../start/CopyField'
import { programmeApi, workshopName, type CreatedProgramme } from './programmeApi'
import './programme.css'

/** The built-in programme's workshops, checked from the start; an employer's own can be added. */
const KUPO = ['ws1', 'ws2', 'ws3', 'ws4', 'ws5', 'ws6', 'ws7', 'ws8']

/** Creating a programme: one title, the workshops in order, one persona, one anonymity setting. */
export function CreateProgramme(props: { onCreated?: () => void }) {
  const [methods] = createResource(api.methods)
  const [personas] = createResource(api.personas)
  const [title, setTitle] = createSignal('')
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set(KUPO))
  const [anonymous, setAnonymous] = createSignal(false)
  const [persona, setPersona] = createSignal('anna')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [created, setCreated] = createSignal<CreatedProgramme | null>(null)
  // The form opens on request: the start page stays short, and the method list is not shown twice at once.
  const [open, setOpen] = createSignal(false)

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen())
    if (on) next.add(id)
    else next.delete(id)
    setChosen(next)
  }

  async function create(event: SubmitEvent) {
    event.preventDefault()
    // In the order the method lists them, whatever order they were ticked in.
    const workshops = (methods() ?? []).map((m) => m.id).filter((id) => chosen().has(id))
    if (workshops.length === 0) return setError(t('programme.chooseOne'))
    setBusy(true)
    setError(null)
    try {
      setCreated(await programmeApi.create({ method: 'kupo', title: title().trim(), workshops, anonymous: anonymous(), persona: persona() }))
      props.onCreated?.()
    } catch (e) {
      setError(t('programme.createFailed', { error: (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="create-form" aria-labelledby="programme-heading">
      <h2 id="programme-heading">{t('programme.createHeading')}</h2>
      <Show
        when={created()}
        fallback={
          <>
            <p class="hint">{t('programme.createHint')}</p>
            <button type="button" class="secondary" aria-expanded={open()} aria-controls={open() ? "create-programme" : undefined} onClick={() => setOpen(!open())}>
              {t(open() ? 'programme.closeForm' : 'programme.openForm')}
            </button>
            <Show when={open()}>
              <form id="create-programme" class="create-fields" onSubmit={create}>
                <label class="field">
                  <span>{t('programme.title')}</span>
                  <input required maxlength={200} placeholder={t('programme.titlePlaceholder')} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
                </label>
                <fieldset class="workshop-choices">
                  <legend>{t('programme.workshops')}</legend>
                  <For each={methods()}>
                    {(m) => (
                      <label class="checkbox">
                        <input type="checkbox" checked={chosen().has(m.id)} onChange={(e) => toggle(m.id, e.currentTarget.checked)} />
                        <span>{workshopName(m.id, m.title, lang())}</span>
                      </label>
                    )}
                  </For>
                </fieldset>
                <label class="field">
                  <span>{t('programme.persona')}</span>
                  <select value={persona()} onChange={(e) => setPersona(e.currentTarget.value)}>
                    <For each={personas()}>
                      {(p) => (
                        <option value={p.id} selected={p.id === persona()}>
                          {p.name}, {p.age} – {p.work}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
                <label class="checkbox">
                  <input type="checkbox" checked={anonymous()} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
                  <span>{t('programme.anonymous')}</span>
                </label>
                <button type="submit" disabled={busy()}>
                  {busy() ? t('programme.creating') : t('programme.create')}
                </button>
              </form>
            </Show>
            <Show when={error()}>
              <p role="alert" class="error">
                {error()}
              </p>
            </Show>
          </>
        }
      >
        {(c) => (
          <div role="status">
            <p>{t('programme.created')}</p>
            <CopyField label={t('programme.facilitatorLink')} url={c().facilitatorUrl} testId="programme-facilitator-link" />
            <p class="hint">{t('programme.facilitatorHint')}</p>
            <CopyField label={t('programme.participantLink')} url={c().participantUrl} testId="programme-participant-link" />
            <p class="hint">{t('programme.participantHint')}</p>
            <a class="button" href={c().facilitatorUrl}>
              {t('programme.openPage')}
            </a>
          </div>
        )}
      </Show>
    </section>
  )
}


