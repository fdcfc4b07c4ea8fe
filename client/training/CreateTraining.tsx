import { createResource, createSignal, For, Show } from 'solid-js'
import { localized, t } from '../i18n/i18n'
import { CopyField } from '../start/CopyField'
import { organiserApi } from '../start/organiserApi'
import { trainingApi, type CreatedTraining } from './trainingApi'

/** Creating a training on the start page: a training definition (or a WS5 workshop's plan), its sessions each with links. */
export function CreateTraining(props: { onCreated?: () => void }) {
  const [open, setOpen] = createSignal(false)
  const [trainings] = createResource(open, () => trainingApi.list())
  const [mine] = createResource(open, () => organiserApi.list())
  const [training, setTraining] = createSignal('chefsutbildning')
  const [fromWorkshop, setFromWorkshop] = createSignal('')
  const [title, setTitle] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [created, setCreated] = createSignal<CreatedTraining | null>(null)
  const ws5 = () => (mine() ?? []).filter((w) => w.method === 'ws5')

  async function create(event: SubmitEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const name = title().trim()
      setCreated(await trainingApi.create(fromWorkshop() ? { fromWorkshop: fromWorkshop(), title: name } : { training: training(), title: name }))
      props.onCreated?.()
    } catch (e) {
      setError(t('training.failed', { error: (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="create-form" aria-labelledby="training-heading">
      <h2 id="training-heading">{t('training.createHeading')}</h2>
      <Show
        when={created()}
        fallback={
          <>
            <p class="hint">{t('training.createHint')}</p>
            <button type="button" class="secondary" aria-expanded={open()} aria-controls="create-training" onClick={() => setOpen(!open())}>
              {t(open() ? 'training.closeForm' : 'training.openForm')}
            </button>
            <Show when={open()}>
              <form id="create-training" class="create-fields" onSubmit={create}>
                <label class="field">
                  <span>{t('training.title')}</span>
                  <input required maxlength={200} placeholder={t('training.titlePlaceholder')} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
                </label>
                <fieldset class="workshop-choices">
                  <legend>{t('training.which')}</legend>
                  <For each={trainings()}>
                    {(tr) => (
                      <label class="checkbox">
                        <input type="radio" name="training" checked={training() === tr.id} disabled={!!fromWorkshop()} onChange={() => setTraining(tr.id)} />
                        <span>
                          {localized(tr.title)}:{' '}
                          {tr.sessions.map((s) => t('training.sessionMinutes', { title: `${localized(s.title)} – ${s.blocks.map((b) => localized(b.title)).join(', ')}`, minutes: s.minutes })).join('; ')}
                        </span>
                      </label>
                    )}
                  </For>
                </fieldset>
                <Show when={ws5().length > 0}>
                  <label class="field">
                    <span>{t('training.fromWs5')}</span>
                    <select value={fromWorkshop()} onChange={(e) => setFromWorkshop(e.currentTarget.value)}>
                      <option value="">{t('training.fromWs5None')}</option>
                      <For each={ws5()}>{(w) => <option value={w.id}>{w.title}</option>}</For>
                    </select>
                  </label>
                </Show>
                <button type="submit" disabled={busy()}>
                  {busy() ? t('training.creating') : t('training.create')}
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
          <div role="status" data-testid="created-training">
            <p>{t('training.created')}</p>
            <ol class="training-sessions">
              <For each={c().sessions}>
                {(s) => (
                  <li>
                    <h3>{localized(s.title)}</h3>
                    <CopyField label={t('training.facilitatorLink', { title: localized(s.title) })} url={s.facilitatorUrl} testId={`training-facilitator-${s.session}`} />
                    <CopyField label={t('training.participantLink', { title: localized(s.title) })} url={s.participantUrl} testId={`training-participant-${s.session}`} />
                    <a class="button" href={s.facilitatorUrl}>
                      {t('training.open', { title: localized(s.title) })}
                    </a>
                  </li>
                )}
              </For>
            </ol>
            <button type="button" class="secondary" onClick={() => setCreated(null)}>
              {t('start.createAnother')}
            </button>
          </div>
        )}
      </Show>
    </section>
  )
}
