import { createEffect, createSignal, on, Show, type Accessor } from 'solid-js'
import { writeTimer } from '../../workshops/facilitation/control'
import { addMinutes, pauseTimer, resumeTimer, startTimer, stopTimer, timerExpired, timerRemaining } from '../../workshops/facilitation/timer'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { t } from '../i18n/i18n'
import type { Control } from './createControl'
import { currentStep } from './currentStep'
import { chime, setSoundAllowed, soundAllowed } from './sound'

function format(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}

/** One timer for everyone, counted on the server's clock; the facilitator runs it. */
export function TimerPanel(props: { control: Control; definition: WorkshopDefinition; isFacilitator: boolean; now: Accessor<number> }) {
  const timer = () => props.control.state().timer
  const remaining = () => timerRemaining(timer(), props.now())
  const expired = () => timer().state === 'running' && timerExpired(timer(), props.now())
  const [sound, setSound] = createSignal(soundAllowed())
  const write = (next: ReturnType<typeof startTimer>) => writeTimer(props.control.doc, next)

  createEffect(
    on(expired, (isExpired, was) => {
      if (isExpired && was === false && sound()) chime()
    }),
  )

  const step = () => currentStep(props.definition, props.control.state())
  const stepMinutes = () => step()?.timebox ?? 10
  // The facilitator may change the minutes; a new step puts its own timebox back.
  const [minutes, setMinutes] = createSignal(stepMinutes())
  // A timer still going from the step before: one click starts the new step's time instead.
  const [offer, setOffer] = createSignal(false)
  // The control state is read anew on every change: act only when the step itself changes.
  let shownStep = step()?.id
  createEffect(() => {
    const id = step()?.id
    if (id === shownStep) return
    const had = shownStep
    shownStep = id
    setMinutes(stepMinutes())
    setOffer(id !== undefined && had !== undefined)
  })
  const start = (m: number) => {
    setOffer(false)
    write(startTimer(m * 60_000, props.now()))
  }

  return (
    <section class="panel timer" aria-labelledby="timer-heading">
      <h2 id="timer-heading">{t('timer.heading')}</h2>
      <p class="timer-display" classList={{ expired: expired() }} data-testid="timer" data-remaining-ms={remaining()} data-state={timer().state}>
        {format(remaining())}
      </p>
      <Show when={expired()}>
        <p role="alert" class="timer-expired">{t('timer.expired')}</p>
      </Show>
      <Show when={props.isFacilitator}>
        <div class="timer-controls">
          <Show when={timer().state === 'stopped'}>
            <label class="timer-minutes">
              <span>{t('timer.minutes')}</span>
              <input type="number" min={1} max={600} value={minutes()} onInput={(e) => setMinutes(Math.min(600, Math.max(1, Math.round(Number(e.currentTarget.value) || 1))))} />
            </label>
            <button type="button" onClick={() => start(minutes())}>
              {t('timer.start')} ({minutes()} min)
            </button>
          </Show>
          <Show when={offer() && timer().state !== 'stopped'}>
            <p class="muted" data-testid="timer-offer">{t('timer.stepOffer', { n: stepMinutes() })}</p>
            <button type="button" onClick={() => start(stepMinutes())}>
              {t('timer.startStep', { n: stepMinutes() })}
            </button>
          </Show>
          <Show when={timer().state === 'running'}>
            <button type="button" class="secondary" onClick={() => write(pauseTimer(timer(), props.now()))}>
              {t('timer.pause')}
            </button>
          </Show>
          <Show when={timer().state === 'paused'}>
            <button type="button" onClick={() => write(resumeTimer(timer(), props.now()))}>
              {t('timer.resume')}
            </button>
          </Show>
          <Show when={timer().state !== 'stopped'}>
            <button type="button" class="secondary" onClick={() => write(addMinutes(timer(), 1, props.now()))}>
              {t('timer.addMinute')}
            </button>
            <button type="button" class="secondary" onClick={() => write(stopTimer(timer()))}>
              {t('timer.stop')}
            </button>
          </Show>
        </div>
      </Show>
      <label class="checkbox small-text">
        <input
          type="checkbox"
          checked={sound()}
          onChange={(e) => {
            setSound(e.currentTarget.checked)
            setSoundAllowed(e.currentTarget.checked)
          }}
        />
        <span>{t('timer.sound')}</span>
      </label>
    </section>
  )
}
