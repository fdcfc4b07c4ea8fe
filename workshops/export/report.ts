/**
 * The workshop report: what a facilitator hands on after a session. Built
 * once as a plain model (buildReport), then written as Markdown here and as
 * DOCX on the server, so both say the same. Pure: no Node or DOM API.
 */
import { readBoard } from '../chain/board'
import { buildChain, type Pair } from '../chain/buildChain'
import { buildPlans } from '../chain/plans'
import { asShape, type Card } from '../chain/cards'
import { neighbours, readLinks } from '../chain/links'
import type { Lang, Localized } from '../lang'
import type { WorkshopDefinition } from '../method/types'
import { GROUPS_REPORT_LABELS, groupsReport, type GroupsReport } from '../groups/reportSection'
import { evaluationSection, evaluationSectionMarkdown, type EvaluationResults, type EvaluationSection } from '../evaluation/reportSection'
import { escapeMarkdown } from './markdown'
import { votesLabel } from './pairRows'
import { organisationName, PLANS_LABELS } from './plansExport'

/** One step of the agenda as it was run (structurally WorkshopFacts' StepAsRun). */
export interface ReportStepAsRun {
  stepId: string
  title: Localized
  startedAt: number
  endedAt: number | null
}

/** Results of the closing evaluation (workshops/evaluation/reportSection.ts), thresholds already applied. */
export type { EvaluationResults }

export interface ReportInput {
  lang: Lang
  title: string
  /** The method id the workshop ran, e.g. "ws2". */
  methodId: string
  /** Its definition, when this server has it. */
  definition: WorkshopDefinition | null
  /** When the workshop was created (ms since epoch): the report's date unless the agenda was run. */
  createdAt: number
  records: readonly unknown[]
  votes: Readonly<Record<string, number>>
  agendaAsRun: readonly ReportStepAsRun[]
  evaluation?: EvaluationResults | null
  /** When the board image in the report was made; null or missing when there is none. */
  boardImageAt?: number | null
  /** Time zone for dates and clock times; the method's home by default. */
  timeZone?: string
  /** How many top-voted ideas to list. */
  topIdeas?: number
}

export interface AgendaLine {
  title: string
  /** Clock time the step started ("09:05"), when it was run. */
  start: string | null
  /** Minutes the step took; null for a step still running or one that was only planned. */
  minutes: number | null
  /** The step's timebox in the definition. */
  planned: number | null
}

export interface Report {
  lang: Lang
  title: string
  /** "WS2 – Insikter och utmaningar", or the bare id when the definition is unknown here. */
  method: string
  /** "2026-11-25" */
  date: string
  agenda: { asRun: boolean; steps: AgendaLine[] }
  /** The interview analysis: each theme with its quotes and needs (WS1, and wherever themes were carried). */
  themes: Array<{ text: string; quotes: string[]; needs: string[] }>
  /** Every need on the board, and the quotes that belong to no theme. */
  needs: string[]
  unthemedQuotes: string[]
  pairs: Pair[]
  topIdeas: Array<{ text: string; votes: number; challenges: string[] }>
  prototypes: Array<{ text: string; ideas: string[] }>
  /** Notes in a plan step's frame (boards from before plans had cards); null when the method has no such step. */
  plan: Array<{ text: string; author: string }> | null
  /**
   * Each organisation's plan (WS8: organisation and activity cards), in
   * reading order; null when the method has none and the board holds none.
   */
  plans: Array<{ name: string; followUp: string; activities: Array<{ what: string; who: string; when: string }> }> | null
  /** Null when the workshop had no evaluation. */
  evaluation: EvaluationSection | null
  /** What the small groups wrote (workshops/groups/); absent or null when it had none. */
  groups?: GroupsReport | null
  boardImage: { madeAt: string } | null
}

export const REPORT_LABELS: Record<Lang, Record<
  | 'report' | 'method' | 'date' | 'agendaRun' | 'agendaPlanned' | 'agendaPlannedNote' | 'step' | 'start' | 'duration'
  | 'planned' | 'ongoing' | 'minutes' | 'pairs' | 'noPairs' | 'challenge' | 'theme' | 'votes' | 'quotes' | 'ideas'
  | 'prototype' | 'topIdeas' | 'noVotes' | 'forChallenge' | 'prototypes' | 'noPrototypes' | 'fromIdea' | 'plan'
  | 'noPlan' | 'noPlans' | 'followUp' | 'evaluation' | 'responses' | 'question' | 'before' | 'after' | 'comments' | 'board' | 'boardImageAt'
  | 'boardImageInDocx' | 'empty' | 'themes' | 'needs' | 'allNeeds' | 'unthemedQuotes',
  string
>> = {
  sv: {
    report: 'Rapport',
    method: 'Metod',
    date: 'Datum',
    agendaRun: 'Agendan som den genomfördes',
    agendaPlanned: 'Planerad agenda',
    agendaPlannedNote: 'Agendan stegades inte igenom i verktyget; här är de planerade stegen.',
    step: 'Steg',
    start: 'Start',
    duration: 'Tid',
    planned: 'Planerat',
    ongoing: 'pågår',
    minutes: 'min',
    pairs: 'Insikter och utmaningar',
    noPairs: 'Inga par av insikt och utmaning.',
    challenge: 'Utmaning',
    theme: 'Tema',
    votes: 'Röster',
    quotes: 'Stödjande citat',
    ideas: 'Idéer',
    prototype: 'Prototyp',
    topIdeas: 'Idéer med flest röster',
    noVotes: 'Inga idéer har fått röster.',
    forChallenge: 'för',
    prototypes: 'Prototyper',
    noPrototypes: 'Inga prototyper.',
    fromIdea: 'från idén',
    plan: 'Plan för fortsatt arbete',
    noPlan: 'Inga aktiviteter i planen.',
    noPlans: 'Inga organisationer har gjort en plan ännu.',
    followUp: 'Uppföljning',
    evaluation: 'Utvärdering',
    responses: 'Antal svar',
    question: 'Fråga',
    before: 'Före',
    after: 'Efter',
    comments: 'Vad deltagarna tar med sig',
    board: 'Tavlan',
    boardImageAt: 'Bilden av tavlan är från {time}.',
    boardImageInDocx: 'Bilden finns i Word-rapporten (report.docx).',
    empty: '(tom)',
    themes: 'Teman, citat och behov',
    needs: 'Behov',
    allNeeds: 'Identifierade behov',
    unthemedQuotes: 'Citat utan tema',
  },
  en: {
    report: 'Report',
    method: 'Method',
    date: 'Date',
    agendaRun: 'The agenda as run',
    agendaPlanned: 'Planned agenda',
    agendaPlannedNote: 'The agenda was not stepped through in the tool; these are the planned steps.',
    step: 'Step',
    start: 'Start',
    duration: 'Time',
    planned: 'Planned',
    ongoing: 'ongoing',
    minutes: 'min',
    pairs: 'Insights and challenges',
    noPairs: 'No insight/challenge pairs.',
    challenge: 'Challenge',
    theme: 'Theme',
    votes: 'Votes',
    quotes: 'Supporting quotes',
    ideas: 'Ideas',
    prototype: 'Prototype',
    topIdeas: 'Top-voted ideas',
    noVotes: 'No idea has any votes.',
    forChallenge: 'for',
    prototypes: 'Prototypes',
    noPrototypes: 'No prototypes.',
    fromIdea: 'from the idea',
    plan: 'Plan for continued work',
    noPlan: 'No activities in the plan.',
    noPlans: 'No organisation has made a plan yet.',
    followUp: 'Follow-up',
    evaluation: 'Evaluation',
    responses: 'Responses',
    question: 'Question',
    before: 'Before',
    after: 'After',
    comments: 'What participants take with them',
    board: 'The board',
    boardImageAt: 'The image of the board is from {time}.',
    boardImageInDocx: 'The image is in the Word report (report.docx).',
    empty: '(empty)',
    themes: 'Themes, quotes and needs',
    needs: 'Needs',
    allNeeds: 'Identified needs',
    unthemedQuotes: 'Quotes without a theme',
  },
}

const DEFAULT_TIME_ZONE = 'Europe/Stockholm'
const DEFAULT_TOP_IDEAS = 10

/** Plan steps: a step whose id is "plan" or has "plan" as one of its dash-separated words. */
export function isPlanStep(stepId: string): boolean {
  return stepId.split('-').includes('plan')
}

function dateIn(ms: number, timeZone: string): string {
  // sv-SE writes ISO dates (2026-11-25), whatever the report's language.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
}

function clockIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(ms)
}

function validVotes(votes: Readonly<Record<string, number>>, id: string): number {
  if (!Object.prototype.hasOwnProperty.call(votes, id)) return 0
  const n = votes[id]
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0
}

/** Step frames by frame id → step id, from `meta.stepId` on frames. */
function stepFrames(records: readonly unknown[]): Map<string, string> {
  const frames = new Map<string, string>()
  for (const record of records) {
    const shape = asShape(record)
    if (shape?.type !== 'frame') continue
    const meta = (record as { meta?: { stepId?: unknown } }).meta
    if (typeof meta?.stepId === 'string') frames.set(shape.id, meta.stepId)
  }
  return frames
}

function agendaOf(input: ReportInput, timeZone: string): Report['agenda'] {
  const planned = new Map((input.definition?.steps ?? []).map((s) => [s.id, s.timebox]))
  if (input.agendaAsRun.length > 0) {
    return {
      asRun: true,
      steps: input.agendaAsRun.map((step) => ({
        title: step.title[input.lang],
        start: clockIn(step.startedAt, timeZone),
        minutes: step.endedAt === null ? null : Math.max(0, Math.round((step.endedAt - step.startedAt) / 60_000)),
        planned: planned.get(step.stepId) ?? null,
      })),
    }
  }
  return {
    asRun: false,
    steps: (input.definition?.steps ?? []).map((step) => ({
      title: step.title[input.lang],
      start: null,
      minutes: null,
      planned: step.timebox,
    })),
  }
}

export function buildReport(input: ReportInput): Report {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE
  const { records, votes } = input
  const board = readBoard(records)
  const chain = buildChain(records, { votes: votes as Record<string, number>, board })
  const cards = board.cards
  const linked = neighbours(readLinks(records))
  const linkedOfKind = (card: Card, kind: Card['kind']): Card[] =>
    cards.filter((other) => other.kind === kind && linked.get(card.id)?.has(other.id))

  const topIdeas = cards
    .filter((c) => c.kind === 'idea' && validVotes(votes, c.id) > 0)
    .map((idea, order) => ({ idea, order, votes: validVotes(votes, idea.id) }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order)
    .slice(0, input.topIdeas ?? DEFAULT_TOP_IDEAS)
    .map(({ idea, votes: n }) => ({ text: idea.text, votes: n, challenges: linkedOfKind(idea, 'challenge').map((c) => c.text) }))

  const prototypes = cards
    .filter((c) => c.kind === 'prototype')
    .map((p) => ({ text: p.text, ideas: linkedOfKind(p, 'idea').map((i) => i.text) }))

  const usesKind = (kind: string) => (input.definition?.steps ?? []).some((s) => s.cardKinds?.includes(kind))
  const planModel = buildPlans(board)
  const plans: Report['plans'] =
    usesKind('activity') || usesKind('organisation') || planModel.organisations.length > 0 || planModel.loose.length > 0
      ? [
          ...planModel.organisations.map((org, i) => ({
            name: organisationName(org.name, i + 1, input.lang),
            followUp: org.followUp,
            activities: org.activities.map(({ what, who, when }) => ({ what, who, when })),
          })),
          ...(planModel.loose.length > 0
            ? [{ name: PLANS_LABELS[input.lang].loose, followUp: '', activities: planModel.loose.map(({ what, who, when }) => ({ what, who, when })) }]
            : []),
        ]
      : null

  const planStepIds = new Set((input.definition?.steps ?? []).filter((s) => !s.frame).map((s) => s.id).filter(isPlanStep))
  let plan: Report['plan'] = null
  if (planStepIds.size > 0 && plans === null) {
    const frames = stepFrames(records)
    plan = cards
      .filter((c) => c.kind === 'note' && c.frameId !== undefined && planStepIds.has(frames.get(c.frameId) ?? ''))
      .filter((c) => c.text.trim() !== '')
      .map((c) => ({ text: c.text, author: c.author }))
  }

  const nonEmpty = (list: readonly Card[]) => list.map((c) => c.text).filter((t) => t.trim() !== '')
  const themed = new Set(chain.themes.flatMap((t) => t.quotes.map((q) => q.id)))
  const themes = chain.themes.map((t) => ({ text: t.theme.text, quotes: nonEmpty(t.quotes), needs: nonEmpty(t.needs) }))
  const needs = nonEmpty(cards.filter((c) => c.kind === 'need'))
  const unthemedQuotes = nonEmpty(cards.filter((c) => c.kind === 'quote' && !themed.has(c.id)))

  const methodTitle = input.definition?.title[input.lang]
  const date =
    input.agendaAsRun.length > 0 ? Math.min(...input.agendaAsRun.map((s) => s.startedAt)) : input.createdAt
  return {
    lang: input.lang,
    title: input.title,
    // A training session's method id ("chefsutbildning--tillfalle-1") is no name to show: its title says it all.
    method: methodTitle ? (input.methodId.includes('--') ? methodTitle : `${input.methodId.toUpperCase()} – ${methodTitle}`) : input.methodId,
    date: dateIn(date, timeZone),
    agenda: agendaOf(input, timeZone),
    themes,
    needs,
    unthemedQuotes,
    pairs: chain.pairs,
    topIdeas,
    prototypes,
    plan,
    plans,
    evaluation: input.evaluation ? evaluationSection(input.evaluation, input.lang) : null,
    groups: groupsReport(records, cards),
    boardImage:
      input.boardImageAt != null ? { madeAt: `${dateIn(input.boardImageAt, timeZone)} ${clockIn(input.boardImageAt, timeZone)}` } : null,
  }
}

/** " – HR-strateg, hösten": who and when after an activity, as far as they are given. */
export function activityDetail(a: { who: string; when: string }, esc: (text: string) => string = (t) => t): string {
  const parts = [a.who, a.when].filter((p) => p.trim() !== '').map(esc)
  return parts.length > 0 ? ` – ${parts.join(', ')}` : ''
}

/** "12 min", "pågår"; an unrun step shows "–". */
export function durationText(line: AgendaLine, lang: Lang): string {
  const l = REPORT_LABELS[lang]
  if (line.minutes !== null) return `${line.minutes} ${l.minutes}`
  return line.start !== null ? l.ongoing : '–'
}

export function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`)
}

/** The report as Markdown; every user text is escaped so it shows as typed. */
export function reportToMarkdown(report: Report): string {
  const l = REPORT_LABELS[report.lang]
  const esc = (text: string) => escapeMarkdown(text) || l.empty
  const out: string[] = []
  const para = (...lines: string[]) => out.push(...lines, '')

  para(`# ${esc(report.title)}`)
  para(`**${l.method}:** ${esc(report.method)}\\`, `**${l.date}:** ${report.date}`)

  para(`## ${report.agenda.asRun ? l.agendaRun : l.agendaPlanned}`)
  if (!report.agenda.asRun) para(l.agendaPlannedNote)
  if (report.agenda.steps.length > 0) {
    const rows = report.agenda.asRun
      ? [
          `| ${l.step} | ${l.start} | ${l.duration} | ${l.planned} |`,
          '| --- | --- | --- | --- |',
          ...report.agenda.steps.map(
            (s) => `| ${esc(s.title)} | ${s.start ?? '–'} | ${durationText(s, report.lang)} | ${s.planned === null ? '–' : `${s.planned} ${l.minutes}`} |`,
          ),
        ]
      : [
          `| ${l.step} | ${l.planned} |`,
          '| --- | --- |',
          ...report.agenda.steps.map((s) => `| ${esc(s.title)} | ${s.planned === null ? '–' : `${s.planned} ${l.minutes}`} |`),
        ]
    para(...rows)
  }

  if (report.themes.length > 0 || report.needs.length > 0 || report.unthemedQuotes.length > 0) {
    para(`## ${l.themes}`)
    for (const theme of report.themes) {
      para(`### ${esc(theme.text)}`)
      for (const quote of theme.quotes) para(`> ${esc(quote)}`)
      if (theme.needs.length > 0) para(`**${l.needs}:**`, '', ...theme.needs.map((n) => `- ${esc(n)}`))
    }
    if (report.needs.length > 0) para(`### ${l.allNeeds}`, ...report.needs.map((n) => `- ${esc(n)}`))
    if (report.unthemedQuotes.length > 0) {
      para(`### ${l.unthemedQuotes}`)
      for (const quote of report.unthemedQuotes) para(`> ${esc(quote)}`)
    }
  }

  para(`## ${l.pairs}`)
  if (report.pairs.length === 0) para(l.noPairs)
  report.pairs.forEach((pair, i) => {
    para(`### ${i + 1}. ${esc(pair.insight.text)}`)
    para(`**${l.challenge}:** ${esc(pair.challenge.text)}`)
    if (pair.theme.trim() !== '') para(`**${l.theme}:** ${esc(pair.theme)}`)
    para(`**${l.votes}:** ${pair.votes}`)
    const quotes = pair.quotes.filter((q) => q.text.trim() !== '')
    if (quotes.length > 0) {
      para(`**${l.quotes}:**`)
      for (const quote of quotes) para(`> ${esc(quote.text)}`)
    }
    if (pair.ideas.length > 0) {
      para(
        `**${l.ideas}:**`,
        '',
        ...pair.ideas.flatMap((idea) => [
          `- ${esc(idea.text)} (${votesLabel(idea.votes, report.lang)})`,
          ...idea.prototypes.map((p) => `  - ${l.prototype}: ${esc(p)}`),
        ]),
      )
    }
  })

  para(`## ${l.topIdeas}`)
  if (report.topIdeas.length === 0) para(l.noVotes)
  else {
    para(
      ...report.topIdeas.map((idea, i) => {
        const challenges = idea.challenges.length > 0 ? ` – ${l.forChallenge} ”${idea.challenges.map(esc).join('”, ”')}”` : ''
        return `${i + 1}. ${esc(idea.text)} (${votesLabel(idea.votes, report.lang)})${challenges}`
      }),
    )
  }

  para(`## ${l.prototypes}`)
  if (report.prototypes.length === 0) para(l.noPrototypes)
  else {
    para(
      ...report.prototypes.map((p) => {
        const ideas = p.ideas.length > 0 ? ` – ${l.fromIdea} ”${p.ideas.map(esc).join('”, ”')}”` : ''
        return `- ${esc(p.text)}${ideas}`
      }),
    )
  }

  if (report.plans !== null) {
    para(`## ${l.plan}`)
    if (report.plans.length === 0) para(l.noPlans)
    for (const org of report.plans) {
      para(`### ${esc(org.name)}`)
      if (org.followUp) para(`**${l.followUp}:** ${org.followUp}`)
      if (org.activities.length === 0) para(l.noPlan)
      else para(...org.activities.map((a) => `- ${esc(a.what)}${activityDetail(a, esc)}`))
    }
  } else if (report.plan !== null) {
    para(`## ${l.plan}`)
    if (report.plan.length === 0) para(l.noPlan)
    else para(...report.plan.map((item) => `- ${esc(item.text)}`))
  }

  if (report.groups) {
    const g = GROUPS_REPORT_LABELS[report.lang]
    para(`## ${g.heading}`)
    for (const group of report.groups.groups) {
      para(`### ${esc(group.name)}`)
      para(...(group.cards.length > 0 ? group.cards.map((c) => `- ${esc(c)}`) : [g.empty]))
    }
  }

  if (report.evaluation !== null) para(...evaluationSectionMarkdown(report.evaluation, 2))

  if (report.boardImage !== null) {
    para(`## ${l.board}`)
    para(`${fill(l.boardImageAt, { time: report.boardImage.madeAt })} ${l.boardImageInDocx}`)
  }

  return `${out.join('\n').trimEnd()}\n`
}
