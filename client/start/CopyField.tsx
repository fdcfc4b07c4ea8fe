import { createSignal } from 'solid-js'
import { t } from '../i18n/i18n'

/** A link to pass on: shown in full (select it by hand if copying is not allowed) with a Copy button. */
export function CopyField(props: { label: string; url: string; testId?: string; copyLabel?: string }) {
  const [copied, setCopied] = createSignal(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.url)
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    } catch {
      // No clipboard here (permissions): the link stays selectable in the field.
    }
  }
  return (
    <div class="link-row">
      <label>
        <span class="link-label">{props.label}</span>
        <input readonly value={props.url} data-testid={props.testId} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" class="secondary" aria-label={props.copyLabel} onClick={copy}>
        {copied() ? t('created.copied') : t('created.copy')}
      </button>
    </div>
  )
}
