import type { FileStepAsRun } from '../../workshops/export/workshopFile'
import type { Db } from '../store/database'
import type { StepAsRun, WorkshopFacts } from '../workshops/facts'
import type { ReportFacts } from './exportWorkshop'

export interface ImportedFacts {
  votes: Record<string, number>
  agendaAsRun: FileStepAsRun[]
}

/**
 * What a workshop file brought along that lives outside the board: the vote
 * totals and the agenda as run on the server it came from. Kept apart from
 * the facilitation state, which starts fresh on the new server.
 */
export class ImportedFactsStore {
  private readonly putStmt
  private readonly getStmt

  constructor(db: Db) {
    this.putStmt = db.prepare('INSERT INTO imported_facts (workshop_id, votes, control, imported_at) VALUES (?, ?, ?, ?)')
    this.getStmt = db.prepare<[string], { votes: string; control: string | null }>(
      'SELECT votes, control FROM imported_facts WHERE workshop_id = ?',
    )
  }

  put(workshopId: string, facts: ImportedFacts): void {
    const control = facts.agendaAsRun.length > 0 ? JSON.stringify({ agendaAsRun: facts.agendaAsRun }) : null
    this.putStmt.run(workshopId, JSON.stringify(facts.votes), control, Date.now())
  }

  get(workshopId: string): ImportedFacts | undefined {
    const row = this.getStmt.get(workshopId)
    if (!row) return undefined
    const control = row.control ? (JSON.parse(row.control) as { agendaAsRun: FileStepAsRun[] }) : null
    return { votes: JSON.parse(row.votes) as Record<string, number>, agendaAsRun: control?.agendaAsRun ?? [] }
  }
}

/** No votes and no agenda: what exports see until the facilitation module is wired in. */
export const NO_FACTS: WorkshopFacts = {
  voteTotals: () => ({}),
  agendaAsRun: () => [],
}

/**
 * The facts exports use: the live facilitation state, plus what an imported
 * workshop file brought. Votes add up (the earlier session's dots count with
 * the new ones); the agenda is this server's run when there is one, else the
 * imported one.
 */
export function withImportedFacts(live: ReportFacts, imported: ImportedFactsStore): ReportFacts {
  return {
    evaluationResults: live.evaluationResults ? (workshopId) => live.evaluationResults!(workshopId) : undefined,
    voteTotals(workshopId) {
      const totals: Record<string, number> = { ...(imported.get(workshopId)?.votes ?? {}) }
      for (const [id, n] of Object.entries(live.voteTotals(workshopId))) totals[id] = (totals[id] ?? 0) + n
      return totals
    },
    agendaAsRun(workshopId): StepAsRun[] {
      const run = live.agendaAsRun(workshopId)
      return run.length > 0 ? run : (imported.get(workshopId)?.agendaAsRun ?? [])
    },
  }
}
