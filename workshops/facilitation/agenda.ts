/**
 * Stepping through a workshop's agenda. Step index -1 means the facilitator
 * has not started yet; from then on the index stays within the steps.
 */

export const NOT_STARTED = -1

/** The next step's index, staying on the last step at the end. */
export function nextStep(index: number, stepCount: number): number {
  if (stepCount <= 0) return NOT_STARTED
  if (!Number.isInteger(index) || index < 0) return 0
  return Math.min(index + 1, stepCount - 1)
}

/** The previous step's index, staying on the first step at the start (never back to "not started"). */
export function previousStep(index: number, stepCount: number): number {
  if (stepCount <= 0) return NOT_STARTED
  if (!Number.isInteger(index) || index < 0) return 0
  return Math.max(0, Math.min(index, stepCount - 1) - 1)
}

/** An index clamped into the agenda (for an index read from a document written against an older definition). */
export function clampStep(index: number, stepCount: number): number {
  if (stepCount <= 0 || !Number.isInteger(index) || index < 0) return NOT_STARTED
  return Math.min(index, stepCount - 1)
}

/** One entry of the control document's agenda log: the facilitator moved to a step. */
export interface StepStart {
  stepId: string
  stepIndex: number
  /** Server ms. */
  startedAt: number
}

export interface StepRun {
  stepId: string
  startedAt: number
  endedAt: number | null
}

/**
 * The agenda as it was run: each step from when the facilitator moved to it
 * until the next move (or until the workshop was finished). A step visited
 * twice appears twice; a repeated move to the step already current (two
 * co-facilitators clicking at once) counts once.
 */
export function agendaAsRun(log: readonly StepStart[], finishedAt: number | null = null): StepRun[] {
  const ordered = log
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => a.entry.startedAt - b.entry.startedAt || a.i - b.i)
    .map((x) => x.entry)
  const runs: StepRun[] = []
  for (const entry of ordered) {
    const last = runs.at(-1)
    if (last && last.stepId === entry.stepId) continue
    if (last) last.endedAt = entry.startedAt
    runs.push({ stepId: entry.stepId, startedAt: entry.startedAt, endedAt: null })
  }
  const last = runs.at(-1)
  if (last && finishedAt !== null && finishedAt >= last.startedAt) last.endedAt = finishedAt
  return runs
}

/** Reads one stored log entry; undefined for anything malformed. */
export function asStepStart(value: unknown): StepStart | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  if (typeof v.stepId !== 'string' || typeof v.startedAt !== 'number' || !Number.isFinite(v.startedAt)) return undefined
  return { stepId: v.stepId, stepIndex: typeof v.stepIndex === 'number' ? v.stepIndex : -1, startedAt: v.startedAt }
}
