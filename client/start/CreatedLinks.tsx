import { createSignal, onMount } from 'solid-js'
import type { CreatedWorkshop } from '../api/http'
import { t, type MessageKey } from '../i18n/i18n'

function LinkRow(props: { label: MessageKey; hint: MessageKey; url: string; testId: string }) {
  const [copied, setCopied] = createSignal(false)
  async function copy() {
    await navigator.clipboard?.writeText(props.url)
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }
  return (
    <div class="link-row">
      <label>
        <span class="link-label">{t(props.label)}</span>
        <input readonly value={props.url} data-testid={props.testId} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={copy}>
        {copied() ? t('created.copied') : t('created.copy')}
      </button>
      <p class="hint">{t(props.hint)}</p>
    </div>
  )
}

export function CreatedLinks(props: { links: CreatedWorkshop }) {
  let heading!: HTMLHeadingElement
  // The form that had focus is gone: the heading of what it made takes it, so the links are read next.
  onMount(() => heading.focus())
  return (
    <section class="created">
      <h2 tabindex="-1" ref={heading}>
        {t('created.heading')}
      </h2>
      <LinkRow label="created.facilitatorLink" hint="created.facilitatorHint" url={props.links.facilitatorUrl} testId="facilitator-link" />
      <LinkRow label="created.participantLink" hint="created.participantHint" url={props.links.participantUrl} testId="participant-link" />
      <a class="button" href={props.links.facilitatorUrl}>
        {t('created.open')}
      </a>
    </section>
  )
}
