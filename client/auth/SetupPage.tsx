import { createResource, createSignal, Match, Show, Switch } from 'solid-js'
import { ApiError } from '../api/http'
import { t } from '../i18n/i18n'
import { LanguageSwitch } from '../LanguageSwitch'
import { sessionApi, type LinkPurpose } from './sessionApi'
import '../start/start.css'

const PASSWORD_MIN = 10

/**
 * /setup#token=…: a one-time link, from the server's log on first start (the
 * first organiser: e-mail and password) or from `npm run organisers -- add`
 * and invitations (a password for an account that exists).
 */
export function SetupPage() {
  const token = new URLSearchParams(location.hash.slice(1)).get('token')
  const [link] = createResource(() => token, (tk) => sessionApi.inspectLink(tk))
  return (
    <main class="start-page">
      <header class="page-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <Switch>
        <Match when={!token}>
          <p role="alert">{t('setup.noToken')}</p>
        </Match>
        <Match when={link.error}>
          <p role="alert">{link.error instanceof ApiError && link.error.status === 410 ? t('setup.used') : t('setup.failed', { error: String(link.error?.message) })}</p>
          <a href="/">{t('setup.toStart')}</a>
        </Match>
        <Match when={link()}>{(found) => <SetupForm token={token!} link={found()} />}</Match>
        <Match when={link.loading}>
          <p>{t('setup.checking')}</p>
        </Match>
      </Switch>
    </main>
  )
}

function SetupForm(props: { token: string; link: LinkPurpose }) {
  const first = props.link.purpose === 'setup'
  const [email, setEmail] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [repeat, setRepeat] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)

  async function save(event: SubmitEvent) {
    event.preventDefault()
    if (password() !== repeat()) return setError(t('setup.mismatch'))
    setBusy(true)
    setError(null)
    try {
      await sessionApi.useLink(props.token, password(), first ? email().trim() : undefined)
      // The token must not stay in the address bar or the history.
      location.replace('/')
    } catch (e) {
      setError(e instanceof ApiError && e.status === 410 ? t('setup.used') : t('setup.failed', { error: (e as Error).message }))
      setBusy(false)
    }
  }

  return (
    <section class="create-form" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{first ? t('setup.titleFirst') : t('setup.titlePassword')}</h2>
      <p>{first ? t('setup.introFirst') : t('setup.introPassword', { email: props.link.email ?? '' })}</p>
      <form class="sign-in-form" onSubmit={save}>
        <Show when={first}>
          <label class="field">
            <span>{t('auth.email')}</span>
            <input name="email" type="email" autocomplete="username" required maxlength={254} value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
        </Show>
        <label class="field">
          <span>{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minlength={PASSWORD_MIN}
            maxlength={200}
            aria-describedby="password-hint"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <p id="password-hint" class="hint">
          {t('setup.passwordHint')}
        </p>
        <label class="field">
          <span>{t('setup.repeat')}</span>
          <input name="repeat" type="password" autocomplete="new-password" required minlength={PASSWORD_MIN} maxlength={200} value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy()}>
          {busy() ? t('setup.saving') : t('setup.submit')}
        </button>
        <Show when={error()}>
          <p role="alert">{error()}</p>
        </Show>
      </form>
    </section>
  )
}
