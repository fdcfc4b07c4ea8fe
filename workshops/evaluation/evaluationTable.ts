import type { Table } from '../export/table'
import type { Lang } from '../lang'
import type { QuestionResult, RoundResults } from './aggregate'
import { RATINGS } from './questions'
import { changeText, EVALUATION_LABELS, meanText, type EvaluationResults } from './reportSection'

/**
 * The results as spreadsheet tables (CSV and XLSX): one row per question,
 * round and rating (före, efter, nu) with the count of each rating, the
 * mean and the change; and the free-text answers in a table of their own.
 * Hidden rounds and questions are rows with n and the reason only.
 */

const NOTE: Record<Lang, Record<'open' | 'too-few' | 'question', string>> = {
  sv: {
    open: 'öppen: resultaten visas när den är stängd',
    'too-few': 'färre än {threshold} svar: resultaten visas inte',
    question: 'färre än {threshold} svarade på frågan',
  },
  en: {
    open: 'open: results are shown once it is closed',
    'too-few': 'fewer than {threshold} responses: results are not shown',
    question: 'fewer than {threshold} answered this question',
  },
}

const fill = (text: string, threshold: number) => text.replace('{threshold}', String(threshold))

export function evaluationRatingsTable(results: EvaluationResults, lang: Lang): Table {
  const l = EVALUATION_LABELS[lang]
  const header = [l.question, l.round, l.rating, 'n', ...RATINGS.map(String), l.mean, l.change.replace(/: \{value\}$/, ''), '']
  const rows: string[][] = []
  const blank = RATINGS.map(() => '')
  const rounds: Array<{ round: RoundResults; name: string }> = [{ round: results.session, name: l.session }]
  if (results.followUp) rounds.push({ round: results.followUp, name: `${l.followUp} ${results.followUp.date}` })
  for (const { round, name } of rounds) {
    if (round.hidden) {
      rows.push(['', name, '', String(round.n), ...blank, '', '', fill(NOTE[lang][round.reason], round.threshold)])
      continue
    }
    for (const q of round.questions as QuestionResult[]) {
      if (q.kind !== 'rating') continue
      const text = q.text[lang]
      if (q.hidden) {
        rows.push([text, name, '', String(q.answered), ...blank, '', '', fill(NOTE[lang].question, round.threshold)])
        continue
      }
      const line = (label: string, d: typeof q.before, m: number | null | undefined, change: string) =>
        rows.push([text, name, label, String(q.answered), ...RATINGS.map((r) => String(d?.[r] ?? 0)), meanText(m, lang), change, ''])
      if (round.round === 'session') {
        line(l.before, q.before, q.meanBefore, '')
        line(l.after, q.after, q.meanAfter, q.meanChange === null || q.meanChange === undefined ? '' : changeText(q.meanChange, lang))
      } else line(l.now, q.now, q.meanNow, '')
    }
  }
  return { header, rows, widths: [40, 18, 12, 6, 5, 5, 5, 5, 5, 8, 12, 40] }
}

export function evaluationTextsTable(results: EvaluationResults, lang: Lang): Table {
  const l = EVALUATION_LABELS[lang]
  const rows: string[][] = []
  const rounds: Array<{ round: RoundResults; name: string }> = [{ round: results.session, name: l.session }]
  if (results.followUp) rounds.push({ round: results.followUp, name: `${l.followUp} ${results.followUp.date}` })
  for (const { round, name } of rounds) {
    if (round.hidden) continue
    for (const q of round.questions) if (q.kind === 'text' && q.texts) for (const text of q.texts) rows.push([q.text[lang], name, text])
  }
  return { header: [l.question, l.round, l.text], rows, widths: [30, 18, 80] }
}

/** Both tables in one CSV: the ratings, an empty line, the free text. */
export function evaluationCsvTable(results: EvaluationResults, lang: Lang): Table {
  const ratings = evaluationRatingsTable(results, lang)
  const texts = evaluationTextsTable(results, lang)
  return { header: ratings.header, rows: [...ratings.rows, [], texts.header, ...texts.rows] }
}
