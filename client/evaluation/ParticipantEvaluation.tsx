import { createSignal, Show } from 'solid-js'
import type { ActivityProps } from '../activities/activity'
import { t } from '../i18n/i18n'
import { createEvaluationState } from './createEvaluationState'
import { EvaluationForm } from './EvaluationForm'
import './evaluation.css'

/**
 * The form over the board while the evaluation is open, for everyone but
 * the facilitator; it can be put aside ("Svara senare") and brought back.
 * It goes when the facilitator closes the evaluation.
 */
export function ParticipantEvaluation(props: ActivityProps) {
  const state = createEvaluationState(props.control)
  const [hidden, setHidden] = createSignal(false)
  const open = () => !props.isFacilitator && state()?.status === 'open'
  return (
    <Show when={open()}>
      <Show
        when={!hidden()}
        fallback={
          <button type="button" class="eval-reopen" onClick={() => setHidden(false)}>
            {t('evaluation.show')}
          </button>
        }
      >
        <section class="eval-overlay" aria-labelledby="eval-overlay-heading" data-testid="evaluation-overlay">
          <div class="eval-overlay-head">
            <h2 id="eval-overlay-heading">{t('evaluation.heading')}</h2>
            <button type="button" class="secondary small" onClick={() => setHidden(true)}>
              {t('evaluation.hide')}
            </button>
          </div>
          <EvaluationForm workshopId={props.workshopId} workshopKey={props.workshopKey} round="session" />
        </section>
      </Show>
    </Show>
  )
}
