/**
 * The step timer as plain values. Every function takes the server's clock
 * (clientNow + offset, see clock.ts), never the client's, so a participant
 * whose computer clock is wrong still sees the same remaining time.
 *
 * - running: `endsAt` (server ms) is what counts; `remainingMs` is what was
 *   left when it last started.
 * - paused: `remainingMs` is what counts; `endsAt` is null.
 * - stopped: nothing runs; `remainingMs` is 0.
 * `durationMs` is the length it was last started with (for a progress bar).
 */
export type TimerStatus = 'running' | 'paused' | 'stopped'

export interface TimerState {
  state: TimerStatus
  endsAt: number | null
  remainingMs: number
  durationMs: number
}

export const STOPPED_TIMER: TimerState = { state: 'stopped', endsAt: null, remainingMs: 0, durationMs: 0 }

/** Milliseconds left at `serverNow`; never below zero. */
export function timerRemaining(timer: TimerState, serverNow: number): number {
  switch (timer.state) {
    case 'running':
      // Never more than was left when it was written: clients' clock offsets differ by a few ms.
      return Math.max(0, Math.min(timer.remainingMs, (timer.endsAt ?? serverNow) - serverNow))
    case 'paused':
      return Math.max(0, timer.remainingMs)
    default:
      return 0
  }
}

/** A running timer that has reached zero: time for the clear sign (and the sound, where allowed). */
export function timerExpired(timer: TimerState, serverNow: number): boolean {
  return timer.state === 'running' && timerRemaining(timer, serverNow) === 0
}

export function startTimer(durationMs: number, serverNow: number): TimerState {
  const ms = Math.max(0, Math.round(durationMs))
  return { state: 'running', endsAt: serverNow + ms, remainingMs: ms, durationMs: ms }
}

export function pauseTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.state !== 'running') return timer
  return { state: 'paused', endsAt: null, remainingMs: timerRemaining(timer, serverNow), durationMs: timer.durationMs }
}

export function resumeTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.state !== 'paused') return timer
  return { state: 'running', endsAt: serverNow + timer.remainingMs, remainingMs: timer.remainingMs, durationMs: timer.durationMs }
}

/**
 * Adds (or with a negative number takes away) whole or part minutes. A
 * running timer that already reached zero gets the minutes from now; a
 * stopped timer starts with them.
 */
export function addMinutes(timer: TimerState, minutes: number, serverNow: number): TimerState {
  const delta = Math.round(minutes * 60_000)
  switch (timer.state) {
    case 'running': {
      const remaining = Math.max(0, timerRemaining(timer, serverNow) + delta)
      return { state: 'running', endsAt: serverNow + remaining, remainingMs: remaining, durationMs: Math.max(0, timer.durationMs + delta) }
    }
    case 'paused':
      return { ...timer, remainingMs: Math.max(0, timer.remainingMs + delta), durationMs: Math.max(0, timer.durationMs + delta) }
    default:
      return delta > 0 ? startTimer(delta, serverNow) : timer
  }
}

export function stopTimer(timer: TimerState): TimerState {
  return { ...STOPPED_TIMER, durationMs: timer.durationMs }
}

/** Reads a stored timer; anything malformed reads as stopped. */
export function asTimerState(value: unknown): TimerState {
  if (!value || typeof value !== 'object') return STOPPED_TIMER
  const v = value as Record<string, unknown>
  const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0)
  const durationMs = Math.max(0, num(v.durationMs))
  if (v.state === 'running' && typeof v.endsAt === 'number' && Number.isFinite(v.endsAt)) {
    return { state: 'running', endsAt: v.endsAt, remainingMs: Math.max(0, num(v.remainingMs)), durationMs }
  }
  if (v.state === 'paused') return { state: 'paused', endsAt: null, remainingMs: Math.max(0, num(v.remainingMs)), durationMs }
  return { ...STOPPED_TIMER, durationMs }
}
