import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js'
import { ApiError } from '../api/http'
import { lang, t, type MessageKey } from '../i18n/i18n'
import { LanguageSwitch } from '../LanguageSwitch'
import { StatusMessage, type Status } from '../StatusMessage'
import { organiserApi } from '../start/organiserApi'
import { takeWorkshopKey } from '../workshop/workshopKey'
import { PROGRAMME_EXPORT_FILES, programmeApi, workshopName, type ProgrammeInfo, type ProgrammeWorkshop } from './programmeApi'
import './programme.css'

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(lang() === 'sv' ? 'sv-SE' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' }) : t('programme.noDate'))

/**
 * /p/<id>#key=…: a programme's workshops with their state, date and a
 * button to open each. The programme's key opens every workshop; a
 * signed-in organiser of it opens them with keys of their own.
 */
export function ProgrammePage(props: { programmeId: string }) {
  const key = takeWorkshopKey(props.programmeId)
  const [info] = createResource(async () => programmeApi.get(props.programmeId, key))
  const errorText = () => {
    const e = info.error
    if (e instanceof ApiError && e.status === 403) return t(key ? 'programme.denied' : 'programme.noKey')
    if (e instanceof ApiError && e.status === 404) return t('programme.notFound')
    return t('programme.loadFailed', { error: String(e?.message ?? e) })
  }
  return (
    <main class="start-page programme-page">
      <header class="page-header">
        <p class="app-name">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <Switch>
        <Match when={info.error}>
          <p role="alert">{errorText()}</p>
        </Match>
        <Match when={info()}>{(p) => <Programme programme={p()} programmeKey={key} />}</Match>
        <Match when={info.loading}>
          <p class="muted">{t('programme.loading')}</p>
        </Match>
      </Switch>
    </main>
  )
}

function Programme(props: { programme: ProgrammeInfo; programmeKey: string | null }) {
  const p = () => props.programme
  const [status, setStatus] = createSignal<Status | null>(null)
  const [format, setFormat] = createSignal<string>(PROGRAMME_EXPORT_FILES[0])
  const [busy, setBusy] = createSignal(false)

  const openAsOrganiser = async (w: ProgrammeWorkshop) => {
    setStatus(null)
    try {
      location.assign((await organiserApi.open(w.id)).facilitatorUrl)
    } catch (e) {
      setStatus({ ok: false, text: t('mine.failed', { error: (e as Error).message }) })
    }
  }
  const download = async () => {
    setBusy(true)
    setStatus(null)
    try {
      await programmeApi.download(p().id, props.programmeKey, format(), lang())
    } catch (e) {
      setStatus({ ok: false, text: t('programme.exportFailed', { error: (e as Error).message }) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <h1>{p().title}</h1>
      <p class="muted">{t(p().role === 'facilitator' ? 'workshop.role.facilitator' : 'workshop.role.participant')}</p>
      <table class="programme-workshops" data-testid="programme-workshops">
        <caption class="visually-hidden">{t('programme.workshops')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programme.workshop')}</th>
            <th scope="col">{t('programme.state')}</th>
            <th scope="col">{t('programme.date')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('programme.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={p().workshops}>
            {(w) => (
              <tr data-testid="programme-workshop" data-state={w.state}>
                <th scope="row">
                  <span class="programme-step">{w.position + 1}.</span> {workshopName(w.method, w.methodTitle, lang())}
                </th>
                <td>
                  <span class={`state state-${w.state}`}>{t(`programme.state.${w.state}` as MessageKey)}</span>
                </td>
                <td>{day(w.finishedAt ? w.finishedAt : w.startedAt)}</td>
                <td>
                  <Show
                    when={props.programmeKey}
                    fallback={
                      <button type="button" aria-label={t('programme.openLabel', { title: workshopName(w.method, w.methodTitle, lang()) })} onClick={() => void openAsOrganiser(w)}>
                        {t('programme.open')}
                      </button>
                    }
                  >
                    {(k) => (
                      <a class="button" href={`/w/${w.id}#key=${k()}`} aria-label={t('programme.openLabel', { title: workshopName(w.method, w.methodTitle, lang()) })}>
                        {t('programme.open')}
                      </a>
                    )}
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={p().role === 'facilitator'}>
        <section class="programme-exports" aria-labelledby="programme-exports-heading">
          <h2 id="programme-exports-heading">{t('programme.exports')}</h2>
          <span class="export-picker">
            <select aria-label={t('programme.exportLabel')} value={format()} onChange={(e) => setFormat(e.currentTarget.value)}>
              <For each={PROGRAMME_EXPORT_FILES}>{(file) => <option value={file}>{t(`programme.export.${file}` as MessageKey)}</option>}</For>
            </select>
            <button type="button" class="secondary" disabled={busy()} onClick={() => void download()}>
              {t('programme.export')}
            </button>
          </span>
        </section>
      </Show>
      <StatusMessage status={status()} />
    </>
  )
}
