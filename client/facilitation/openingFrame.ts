import type { WorkshopDefinition } from '../../workshops/method/types'
import { frameOfStep } from '../../workshops/templates/placeTemplates'
import type { Control } from './createControl'
import { currentStep } from './currentStep'

/** How long a board waits for the control document before it opens anyway (at the first step). */
const WAIT_FOR_CONTROL_MS = 1500

/**
 * The frame a board opens at: the current step's (a new board, a reload, a
 * rejoin), or the first step's before the workshop has started. It waits
 * briefly for the control document, which knows the step; the two documents
 * sync in parallel and the control one is small, so this seldom waits at all.
 */
export async function openingFrame(definition: WorkshopDefinition | null, control: Control): Promise<string | null> {
  if (!definition || definition.steps.length === 0) return null
  const provider = control.sync.provider
  if (!provider.synced) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        provider.off('sync', onSync)
        resolve()
      }
      const onSync = (synced: boolean) => synced && done()
      const timer = setTimeout(done, WAIT_FOR_CONTROL_MS)
      provider.on('sync', onSync)
    })
  }
  const step = currentStep(definition, control.state()) ?? definition.steps[0]
  return frameOfStep(definition, step.id)
}
