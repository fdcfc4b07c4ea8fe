import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Kernel clock ticks per second (utime/stime unit). */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU time used by a process so far (user + system, all threads), in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return ((utime + stime) * 1000) / CLK_TCK
}

/** Resident set size in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : NaN
}

/** Wall clock with sub-ms resolution; comparable across processes on one machine (after offset calibration). */
export const wallNow = () => performance.timeOrigin + performance.now()

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)))

/** Nearest-rank percentile of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]
}

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v))
  if (finite.length === 0) return NaN
  const sorted = [...finite].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function max(values: readonly number[]): number {
  let m = -Infinity
  for (const v of values) if (v > m) m = v
  return values.length ? m : NaN
}

/** CPU of several processes over an interval: call stop() at its end. */
export function cpuWindow(pids: readonly number[]): { stop(): { ms: number[]; seconds: number } } {
  const t0 = wallNow()
  const start = pids.map(cpuMs)
  return {
    stop() {
      const seconds = (wallNow() - t0) / 1000
      return { ms: pids.map((pid, i) => cpuMs(pid) - start[i]), seconds }
    },
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the highest. */
export function rssPeak(pid: number, everyMs = 250): { stop(): number } {
  let peak = rssMb(pid)
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid))
    } catch {
      // the process is gone
    }
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      try {
        peak = Math.max(peak, rssMb(pid))
      } catch {
        // the process is gone
      }
      return peak
    },
  }
}

/** CPU time the whole machine was busy so far (all cores, everything but idle and iowait), in ms. */
export function systemBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]
  const ticks = line.trim().split(/\s+/).slice(1).map(Number)
  const total = ticks.reduce((a, b) => a + b, 0)
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
  return ((total - idle) * 1000) / CLK_TCK
}

/** CPU the rest of the machine used over an interval (everything but `ours`), as % of one core. */
export function otherCpuWindow(ours: () => readonly number[]): { stop(): number } {
  const t0 = wallNow()
  const pids = ours()
  const busy0 = systemBusyMs()
  const mine0 = pids.map(safeCpuMs)
  return {
    stop() {
      const seconds = (wallNow() - t0) / 1000
      const busy = systemBusyMs() - busy0
      const mine = pids.reduce((s, pid, i) => s + (safeCpuMs(pid) - mine0[i]), 0)
      return Math.max(0, ((busy - mine) / (seconds * 1000)) * 100)
    },
  }
}

function safeCpuMs(pid: number): number {
  try {
    return cpuMs(pid)
  } catch {
    return 0
  }
}

/**
 * Waits until the given processes together use less than `maxPct` of a core
 * over `windowMs` (a saturated server may still work off its backlog after
 * its clients left). Gives up after `timeoutMs`; returns the seconds waited.
 */
export async function settle(pids: readonly number[], maxPct = 5, windowMs = 1000, timeoutMs = 60_000): Promise<number> {
  const start = wallNow()
  while (wallNow() - start < timeoutMs) {
    const before = pids.map(safeCpuMs)
    await sleep(windowMs)
    const used = pids.reduce((s, pid, i) => s + (safeCpuMs(pid) - before[i]), 0)
    if ((used / windowMs) * 100 < maxPct) break
  }
  return (wallNow() - start) / 1000
}
