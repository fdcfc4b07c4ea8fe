import { createEffect, createSignal, For, onCleanup, Show, type Accessor } from 'solid-js'
import { t, type MessageKey } from '../i18n/i18n'
import { onLocalRefusal } from './localRefusals'
import type { RefusalNotice } from './notices'

/**
 * Tells the person, in plain words, that the server took back one of their
 * edits and why; the board has already gone back by itself. Stays until
 * closed or replaced by a newer notice.
 */
export function RefusalToast(props: { notices: Array<Accessor<RefusalNotice | null>> }) {
  const [shown, setShown] = createSignal<RefusalNotice | null>(null)
  createEffect(() => {
    const newest = props.notices
      .map((n) => n())
      .filter((n): n is RefusalNotice => n !== null)
      .sort((a, b) => b.at - a.at)[0]
    if (newest) setShown(newest)
  })
  // What this page refused itself before sending, because the server would have.
  onCleanup(onLocalRefusal((reason) => setShown({ reasons: [reason], count: 1, at: Date.now() })))
  return (
    <Show when={shown()}>
      {(notice) => (
        <div class="refusal-toast" role="alert" data-testid="refusal">
          <strong>{t('refused.heading')}</strong>
          <For each={notice().reasons}>{(reason) => <p>{t(`refused.${reason}` as MessageKey)}</p>}</For>
          <p>{t('refused.kept')}</p>
          <button type="button" class="secondary" onClick={() => setShown(null)}>
            {t('refused.dismiss')}
          </button>
        </div>
      )}
    </Show>
  )
}
