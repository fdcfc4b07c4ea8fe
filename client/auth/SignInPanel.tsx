import { createSignal, Show } from 'solid-js'
import { ApiError } from '../api/http'
import { t, type MessageKey } from '../i18n/i18n'
import { sessionApi, type SessionInfo } from './sessionApi'

const SIGN_IN_PROBLEMS = ['unavailable', 'denied', 'failed', 'expired'] as const

/** Why the identity provider sent the browser back without a session (`/?signin=<reason>`), read once. */
function providerProblem(local: boolean): MessageKey | null {
  const reason = new URLSearchParams(location.search).get('signin')
  if (!reason || !(SIGN_IN_PROBLEMS as readonly string[]).includes(reason)) return null
  history.replaceState(null, '', location.pathname + location.hash)
  if (reason === 'unavailable' && local) return 'auth.signin.unavailableLocal'
  return `auth.signin.${reason}` as MessageKey
}

/** The start page of someone not signed in: the identity provider's button and/or the e-mail and password form. */
export function SignInPanel(props: { session: SessionInfo; onSignedIn: () => void }) {
  const problem = providerProblem(props.session.signIn.local)
  const [email, setEmail] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)

  async function signIn(event: SubmitEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await sessionApi.signIn(email().trim(), password())
      setPassword('')
      props.onSignedIn()
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0
      setError(status === 401 ? t('auth.wrong') : status === 429 ? t('auth.tooMany') : t('auth.failed', { error: (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('auth.heading')}</h2>
      <p class="hint">{t('auth.intro')}</p>
      <Show when={problem}>{(key) => <p role="alert">{t(key())}</p>}</Show>
      <Show when={props.session.signIn.oidc}>
        <a class="button" href="/auth/oidc">
          {t('auth.oidc')}
        </a>
      </Show>
      <Show when={props.session.signIn.local}>
        <form class="sign-in-form" onSubmit={signIn}>
          <Show when={props.session.signIn.oidc}>
            <p class="muted">{t('auth.or')}</p>
          </Show>
          <label class="field">
            <span>{t('auth.email')}</span>
            <input name="email" type="email" autocomplete="username" required maxlength={254} value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('auth.password')}</span>
            <input name="password" type="password" autocomplete="current-password" required maxlength={200} value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy()}>
            {busy() ? t('auth.signingIn') : t('auth.submit')}
          </button>
          <Show when={error()}>
            <p role="alert">{error()}</p>
          </Show>
        </form>
      </Show>
      <Show when={props.session.setupPending}>
        <p class="hint">{t('auth.setupPending')}</p>
      </Show>
    </section>
  )
}
