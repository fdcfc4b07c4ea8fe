import { createResource, For, Show } from 'solid-js'
import { lang, t, type MessageKey } from '../i18n/i18n'
import { organiserApi, type AuditEntry } from './organiserApi'

function who(entry: AuditEntry): string {
  return entry.actor.kind === 'organiser' ? entry.actor.email : t(`mine.actor.${entry.actor.kind}` as MessageKey)
}

function what(entry: AuditEntry): string {
  const key = entry.action === 'link-replaced' ? `mine.action.link-replaced.${entry.detail}` : `mine.action.${entry.action}`
  return t(key as MessageKey, { detail: entry.detail ?? '' })
}

/** The workshop's audit log, newest first; loaded when the organiser opens it. */
export function AuditLog(props: { workshopId: string }) {
  const [entries] = createResource(() => props.workshopId, organiserApi.audit)
  const when = (at: string) => new Date(at).toLocaleString(lang() === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <Show when={!entries.loading} fallback={<p class="muted">{t('mine.auditLoading')}</p>}>
      <Show when={(entries() ?? []).length > 0} fallback={<p class="muted">{t('mine.auditEmpty')}</p>}>
        <ol class="audit-log" data-testid="audit-log">
          <For each={entries()}>
            {(e) => (
              <li>
                <time datetime={e.at}>{when(e.at)}</time> {who(e)} {what(e)}
              </li>
            )}
          </For>
        </ol>
      </Show>
    </Show>
  )
}
