import { For, type Accessor } from 'solid-js'
import { t } from '../i18n/i18n'
import type { Participant } from './awarenessState'

export function PresenceList(props: { participants: Accessor<Participant[]>; anonymous: boolean }) {
  const label = (p: Participant, i: number) => {
    const name = props.anonymous || !p.name ? t('presence.anonymous', { n: i + 1 }) : p.name
    return p.isSelf ? t('presence.you', { name }) : name
  }
  return (
    <section class="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">{t('presence.heading', { n: props.participants().length })}</h2>
      <ul data-testid="presence-list">
        <For each={props.participants()}>
          {(p, i) => (
            <li>
              <span class="dot" style={{ background: p.color }} aria-hidden="true" />
              <span class="name">{label(p, i())}</span>
              <span class="role">{t(p.role === 'facilitator' ? 'workshop.role.facilitator' : 'workshop.role.participant')}</span>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
