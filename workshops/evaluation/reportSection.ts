import { escapeMarkdown } from '../export/markdown'
import type { Lang } from '../lang'
import type { Distribution, RoundResults } from './aggregate'
import type { ResultsAnswer } from './api'
import { compareFollowUp } from './followUp'
import { RATING_MAX, RATINGS, type EvaluationQuestion } from './questions'

/**
 * The evaluation's part of a report (the workshop report, and later the
 * programme report): a plain model built once from the results, written as
 * Markdown here and as DOCX on the server, so both say the same. Pure.
 */

/** What the report needs: the results as the facilitator sees them (thresholds already applied). */
export interface EvaluationResults {
  asked: readonly EvaluationQuestion[]
  session: RoundResults
  followUp: (RoundResults & { date: string }) | null
}

/** The facilitator's results (GET …/results) without what only the panel shows (forms issued). */
export function toReportResults(r: ResultsAnswer): EvaluationResults {
  const { asked, issued: _i, followUp, ...session } = r
  if (!followUp) return { asked, session, followUp: null }
  const { issued: _f, ...later } = followUp
  return { asked, session, followUp: later }
}

export type BarKind = 'before' | 'after' | 'now'

export interface ChartBar {
  kind: BarKind
  label: string
  /** Mean on the 1–5 scale; null when hidden or unanswered. */
  value: number | null
  /** "3,4", or "–". */
  text: string
}

export interface SectionQuestion {
  text: string
  bars: ChartBar[]
  /** "Förändring (efter − före, per person): +1,4"; null when it cannot be said. */
  change: string | null
  /** Rows of the distribution table: label, counts for 1…5, mean. Empty when hidden. */
  distribution: string[][]
  /** "Färre än 3 svarade på frågan." */
  note: string | null
}

export interface EvaluationSection {
  heading: string
  /** Lines about how many answered, and why something is not shown. */
  summary: string[]
  /** The chart's legend, and what the scale is. */
  legend: string
  questions: SectionQuestion[]
  distributionHeader: string[]
  /** Free-text answers, per text question, in random order. */
  texts: Array<{ question: string; answers: string[] }>
}

export const EVALUATION_LABELS: Record<Lang, Record<
  | 'heading' | 'responses' | 'followUpResponses' | 'open' | 'tooFew' | 'followUpOpen' | 'followUpTooFew' | 'questionTooFew'
  | 'before' | 'after' | 'now' | 'change' | 'sinceBefore' | 'legend' | 'answer' | 'mean' | 'round' | 'session' | 'followUp'
  | 'rating' | 'text' | 'question' | 'issued',
  string
>> = {
  sv: {
    heading: 'Utvärdering',
    responses: 'Antal svar vid workshoppen: {n}',
    followUpResponses: 'Antal svar vid uppföljningen {date}: {n}',
    open: 'Utvärderingen är öppen ({n} svar). Resultaten kommer med när processledaren har stängt den.',
    tooFew: 'Resultaten visas först när minst {threshold} har svarat ({n} svar), så att ingen enskild persons svar kan utläsas.',
    followUpOpen: 'Uppföljningen {date}: {n} svar hittills. Resultaten kommer med när den är stängd.',
    followUpTooFew: 'Uppföljningens resultat visas först när minst {threshold} har svarat ({n} svar).',
    questionTooFew: 'Färre än {threshold} svarade på frågan; svaren visas inte.',
    before: 'Före',
    after: 'Efter',
    now: 'Uppföljning',
    change: 'Förändring (efter − före, medel per person): {value}',
    sinceBefore: 'Uppföljning − före: {value}',
    legend: 'Medelvärde på skalan 1–5 (5 = mycket god kunskap).',
    answer: 'Svar',
    mean: 'Medel',
    round: 'Omgång',
    session: 'Workshoppen',
    followUp: 'Uppföljning',
    rating: 'Skattning',
    text: 'Text',
    question: 'Fråga',
    issued: 'Utdelade formulär',
  },
  en: {
    heading: 'Evaluation',
    responses: 'Responses at the workshop: {n}',
    followUpResponses: 'Responses at the follow-up {date}: {n}',
    open: 'The evaluation is open ({n} responses). The results go into the report once the facilitator has closed it.',
    tooFew: 'Results are shown once at least {threshold} have answered ({n} responses), so that no single person\'s answers can be read.',
    followUpOpen: 'The follow-up on {date}: {n} responses so far. Its results go into the report once it is closed.',
    followUpTooFew: 'The follow-up\'s results are shown once at least {threshold} have answered ({n} responses).',
    questionTooFew: 'Fewer than {threshold} answered this question; the answers are not shown.',
    before: 'Before',
    after: 'After',
    now: 'Follow-up',
    change: 'Change (after − before, mean per person): {value}',
    sinceBefore: 'Follow-up − before: {value}',
    legend: 'Mean on the scale 1–5 (5 = very good knowledge).',
    answer: 'Answer',
    mean: 'Mean',
    round: 'Round',
    session: 'Workshop',
    followUp: 'Follow-up',
    rating: 'Rating',
    text: 'Text',
    question: 'Question',
    issued: 'Forms issued',
  },
}

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`))

/** A 1–5 mean as "3,4" (sv) or "3.4" (en); "–" for none. */
export function meanText(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '–'
  const text = (Math.round(value * 10) / 10).toFixed(1)
  return lang === 'sv' ? text.replace('.', ',') : text
}

/** A change with its sign: "+1,4", "−0,3", "0,0". */
export function changeText(value: number, lang: Lang): string {
  const rounded = Math.round(value * 10) / 10
  const body = meanText(Math.abs(rounded), lang)
  return rounded > 0 ? `+${body}` : rounded < 0 ? `−${body}` : body
}

function distributionRow(label: string, d: Distribution | undefined, m: number | null | undefined, lang: Lang): string[] | null {
  if (!d) return null
  return [label, ...RATINGS.map((r) => String(d[r])), meanText(m ?? null, lang)]
}

function summaryOf(results: EvaluationResults, lang: Lang): string[] {
  const l = EVALUATION_LABELS[lang]
  const s = results.session
  const lines = [fill(l.responses, { n: s.n })]
  if (s.hidden) lines.push(fill(s.reason === 'open' ? l.open : l.tooFew, { n: s.n, threshold: s.threshold }))
  const f = results.followUp
  if (f) {
    lines.push(fill(l.followUpResponses, { n: f.n, date: f.date }))
    if (f.hidden) lines.push(fill(f.reason === 'open' ? l.followUpOpen : l.followUpTooFew, { n: f.n, date: f.date, threshold: f.threshold }))
  }
  return lines
}

export function evaluationSection(results: EvaluationResults, lang: Lang): EvaluationSection {
  const l = EVALUATION_LABELS[lang]
  const comparison = compareFollowUp(results.asked, results.session, results.followUp)
  const byId = (round: RoundResults | null) => new Map(round && !round.hidden ? round.questions.map((q) => [q.id, q]) : [])
  const first = byId(results.session)
  const later = byId(results.followUp)
  const hasFollowUp = results.followUp !== null && !results.followUp.hidden
  const nowLabel = results.followUp ? `${l.now} ${results.followUp.date}` : l.now

  const questions: SectionQuestion[] = comparison.map((row) => {
    const s = first.get(row.id)
    const f = later.get(row.id)
    const bars: ChartBar[] = [
      { kind: 'before', label: l.before, value: row.before, text: meanText(row.before, lang) },
      { kind: 'after', label: l.after, value: row.after, text: meanText(row.after, lang) },
    ]
    if (hasFollowUp) bars.push({ kind: 'now', label: nowLabel, value: row.now, text: meanText(row.now, lang) })
    const distribution = [
      s && s.kind === 'rating' ? distributionRow(l.before, s.before, s.meanBefore, lang) : null,
      s && s.kind === 'rating' ? distributionRow(l.after, s.after, s.meanAfter, lang) : null,
      f && f.kind === 'rating' ? distributionRow(nowLabel, f.now, f.meanNow, lang) : null,
    ].filter((r): r is string[] => r !== null)
    const changes = [
      row.change !== null ? fill(l.change, { value: changeText(row.change, lang) }) : null,
      row.changeSinceBefore !== null ? fill(l.sinceBefore, { value: changeText(row.changeSinceBefore, lang) }) : null,
    ].filter((c): c is string => c !== null)
    const hiddenHere = (s && s.hidden) || (f && f.hidden)
    return {
      text: row.text[lang],
      bars,
      change: changes.length > 0 ? changes.join(' · ') : null,
      distribution,
      note: hiddenHere ? fill(l.questionTooFew, { threshold: results.session.threshold }) : null,
    }
  })

  const texts: EvaluationSection['texts'] = []
  for (const q of results.asked) {
    if (q.kind !== 'text') continue
    const answers = [first.get(q.id), later.get(q.id)].flatMap((r) => (r && r.kind === 'text' && r.texts ? r.texts : []))
    if (answers.length > 0) texts.push({ question: q.text[lang], answers })
  }

  return {
    heading: l.heading,
    summary: summaryOf(results, lang),
    legend: l.legend,
    // A section whose rounds are all hidden shows only its summary.
    questions: results.session.hidden && !hasFollowUp ? [] : questions,
    distributionHeader: [l.answer, ...RATINGS.map(String), l.mean],
    texts,
  }
}

/** Bar cells per scale step in the text chart: 4 per step, 20 for the whole scale. */
export const BAR_CELLS_PER_STEP = 4

/** How many of the chart's cells a mean fills (0 … 20). */
export function barCells(value: number | null): number {
  if (value === null) return 0
  return Math.max(0, Math.min(RATING_MAX * BAR_CELLS_PER_STEP, Math.round(value * BAR_CELLS_PER_STEP)))
}

/** "██████████░░░░░░░░░░": a mean as a bar of the 1–5 scale (0 to 5), drawn in text. */
export function textBar(value: number | null): string {
  const full = barCells(value)
  return '█'.repeat(full) + '░'.repeat(RATING_MAX * BAR_CELLS_PER_STEP - full)
}

/**
 * The section as Markdown lines. `level` is the heading's level (2 in the
 * workshop report; a programme report may nest it deeper). User text is escaped.
 */
export function evaluationSectionMarkdown(section: EvaluationSection, level = 2): string[] {
  const h = (n: number) => '#'.repeat(Math.min(6, n))
  const out: string[] = []
  const para = (...lines: string[]) => out.push(...lines, '')
  para(`${h(level)} ${section.heading}`)
  para(...section.summary.map((line, i) => (i < section.summary.length - 1 ? `${escapeMarkdown(line)}\\` : escapeMarkdown(line))))
  if (section.questions.length > 0) para(`*${escapeMarkdown(section.legend)}*`)
  for (const q of section.questions) {
    para(`${h(level + 1)} ${escapeMarkdown(q.text)}`)
    const width = Math.max(...q.bars.map((b) => b.label.length))
    // Only our own labels and digits go inside the code block: user text there could close it.
    para('```text', ...q.bars.map((b) => `${b.label.padEnd(width)}  ${textBar(b.value)}  ${b.text}`), '```')
    if (q.change) para(escapeMarkdown(q.change))
    if (q.note) para(`*${escapeMarkdown(q.note)}*`)
    if (q.distribution.length > 0) {
      para(
        `| ${section.distributionHeader.join(' | ')} |`,
        `| ${section.distributionHeader.map(() => '---').join(' | ')} |`,
        // Counts and means are ours (digits); only the label is escaped, so "2.3" stays as written.
        ...q.distribution.map((row) => `| ${row.map((v, i) => (i === 0 ? escapeMarkdown(v) : v)).join(' | ')} |`),
      )
    }
  }
  for (const t of section.texts) para(`**${escapeMarkdown(t.question)}**`, '', ...t.answers.map((a) => `- ${escapeMarkdown(a)}`))
  return out
}
