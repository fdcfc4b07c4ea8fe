import { createSignal, For, Show, type Accessor } from 'solid-js'
import { goToStep } from '../../workshops/facilitation/control'
import { nextStep, previousStep } from '../../workshops/facilitation/agenda'
import type { WorkshopDefinition, WorkshopStep } from '../../workshops/method/types'
import { frameOfStep } from '../../workshops/templates/placeTemplates'
import { localized, t } from '../i18n/i18n'
import type { Participant } from '../workshop/awarenessState'
import type { Control } from './createControl'
import { currentStep, privateWritingOn } from './currentStep'

export interface AgendaProps {
  control: Control
  definition: WorkshopDefinition
  isFacilitator: boolean
  now: Accessor<number>
  participants: Accessor<Participant[]>
  /** Marks this person done with the current step (awareness), or not. */
  setReady: (stepId: string | null) => void
  summonToFrame: (frameId: string) => void
  /** The facilitator moved everyone to a step (the activities may act on it: the evaluation step opens the evaluation). */
  onStepStarted?: (step: WorkshopStep) => void
}

/** The workshop's steps: everyone sees the current one; the facilitator moves between them. */
export function AgendaPanel(props: AgendaProps) {
  const [bringToFrame, setBringToFrame] = createSignal(true)
  const state = () => props.control.state()
  const step = () => currentStep(props.definition, state())
  const total = () => props.definition.steps.length
  const me = () => props.participants().find((p) => p.isSelf)
  const iAmReady = () => !!step() && me()?.ready === step()!.id
  const readyCount = () => props.participants().filter((p) => p.role === 'participant' && step() && p.ready === step()!.id).length
  const participantCount = () => props.participants().filter((p) => p.role === 'participant').length

  const go = (index: number) => {
    const target = props.definition.steps[index]
    goToStep(props.control.doc, index, target.id, props.now())
    if (bringToFrame()) props.summonToFrame(frameOfStep(props.definition, target.id))
    props.onStepStarted?.(target)
  }

  return (
    <section class="panel agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('agenda.heading')}</h2>
      <Show when={step()} fallback={<p class="muted" data-testid="current-step">{t('agenda.notStarted')}</p>}>
        {(s) => (
          <div class="current-step" data-testid="current-step" data-step-id={s().id}>
            <p class="muted">{t('agenda.step', { n: state().agenda.stepIndex + 1, total: total() })} · {t('agenda.timebox', { n: s().timebox })}</p>
            <h3>{localized(s().title)}</h3>
            <p class="instructions">{localized(s().instructions)}</p>
            <Show when={privateWritingOn(props.definition, state())}>
              <p class="private-note" role="note">{t('agenda.private')}</p>
            </Show>
            <Show when={props.isFacilitator}>
              <p class="facilitator-note">
                <strong>{t('agenda.facilitatorNote')}:</strong> {localized(s().facilitatorNote)}
              </p>
              <p class="muted" data-testid="ready-count">{t('agenda.readyCount', { n: readyCount(), total: participantCount() })}</p>
            </Show>
            <Show when={!props.isFacilitator}>
              <button type="button" class="secondary" aria-pressed={iAmReady()} onClick={() => props.setReady(iAmReady() ? null : s().id)}>
                {iAmReady() ? t('agenda.notReady') : t('agenda.ready')}
              </button>
            </Show>
          </div>
        )}
      </Show>
      <Show when={props.isFacilitator}>
        <div class="agenda-controls">
          <button type="button" class="secondary" disabled={state().agenda.stepIndex <= 0} onClick={() => go(previousStep(state().agenda.stepIndex, total()))}>
            {t('agenda.previous')}
          </button>
          <button type="button" disabled={state().agenda.stepIndex >= total() - 1} onClick={() => go(nextStep(state().agenda.stepIndex, total()))}>
            {state().agenda.stepIndex < 0 ? t('agenda.start') : t('agenda.next')}
          </button>
        </div>
        <label class="checkbox small-text">
          <input type="checkbox" checked={bringToFrame()} onChange={(e) => setBringToFrame(e.currentTarget.checked)} />
          <span>{t('agenda.bringToFrame')}</span>
        </label>
      </Show>
      <ol class="step-list">
        <For each={props.definition.steps}>
          {(s, i) => (
            <li aria-current={i() === state().agenda.stepIndex ? 'step' : undefined} classList={{ current: i() === state().agenda.stepIndex }}>
              {localized(s.title)} <span class="muted">({s.timebox} min)</span>
            </li>
          )}
        </For>
      </ol>
    </section>
  )
}
