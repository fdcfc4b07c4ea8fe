import type { ControlState } from '../../workshops/facilitation/control'
import type { WorkshopDefinition, WorkshopStep } from '../../workshops/method/types'

/** The step the facilitator is on, or null before the first. */
export function currentStep(definition: WorkshopDefinition | null, control: ControlState): WorkshopStep | null {
  const i = control.agenda.stepIndex
  return definition && i >= 0 && i < definition.steps.length ? definition.steps[i] : null
}

/** When the current step began (server ms), from the agenda log. */
export function currentStepStartedAt(control: ControlState): number | null {
  const log = control.agenda.log
  for (let i = log.length - 1; i >= 0; i--) {
    if (log[i].stepIndex === control.agenda.stepIndex) return log[i].startedAt
  }
  return null
}

/** Private writing is on in a private step until the facilitator reveals, after the step began. */
export function privateWritingOn(definition: WorkshopDefinition | null, control: ControlState): boolean {
  const step = currentStep(definition, control)
  if (!step?.privateWriting) return false
  const started = currentStepStartedAt(control)
  const revealed = control.lastReveal?.at
  return !(revealed !== undefined && started !== null && revealed >= started)
}
