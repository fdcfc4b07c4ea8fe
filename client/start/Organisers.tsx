import { createSignal, For, Show } from 'solid-js'
import { StatusMessage, type Status } from '../StatusMessage'
import { t } from '../i18n/i18n'
import { CopyField } from './CopyField'
import { organiserApi, type Invited, type MyWorkshop } from './organiserApi'

/** Who organises a workshop, inviting one more by e-mail, and taking one off. */
export function Organisers(props: { workshop: MyWorkshop; me: string; onChanged: () => void }) {
  const [email, setEmail] = createSignal('')
  const [invited, setInvited] = createSignal<Invited | null>(null)
  const [status, setStatus] = createSignal<Status | null>(null)

  async function invite(event: SubmitEvent) {
    event.preventDefault()
    setStatus(null)
    setInvited(null)
    try {
      setInvited(await organiserApi.invite(props.workshop.id, email().trim()))
      setEmail('')
      props.onChanged()
    } catch (e) {
      setStatus({ ok: false, text: t('mine.failed', { error: (e as Error).message }) })
    }
  }

  async function remove(who: string) {
    setStatus(null)
    try {
      await organiserApi.removeOrganiser(props.workshop.id, who)
      props.onChanged()
    } catch (e) {
      setStatus({ ok: false, text: t('mine.failed', { error: (e as Error).message }) })
    }
  }

  return (
    <div class="organisers">
      <ul>
        <For each={props.workshop.organisers}>
          {(who) => (
            <li>
              <span>{who}</span>
              <Show when={who !== props.me && props.workshop.organisers.length > 1}>
                <button type="button" class="secondary small" aria-label={t('mine.removeOrganiserLabel', { email: who })} onClick={() => void remove(who)}>
                  {t('mine.removeOrganiser')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <form class="invite-form" onSubmit={invite}>
        <label class="field">
          <span>{t('mine.invite')}</span>
          <input name="invite" type="email" required maxlength={254} placeholder={t('mine.inviteEmail')} value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('mine.inviteSubmit')}</button>
      </form>
      <Show when={invited()}>
        {(i) => (
          <div role="status">
            <Show when={i().signIn === 'link'} fallback={<p>{t(i().signIn === 'provider' ? 'mine.invited.provider' : 'mine.invited.password', { email: i().email, url: location.origin })}</p>}>
              <p>{t('mine.invited.link', { email: i().email })}</p>
              <CopyField label={i().email} url={i().setupUrl!} testId="invite-link" />
            </Show>
          </div>
        )}
      </Show>
      <StatusMessage status={status()} />
    </div>
  )
}
