import { onMount } from 'solid-js'
import type { ActivityProps } from '../activities/activity'
import { t } from '../i18n/i18n'

const STORE = 'samverkstad.organisation'
const MAX = 60

function saved(): string {
  try {
    return localStorage.getItem(STORE) ?? ''
  } catch {
    return ''
  }
}

/**
 * The join field groups can be split by: this person's organisation, in
 * their presence (joinFields.organisation) and remembered in this browser.
 */
export function OrganisationField(props: ActivityProps) {
  const publish = (value: string) => props.setPresenceField?.('joinFields', { organisation: value.slice(0, MAX) })
  onMount(() => publish(saved()))
  return (
    <label class="field">
      <span>{t('groups.organisation')}</span>
      <input
        maxlength={MAX}
        value={saved()}
        onChange={(e) => {
          const value = e.currentTarget.value.trim()
          try {
            localStorage.setItem(STORE, value)
          } catch {
            // Private mode: this page only.
          }
          publish(value)
        }}
      />
    </label>
  )
}
