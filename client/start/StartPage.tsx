import { createResource, createSignal, Match, Show, Switch } from 'solid-js'
import type { CreatedWorkshop } from '../api/http'
import { sessionApi } from '../auth/sessionApi'
import { SignInPanel } from '../auth/SignInPanel'
import { t } from '../i18n/i18n'
import { LanguageSwitch } from '../LanguageSwitch'
import { CreatedLinks } from './CreatedLinks'
import { CreateWorkshop } from './CreateWorkshop'
import { MyWorkshops } from './MyWorkshops'
import { organiserApi } from './organiserApi'
import { CreateProgramme } from '../programme/CreateProgramme'
import { CreateTraining } from '../training/CreateTraining'
import { WorkshopImport } from './WorkshopImport'
import './start.css'

/** The start page: sign in, then "Mina workshoppar", a new workshop, or an imported one. */
export function StartPage() {
  const [session, { refetch }] = createResource(sessionApi.get)

  async function signOut() {
    await sessionApi.signOut().catch(() => undefined)
    await refetch()
  }

  return (
    <main class="start-page">
      <header class="page-header">
        <h1>{t('app.name')}</h1>
        <div class="header-actions">
          <Show when={session()?.organiser}>
            {(o) => (
              <>
                <span class="muted" data-testid="signed-in-as">
                  {t('auth.signedInAs', { email: o().email })}
                </span>
                <button type="button" class="secondary" onClick={() => void signOut()}>
                  {t('auth.signOut')}
                </button>
              </>
            )}
          </Show>
          <LanguageSwitch />
        </div>
      </header>
      <p class="tagline">{t('app.tagline')}</p>
      <Switch>
        <Match when={session.error}>
          <p role="alert">{t('start.loadFailed', { error: String(session.error?.message) })}</p>
        </Match>
        <Match when={session()?.organiser}>{(o) => <OrganiserHome email={o().email} />}</Match>
        <Match when={session()}>{(s) => <SignInPanel session={s()} onSignedIn={() => void refetch()} />}</Match>
      </Switch>
    </main>
  )
}

function OrganiserHome(props: { email: string }) {
  const [workshops, { refetch }] = createResource(organiserApi.list)
  const [created, setCreated] = createSignal<CreatedWorkshop | null>(null)
  const done = (links: CreatedWorkshop) => {
    setCreated(links)
    void refetch()
  }
  return (
    <>
      <MyWorkshops workshops={workshops} me={props.email} onChanged={() => void refetch()} />
      <Show
        when={created()}
        fallback={
          <>
            <CreateWorkshop onCreated={done} />
            <CreateProgramme onCreated={() => void refetch()} />
            <CreateTraining onCreated={() => void refetch()} />
            <WorkshopImport onImported={done} />
          </>
        }
      >
        {(links) => (
          <>
            <CreatedLinks links={links()} />
            <button type="button" class="secondary" onClick={() => setCreated(null)}>
              {t('start.createAnother')}
            </button>
          </>
        )}
      </Show>
    </>
  )
}
