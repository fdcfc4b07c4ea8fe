import { createSignal, Show } from 'solid-js'
import { t } from '../i18n/i18n'
import type { ActivityProps } from '../activities/activity'
import { currentStep } from '../facilitation/currentStep'
import { facilitationApi } from '../facilitation/facilitationApi'

/** In a private-writing step, the facilitator's "Visa de privata korten": the server places everyone's private cards on the board. */
export function RevealPanel(props: ActivityProps) {
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null)
  const step = () => currentStep(props.definition, props.control.state())
  const reveal = async () => {
    setMessage(null)
    try {
      const answer = await facilitationApi.reveal(props.workshopId, props.workshopKey)
      setMessage({ ok: true, text: t('tools.revealed', { n: answer.revealed }) })
    } catch (e) {
      setMessage({ ok: false, text: t('tools.failed', { error: (e as Error).message }) })
    }
  }
  return (
    <Show when={props.isFacilitator && step()?.privateWriting}>
      <section class="panel reveal" aria-label={t('tools.reveal')}>
        <button type="button" onClick={() => void reveal()}>
          {t('tools.reveal')}
        </button>
        <Show when={message()}>
          {(m) => (
            <p role={m().ok ? 'status' : 'alert'} class={m().ok ? 'ok' : 'error'}>
              {m().text}
            </p>
          )}
        </Show>
      </section>
    </Show>
  )
}
