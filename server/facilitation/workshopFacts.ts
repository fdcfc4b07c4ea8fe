import { CONTROL_CHANNEL } from '../../workshops/doc/wire'
import { readAgendaAsRun } from '../../workshops/facilitation/control'
import type { MethodRegistry } from '../methods/loadMethods'
import type { Db } from '../store/database'
import type { DocStore } from '../store/docStore'
import { WorkshopStore } from '../store/workshopStore'
import { docName } from '../sync/channels'
import type { StepAsRun, WorkshopFacts } from '../workshops/facts'
import { VoteStore } from './voteStore'

export interface WorkshopFactsDeps {
  db: Db
  docs: DocStore
  methods: MethodRegistry
}

/**
 * WorkshopFacts from what facilitation stored: vote counts frozen when each
 * vote closed (SQLite), and the agenda as run from the control document.
 * Reads the store only, so it works in the running server (the store holds
 * every accepted update before it is relayed) and in the export CLI alike.
 */
export function createWorkshopFacts({ db, docs, methods }: WorkshopFactsDeps): WorkshopFacts {
  const votes = new VoteStore(db)
  const workshops = new WorkshopStore(db)
  return {
    voteTotals(workshopId) {
      const totals: Record<string, number> = {}
      for (const vote of votes.closedVotes(workshopId)) {
        for (const [cardId, n] of Object.entries(vote.counts ?? {})) totals[cardId] = (totals[cardId] ?? 0) + n
      }
      return totals
    },
    agendaAsRun(workshopId) {
      const workshop = workshops.get(workshopId)
      if (!workshop) return []
      const steps = methods.get(workshop.method)?.steps ?? []
      const { ydoc } = docs.load(docName(workshopId, CONTROL_CHANNEL))
      try {
        return readAgendaAsRun(ydoc).map(
          (run): StepAsRun => ({
            stepId: run.stepId,
            title: steps.find((s) => s.id === run.stepId)?.title ?? { sv: run.stepId, en: run.stepId },
            startedAt: run.startedAt,
            endedAt: run.endedAt,
          }),
        )
      } finally {
        ydoc.destroy()
      }
    },
  }
}
