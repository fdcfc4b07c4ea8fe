import { MAX_TEXT_CHARS, RATING_MAX, RATING_MIN, type EvaluationQuestion, type Rating } from './questions'

/**
 * One person's answers, checked against the evaluation's questions. At the
 * workshop a rating question is answered "före" and "efter"; at the
 * follow-up it asks about now. A text question is one line.
 */

export type Round = 'session' | 'follow-up'
export const ROUNDS: readonly Round[] = ['session', 'follow-up']

export interface SessionRating {
  before: Rating
  after: Rating
}

export interface FollowUpRating {
  now: Rating
}

export type Answer = SessionRating | FollowUpRating | string

/** Question id → answer; questions left unanswered are absent. */
export type Answers = Record<string, Answer>

export type AnswersCheck = { ok: true; answers: Answers } | { ok: false; problem: string }

const isRating = (v: unknown): v is Rating => Number.isInteger(v) && (v as number) >= RATING_MIN && (v as number) <= RATING_MAX
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/** Line breaks and tabs become spaces ("one line"); other control characters go; ends are trimmed. */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

function ratingProblem(id: string, value: unknown, round: Round): string | null {
  const parts = round === 'session' ? ['before', 'after'] : ['now']
  const shape = parts.map((p) => `"${p}": ${RATING_MIN}–${RATING_MAX}`).join(', ')
  if (!isPlainObject(value)) return `answers.${id}: expected { ${shape} }`
  for (const key of Object.keys(value)) if (!parts.includes(key)) return `answers.${id}.${key}: unknown; expected { ${shape} }`
  for (const part of parts) {
    if (!own(value, part)) return `answers.${id}.${part}: missing; expected { ${shape} }`
    if (!isRating(value[part])) return `answers.${id}.${part}: a rating is a whole number from ${RATING_MIN} to ${RATING_MAX}`
  }
  return null
}

/**
 * The answers as stored, or what is wrong with them: an unknown question, a
 * rating outside 1–5 or half a rating, a text over MAX_TEXT_CHARS, nothing
 * answered at all. An empty text counts as not answered.
 */
export function checkAnswers(questions: readonly EvaluationQuestion[], round: Round, raw: unknown): AnswersCheck {
  if (!isPlainObject(raw)) return { ok: false, problem: 'answers: expected an object of question id → answer' }
  const byId = new Map(questions.map((q) => [q.id, q]))
  const answers: Answers = {}
  for (const [id, value] of Object.entries(raw)) {
    const question = byId.get(id)
    if (!question) return { ok: false, problem: `answers.${id}: no such question; the questions are ${questions.map((q) => q.id).join(', ')}` }
    if (question.kind === 'text') {
      if (typeof value !== 'string') return { ok: false, problem: `answers.${id}: expected a text` }
      const text = oneLine(value)
      if ([...text].length > MAX_TEXT_CHARS) return { ok: false, problem: `answers.${id}: at most ${MAX_TEXT_CHARS} characters` }
      if (text !== '') answers[id] = text
      continue
    }
    const problem = ratingProblem(id, value, round)
    if (problem) return { ok: false, problem }
    const v = value as Record<string, Rating>
    answers[id] = round === 'session' ? { before: v.before, after: v.after } : { now: v.now }
  }
  if (Object.keys(answers).length === 0) return { ok: false, problem: 'answers: answer at least one question' }
  return { ok: true, answers }
}
