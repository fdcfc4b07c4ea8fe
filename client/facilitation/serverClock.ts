import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { bestOffset } from '../../workshops/facilitation/clock'
import type { TimeAnswer } from '../../workshops/facilitation/api'

export interface ServerClock {
  /** The server's time now, ticking four times a second. */
  now: Accessor<number>
  /** The server's time at this very moment (not a signal): for keeping films in step. */
  exact(): number
}

/**
 * The server's clock as seen from here: a few round trips to /api/time give
 * the offset, so a participant whose computer clock is wrong still sees the
 * same remaining time as everyone else.
 */
export function createServerClock(): ServerClock {
  const [offset, setOffset] = createSignal(0)
  const [tick, setTick] = createSignal(Date.now())
  const timer = setInterval(() => setTick(Date.now()), 250)
  onCleanup(() => clearInterval(timer))

  void (async () => {
    const samples = []
    for (let i = 0; i < 4; i++) {
      const sentAt = Date.now()
      try {
        const res = await fetch('/api/time', { cache: 'no-store' })
        const { now } = (await res.json()) as TimeAnswer
        samples.push({ sentAt, serverNow: now, receivedAt: Date.now() })
      } catch {
        // Offline: keep the local clock until a round trip works.
      }
    }
    if (samples.length > 0) setOffset(bestOffset(samples))
  })()

  return { now: () => tick() + offset(), exact: () => Date.now() + offset() }
}
