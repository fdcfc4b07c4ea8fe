import type { Localized } from '../../workshops/lang'

/** One step of the agenda as it was run: when the facilitator moved to it and away from it. */
export interface StepAsRun {
  stepId: string
  title: Localized
  startedAt: number
  endedAt: number | null
}

/**
 * What the facilitation state knows about a workshop that exports need. The
 * facilitation module implements it; exports read only through it.
 */
export interface WorkshopFacts {
  /** Dots per card id, summed over every closed vote. Open votes stay hidden. */
  voteTotals(workshopId: string): Record<string, number>
  agendaAsRun(workshopId: string): StepAsRun[]
}
