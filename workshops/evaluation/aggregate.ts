import type { Answers, Round } from './answers'
import { RATINGS, type EvaluationQuestion } from './questions'

/**
 * What the facilitator sees of a round's responses. Nothing while the round
 * is open (so no single answer can be read off as it comes in), nothing
 * below the threshold (a small group's answers could be traced to a person),
 * and no question answered by fewer than the threshold either. Free text in
 * random order, so it carries no order of arrival.
 */

/** Count per rating, "1" … "5". */
export type Distribution = Record<'1' | '2' | '3' | '4' | '5', number>

export type HiddenReason = 'open' | 'too-few'

export interface RatingResult {
  id: string
  kind: 'rating'
  text: EvaluationQuestion['text']
  /** People who answered this question. */
  answered: number
  hidden: boolean
  /** At the workshop. */
  before?: Distribution
  after?: Distribution
  meanBefore?: number | null
  meanAfter?: number | null
  /** Mean of each person's after − before. */
  meanChange?: number | null
  /** At the follow-up. */
  now?: Distribution
  meanNow?: number | null
}

export interface TextResult {
  id: string
  kind: 'text'
  text: EvaluationQuestion['text']
  answered: number
  hidden: boolean
  texts?: string[]
}

export type QuestionResult = RatingResult | TextResult

export type RoundResults =
  | { round: Round; n: number; hidden: true; reason: HiddenReason; threshold: number }
  | { round: Round; n: number; hidden: false; threshold: number; questions: QuestionResult[]; texts: string[] }

export const DEFAULT_MIN_RESPONSES = 3

export function emptyDistribution(): Distribution {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

/** Mean of a distribution; null when it is empty. */
export function distributionMean(d: Distribution): number | null {
  let n = 0
  let sum = 0
  for (const r of RATINGS) {
    n += d[r]
    sum += r * d[r]
  }
  return n === 0 ? null : sum / n
}

/** Fisher–Yates with the caller's randomness (the server passes crypto; tests a seeded one). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

const ratingOf = (answer: unknown, part: 'before' | 'after' | 'now'): number | null => {
  const v = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[part] : undefined
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : null
}

function ratingResult(q: EvaluationQuestion, round: Round, responses: readonly Answers[], threshold: number): RatingResult {
  const answers = responses.map((r) => r[q.id]).filter((a) => a !== undefined && typeof a !== 'string')
  const hidden = answers.length < threshold
  const base: RatingResult = { id: q.id, kind: 'rating', text: q.text, answered: answers.length, hidden }
  if (hidden) return base
  if (round === 'follow-up') {
    const now = emptyDistribution()
    for (const a of answers) {
      const r = ratingOf(a, 'now')
      if (r !== null) now[String(r) as keyof Distribution]++
    }
    return { ...base, now, meanNow: distributionMean(now) }
  }
  const before = emptyDistribution()
  const after = emptyDistribution()
  const changes: number[] = []
  for (const a of answers) {
    const b = ratingOf(a, 'before')
    const f = ratingOf(a, 'after')
    if (b !== null) before[String(b) as keyof Distribution]++
    if (f !== null) after[String(f) as keyof Distribution]++
    if (b !== null && f !== null) changes.push(f - b)
  }
  return { ...base, before, after, meanBefore: distributionMean(before), meanAfter: distributionMean(after), meanChange: mean(changes) }
}

function textResult(q: EvaluationQuestion, responses: readonly Answers[], threshold: number, random: () => number): TextResult {
  const texts = responses.map((r) => r[q.id]).filter((a): a is string => typeof a === 'string' && a.trim() !== '')
  const hidden = texts.length < threshold
  return { id: q.id, kind: 'text', text: q.text, answered: texts.length, hidden, ...(hidden ? {} : { texts: shuffled(texts, random) }) }
}

/**
 * One round's results from its responses (each one person's answers).
 * `open` rounds and rounds with fewer than `threshold` responses show only n.
 */
export function aggregateRound(input: {
  questions: readonly EvaluationQuestion[]
  round: Round
  responses: readonly Answers[]
  threshold: number
  open: boolean
  random: () => number
}): RoundResults {
  const { questions, round, responses, open, random } = input
  const threshold = Math.max(1, Math.floor(input.threshold))
  const n = responses.length
  if (open) return { round, n, hidden: true, reason: 'open', threshold }
  if (n < threshold) return { round, n, hidden: true, reason: 'too-few', threshold }
  const results = questions.map((q) => (q.kind === 'rating' ? ratingResult(q, round, responses, threshold) : textResult(q, responses, threshold, random)))
  const texts = shuffled(
    results.flatMap((r) => (r.kind === 'text' && r.texts ? r.texts : [])),
    random,
  )
  return { round, n, hidden: false, threshold, questions: results, texts }
}
