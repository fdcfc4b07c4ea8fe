import { randomInt } from 'node:crypto'
import { aggregateRound } from '../../workshops/evaluation/aggregate'
import type { ResultsAnswer } from '../../workshops/evaluation/api'
import { toReportResults, type EvaluationResults } from '../../workshops/evaluation/reportSection'
import type { EvaluationStore } from './evaluationStore'

const RANDOM_RANGE = 2 ** 40
/** Free-text answers are shuffled with the system's randomness on every read. */
export const cryptoRandom = (): number => randomInt(RANDOM_RANGE) / RANDOM_RANGE

/**
 * A workshop's results as the facilitator and the report see them: nothing
 * of a round while it is open or below `threshold` responses. Null when the
 * workshop never had an evaluation.
 */
export function readResults(store: EvaluationStore, workshopId: string, threshold: number, random = cryptoRandom): ResultsAnswer | null {
  const row = store.get(workshopId)
  if (!row) return null
  const questions = row.questions
  const session = aggregateRound({
    questions,
    round: 'session',
    responses: store.responses(workshopId, 'session'),
    threshold,
    open: row.status === 'open',
    random,
  })
  const f = row.followUp
  const followUp = f
    ? {
        ...aggregateRound({ questions, round: 'follow-up', responses: store.responses(workshopId, 'follow-up'), threshold, open: f.closedAt === null, random }),
        date: f.date,
        issued: store.tokensIssued(workshopId, 'follow-up'),
      }
    : null
  return { ...session, asked: questions, issued: store.tokensIssued(workshopId, 'session'), followUp }
}

/** The report's results of a workshop; null when it never had an evaluation. */
export function reportResults(store: EvaluationStore, workshopId: string, threshold: number): EvaluationResults | null {
  const r = readResults(store, workshopId, threshold)
  return r ? toReportResults(r) : null
}
