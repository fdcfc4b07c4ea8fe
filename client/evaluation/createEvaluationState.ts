import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { readEvaluation, type EvaluationState } from '../../workshops/evaluation/state'
import type { Control } from '../facilitation/createControl'

/** The evaluation's state and count as the control document shows them, live. */
export function createEvaluationState(control: Control): Accessor<EvaluationState | null> {
  const [state, setState] = createSignal(readEvaluation(control.doc), { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) })
  const onUpdate = () => setState(readEvaluation(control.doc))
  control.doc.on('update', onUpdate)
  onCleanup(() => control.doc.off('update', onUpdate))
  return state
}
