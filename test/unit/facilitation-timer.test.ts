import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { bestOffset, clockOffset, serverTime } from '../../workshops/facilitation/clock'
import {
  addMinutes,
  asTimerState,
  pauseTimer,
  resumeTimer,
  startTimer,
  STOPPED_TIMER,
  stopTimer,
  timerExpired,
  timerRemaining,
} from '../../workshops/facilitation/timer'

const MIN = 60_000
const T0 = Date.UTC(2026, 10, 25, 9, 0, 0)

test('clockOffset takes the midpoint of the round trip', () => {
  // The client's clock is 10 minutes behind; the request took 200 ms both ways.
  const sentAt = T0 - 10 * MIN
  const receivedAt = sentAt + 200
  const serverNow = T0 + 100
  assert.is(clockOffset(sentAt, serverNow, receivedAt), 10 * MIN)
  assert.is(serverTime(receivedAt, 10 * MIN), T0 + 200)
  // An uneven round trip errs by at most half of it.
  const skewed = clockOffset(sentAt, T0 + 190, receivedAt)
  assert.ok(Math.abs(skewed - 10 * MIN) <= 100)
})

test('bestOffset trusts the sample with the shortest round trip', () => {
  const offset = bestOffset([
    { sentAt: 0, serverNow: 5_000 + 900, receivedAt: 1_000 }, // slow: 1 s round trip
    { sentAt: 2_000, serverNow: 7_020, receivedAt: 2_040 }, // fast
  ])
  assert.is(offset, 5_000)
  assert.is(bestOffset([]), 0)
})

test('a running timer counts down on the server clock', () => {
  const t = startTimer(15 * MIN, T0)
  assert.is(t.state, 'running')
  assert.is(timerRemaining(t, T0), 15 * MIN)
  assert.is(timerRemaining(t, T0 + 5 * MIN), 10 * MIN)
  assert.is(timerRemaining(t, T0 + 20 * MIN), 0, 'never below zero')
  assert.not.ok(timerExpired(t, T0 + 14 * MIN))
  assert.ok(timerExpired(t, T0 + 15 * MIN))
})

test('two clients with clocks 10 minutes apart see the same remaining time', () => {
  const t = startTimer(15 * MIN, T0)
  const trueNow = T0 + 3 * MIN
  const rightClock = { now: trueNow, offset: 0 }
  const wrongClock = { now: trueNow - 10 * MIN, offset: 10 * MIN } // measured with clockOffset
  const right = timerRemaining(t, serverTime(rightClock.now, rightClock.offset))
  const wrong = timerRemaining(t, serverTime(wrongClock.now, wrongClock.offset))
  assert.is(right, 12 * MIN)
  assert.is(wrong, right)
  // Without the offset the clock that is 10 minutes behind would show too much (the whole 15 minutes).
  assert.is(timerRemaining(t, wrongClock.now), 15 * MIN)
})

test('a clock a little ahead of the server never shows more than the timer was set to', () => {
  const t = startTimer(10 * MIN, T0)
  assert.is(timerRemaining(t, T0 - 800), 10 * MIN)
  assert.is(timerRemaining(t, T0 + 800), 10 * MIN - 800)
})

test('pause freezes the remaining time; resume continues from it', () => {
  const t = startTimer(10 * MIN, T0)
  const paused = pauseTimer(t, T0 + 4 * MIN)
  assert.equal(paused, { state: 'paused', endsAt: null, remainingMs: 6 * MIN, durationMs: 10 * MIN })
  assert.is(timerRemaining(paused, T0 + 60 * MIN), 6 * MIN, 'time does not run while paused')
  const resumed = resumeTimer(paused, T0 + 30 * MIN)
  assert.is(resumed.state, 'running')
  assert.is(timerRemaining(resumed, T0 + 31 * MIN), 5 * MIN)
  assert.is(pauseTimer(paused, T0), paused, 'pausing a paused timer changes nothing')
  assert.is(resumeTimer(t, T0), t, 'resuming a running timer changes nothing')
})

test('adding minutes to a running, paused, expired or stopped timer', () => {
  const t = startTimer(10 * MIN, T0)
  assert.is(timerRemaining(addMinutes(t, 2, T0 + 4 * MIN), T0 + 4 * MIN), 8 * MIN)
  assert.is(timerRemaining(addMinutes(t, -3, T0), T0), 7 * MIN)
  assert.is(timerRemaining(addMinutes(t, -30, T0), T0), 0, 'never below zero')
  const expired = addMinutes(t, 2, T0 + 25 * MIN)
  assert.is(timerRemaining(expired, T0 + 25 * MIN), 2 * MIN, 'an expired timer gets the minutes from now')
  const paused = addMinutes(pauseTimer(t, T0 + 1 * MIN), 1, T0 + 50 * MIN)
  assert.is(timerRemaining(paused, T0 + 99 * MIN), 10 * MIN)
  const fromStopped = addMinutes(STOPPED_TIMER, 5, T0)
  assert.is(fromStopped.state, 'running')
  assert.is(timerRemaining(fromStopped, T0), 5 * MIN)
  assert.is(addMinutes(STOPPED_TIMER, -5, T0), STOPPED_TIMER)
})

test('stop ends the timer and keeps its last length', () => {
  const stopped = stopTimer(startTimer(10 * MIN, T0))
  assert.equal(stopped, { state: 'stopped', endsAt: null, remainingMs: 0, durationMs: 10 * MIN })
  assert.is(timerRemaining(stopped, T0), 0)
  assert.not.ok(timerExpired(stopped, T0 + 20 * MIN), 'a stopped timer does not ring')
})

test('a malformed stored timer reads as stopped', () => {
  assert.equal(asTimerState(undefined), STOPPED_TIMER)
  assert.equal(asTimerState({ state: 'running', endsAt: 'soon' }).state, 'stopped')
  assert.equal(asTimerState(startTimer(MIN, T0)), startTimer(MIN, T0))
})

test.run()
