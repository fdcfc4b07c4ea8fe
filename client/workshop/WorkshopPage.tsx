import { createResource, createSignal, Match, Show, Switch } from 'solid-js'
import { api, ApiError, type WorkshopInfo } from '../api/http'
import { t } from '../i18n/i18n'
import { LanguageSwitch } from '../LanguageSwitch'
import { JoinForm } from './JoinForm'
import { WorkshopRoom } from './WorkshopRoom'
import { savedDisplayName, saveDisplayName } from './identity'
import { checkCardKinds } from '../../workshops/cards/kindDeclaration'
import { installCardKinds } from '../../workshops/cards/kinds'
import { setDocLimits } from './localRefusals'
import { takeWorkshopKey } from './workshopKey'

/** /w/<id>#key=…: checks the key, asks for a name, then opens the room. */
export function WorkshopPage(props: { workshopId: string }) {
  const key = takeWorkshopKey(props.workshopId)
  const [info] = createResource(
    () => key,
    async (k) => {
      const [workshop, config] = await Promise.all([api.workshop(props.workshopId, k), api.config()])
      setDocLimits(config.limits)
      // The same parser as the server's, so this page judges and draws cards as its server does.
      installCardKinds(checkCardKinds('the server', { kinds: workshop.cardKinds }))
      return { workshop, licenseKey: config.tldrawLicenseKey }
    },
  )
  // A name typed once in this browser is remembered: the next visit goes straight to the board.
  const [name, setName] = createSignal<string | null>(savedDisplayName() || null)

  const errorText = () => {
    const e = info.error
    if (e instanceof ApiError && e.status === 403) return t('workshop.denied')
    if (e instanceof ApiError && e.status === 404) return t('workshop.notFound')
    return t('workshop.loadFailed', { error: String(e?.message ?? e) })
  }

  const join = (workshop: WorkshopInfo, displayName: string) => {
    if (!workshop.anonymous) saveDisplayName(displayName)
    setName(displayName)
  }

  return (
    <Switch>
      <Match when={!key}>
        <Notice text={t('workshop.noKey')} />
      </Match>
      <Match when={info.error}>
        <Notice text={errorText()} />
      </Match>
      <Match when={info()}>
        {(loaded) => (
          <Show
            when={name() !== null || loaded().workshop.anonymous}
            fallback={<JoinForm title={loaded().workshop.title} anonymous={loaded().workshop.anonymous} onJoin={(n) => join(loaded().workshop, n)} />}
          >
            <WorkshopRoom workshop={loaded().workshop} workshopKey={key!} displayName={loaded().workshop.anonymous ? '' : name()!} licenseKey={loaded().licenseKey} />
          </Show>
        )}
      </Match>
      <Match when={info.loading}>
        <p class="page-loading">{t('workshop.loading')}</p>
      </Match>
    </Switch>
  )
}

function Notice(props: { text: string }) {
  return (
    <main class="notice-page">
      <header class="page-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <p role="alert">{props.text}</p>
    </main>
  )
}
