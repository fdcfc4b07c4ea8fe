import type { ClientActivity } from '../activities/activity'
import { readEvaluation } from '../../workshops/evaluation/state'
import { evaluationApi } from './evaluationApi'
import { EvaluationPanel } from './EvaluationPanel'
import { ParticipantEvaluation } from './ParticipantEvaluation'

/**
 * The closing evaluation: the facilitator's panel in the sidebar, the form
 * over participants' boards, and the step that opens it (the definition's
 * `evaluation.step`, WS8's "Utvärdering") when the facilitator starts it.
 */
export const evaluationActivity: ClientActivity = {
  id: 'evaluation',
  Panel: EvaluationPanel,
  Overlay: ParticipantEvaluation,
  onStepStarted(step, props) {
    // Only the first time: going back to the step later does not reopen a closed evaluation.
    if (step.id !== props.definition.evaluation?.step || readEvaluation(props.control.doc) !== null) return
    void evaluationApi.control(props.workshopId, props.workshopKey, { action: 'open' }).catch(() => undefined)
  },
}
