/**
 * The programme report: what a working group hands its steering group after
 * WS1–WS8. Per workshop the agenda as run and its results (each workshop's
 * own report), then the chain from quote to result, the training as
 * designed, the plans and the evaluations. A plain model, written as
 * Markdown here and as DOCX on the server. Pure.
 */
import type { Lang } from '../lang'
import { readBoardView } from '../programme/boardView'
import { cardFieldValue, readOrigin } from '../programme/provenance'
import type { Trace } from '../programme/trace'
import { escapeMarkdown } from './markdown'
import { reportToMarkdown, type Report } from './report'
import { evaluationSectionMarkdown, type EvaluationSection } from '../evaluation/reportSection'
import { traceToMarkdown } from './traceFormats'

export type WorkshopState = 'not-started' | 'running' | 'done'

export interface ProgrammeReportWorkshop {
  /** The workshop's own report (report.ts). */
  report: Report
  state: WorkshopState
  records: readonly unknown[]
}

export interface ProgrammeReportInput {
  lang: Lang
  title: string
  /** "2027-01-10": when the programme was created. */
  date: string
  workshops: readonly ProgrammeReportWorkshop[]
  trace: Trace
  /** Rows of the chain shown in the report (the trace export has them all). */
  maxChainRows?: number
}

export interface TrainingBlock {
  text: string
  /** film, reflection, discussion, exercise, lecture, when the block says. */
  type: string | null
}

export interface TrainingSession {
  /** Null for the blocks in no session. */
  text: string | null
  blocks: TrainingBlock[]
}

export interface ProgrammeReport {
  lang: Lang
  title: string
  date: string
  workshops: Array<{ report: Report; state: WorkshopState }>
  trace: Trace
  maxChainRows: number
  /** The training plan where it was designed (the first board with sessions or blocks of its own). */
  training: TrainingSession[]
  plans: Array<{ workshop: string; items: string[] }>
  evaluations: Array<{ workshop: string; evaluation: EvaluationSection }>
}

export const PROGRAMME_REPORT_LABELS: Record<
  Lang,
  Record<'report' | 'date' | 'workshops' | 'chain' | 'training' | 'noTraining' | 'withoutSession' | 'plans' | 'noPlans' | 'evaluation' | 'responses' | 'question' | 'before' | 'after' | 'empty' | 'chainShown', string> & {
    states: Record<WorkshopState, string>
    blockTypes: Record<string, string>
  }
> = {
  sv: {
    report: 'Programrapport',
    date: 'Skapad',
    workshops: 'Workshoppar',
    chain: 'Kedjan: från citat till resultat',
    chainShown: 'Här visas {shown} av {total} spår; spårbarhetsexporten har alla.',
    training: 'Utbildningen som den utformades',
    noTraining: 'Ingen utbildningsplan på tavlorna ännu.',
    withoutSession: 'Block utan tillfälle',
    plans: 'Planer för fortsatt arbete',
    noPlans: 'Inga planer ännu.',
    evaluation: 'Utvärdering',
    responses: 'Antal svar',
    question: 'Fråga',
    before: 'Före',
    after: 'Efter',
    empty: '(tom)',
    states: { 'not-started': 'inte startad', running: 'pågår', done: 'klar' },
    blockTypes: { film: 'film', reflection: 'reflektion', discussion: 'gruppdiskussion', exercise: 'samtalsövning', lecture: 'föreläsning' },
  },
  en: {
    report: 'Programme report',
    date: 'Created',
    workshops: 'Workshops',
    chain: 'The chain: from quote to result',
    chainShown: '{shown} of {total} paths are shown here; the traceability export has them all.',
    training: 'The training as designed',
    noTraining: 'No training plan on the boards yet.',
    withoutSession: 'Blocks in no session',
    plans: 'Plans for continued work',
    noPlans: 'No plans yet.',
    evaluation: 'Evaluation',
    responses: 'Responses',
    question: 'Question',
    before: 'Before',
    after: 'After',
    empty: '(empty)',
    states: { 'not-started': 'not started', running: 'running', done: 'done' },
    blockTypes: { film: 'film', reflection: 'reflection', discussion: 'group discussion', exercise: 'conversation exercise', lecture: 'lecture' },
  },
}

const DEFAULT_CHAIN_ROWS = 200

/** Sessions and their blocks (linked, or sitting nearest), from the board where the training was made, not where it was carried. */
export function trainingOf(boards: readonly (readonly unknown[])[]): TrainingSession[] {
  for (const records of boards) {
    const view = readBoardView(records)
    const own = view.cards.filter((c) => (c.kind === 'session' || c.kind === 'block') && !readOrigin(c.record))
    if (own.length === 0) continue
    const block = (c: (typeof own)[number]): TrainingBlock => {
      const type = cardFieldValue(c.record, 'type')
      return { text: c.text, type: typeof type === 'string' ? type : null }
    }
    const placed = new Set<string>()
    const sessions: TrainingSession[] = view.cards
      .filter((c) => c.kind === 'session')
      .map((session) => {
        const blocks = view.companions(session, 'block', true).filter((b) => !placed.has(b.id))
        for (const b of blocks) placed.add(b.id)
        return { text: session.text, blocks: blocks.map(block) }
      })
    const loose = view.cards.filter((c) => c.kind === 'block' && !placed.has(c.id))
    if (loose.length > 0) sessions.push({ text: null, blocks: loose.map(block) })
    return sessions
  }
  return []
}

export function buildProgrammeReport(input: ProgrammeReportInput): ProgrammeReport {
  const label = (r: Report) => `${r.title} (${r.method})`
  return {
    lang: input.lang,
    title: input.title,
    date: input.date,
    workshops: input.workshops.map((w) => ({ report: w.report, state: w.state })),
    trace: input.trace,
    maxChainRows: input.maxChainRows ?? DEFAULT_CHAIN_ROWS,
    training: trainingOf(input.workshops.map((w) => w.records)),
    plans: input.workshops.filter((w) => w.report.plan && w.report.plan.length > 0).map((w) => ({ workshop: label(w.report), items: w.report.plan!.map((p) => p.text) })),
    evaluations: input.workshops.filter((w) => w.report.evaluation).map((w) => ({ workshop: label(w.report), evaluation: w.report.evaluation! })),
  }
}

/** A workshop's part of the programme report: its own report without what the programme gathers at the end. */
export function workshopPart(report: Report): Report {
  return { ...report, plan: null, evaluation: null, boardImage: null }
}

/** The chain as the report shows it: its first rows. */
export function chainShown(report: ProgrammeReport): Trace {
  const rows = report.trace.rows.slice(0, report.maxChainRows)
  return { ...report.trace, rows, truncated: report.trace.truncated || rows.length < report.trace.rows.length }
}

export function blockLine(block: TrainingBlock, lang: Lang): string {
  const type = block.type ? PROGRAMME_REPORT_LABELS[lang].blockTypes[block.type] ?? block.type : null
  return type ? `${block.text} (${type})` : block.text
}

export function fillIn(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

export function programmeReportToMarkdown(report: ProgrammeReport): string {
  const l = PROGRAMME_REPORT_LABELS[report.lang]
  const esc = (text: string) => escapeMarkdown(text) || l.empty
  const out: string[] = []
  const para = (...lines: string[]) => out.push(...lines, '')

  para(`# ${esc(report.title)}`)
  para(`**${l.report}** · **${l.date}:** ${report.date}`)
  para(`## ${l.workshops}`)
  para(...report.workshops.map((w, i) => `${i + 1}. ${esc(w.report.title)} – ${esc(w.report.method)} (${l.states[w.state]})`))

  for (const { report: r } of report.workshops) {
    // Each workshop's report, one heading level down; user text never starts a line with "#" (it is escaped).
    const part = reportToMarkdown(workshopPart(r))
      .split('\n')
      .map((line) => (line.startsWith('#') ? `#${line}` : line))
      .join('\n')
    out.push(part.trimEnd(), '')
  }

  const shown = chainShown(report)
  out.push(traceToMarkdown(shown, report.lang, l.chain, 2).trimEnd(), '')
  if (shown.rows.length < report.trace.rows.length) para(fillIn(l.chainShown, { shown: shown.rows.length, total: report.trace.rows.length }))

  para(`## ${l.training}`)
  if (report.training.length === 0) para(l.noTraining)
  for (const session of report.training) {
    para(`### ${session.text === null ? l.withoutSession : esc(session.text)}`)
    if (session.blocks.length > 0) para(...session.blocks.map((b) => `- ${esc(blockLine(b, report.lang))}`))
  }

  para(`## ${l.plans}`)
  if (report.plans.length === 0) para(l.noPlans)
  for (const plan of report.plans) para(`### ${esc(plan.workshop)}`, ...plan.items.map((item) => `- ${esc(item)}`))

  if (report.evaluations.length > 0) {
    para(`## ${l.evaluation}`)
    // Each workshop's section under the workshop's name, charts and free text as in its own report.
    for (const { workshop, evaluation } of report.evaluations) para(...evaluationSectionMarkdown({ ...evaluation, heading: esc(workshop) }, 3))
  }
  return `${out.join('\n').trimEnd()}\n`
}
