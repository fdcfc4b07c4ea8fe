import type { Localized } from '../lang'
import type { WorkshopDefinition } from '../method/types'

/**
 * The closing evaluation's questions, as data. A workshop definition may
 * carry its own in the field `evaluation` (see schema.ts); without it, the
 * questions the source project measured are asked. Pure: no DOM, no Node.
 */

/** A 1–5 self-rating ("före" and "efter" at the workshop, "nu" at the follow-up), or one free-text line. */
export type QuestionKind = 'rating' | 'text'

export interface EvaluationQuestion {
  /** Unique within the evaluation; the key of its answer. */
  id: string
  kind: QuestionKind
  text: Localized
}

/** The `evaluation` field of a workshop definition file. */
export interface EvaluationDefinition {
  /** The step that opens the evaluation when the facilitator starts it from the agenda. */
  step?: string
  questions: EvaluationQuestion[]
  /** Months from the workshop to the follow-up's default date. */
  followUpMonths: number
}

export const RATING_MIN = 1
export const RATING_MAX = 5
export const RATINGS = [1, 2, 3, 4, 5] as const
export type Rating = (typeof RATINGS)[number]

/** One free-text line: longer answers are refused (400), not cut. */
export const MAX_TEXT_CHARS = 500
/** Enough for any short evaluation; keeps a form small and a response bounded. */
export const MAX_QUESTIONS = 12
export const DEFAULT_FOLLOW_UP_MONTHS = 6
export const MAX_FOLLOW_UP_MONTHS = 36

/** The source project's two measures and its free-text line. */
export const DEFAULT_QUESTIONS: readonly EvaluationQuestion[] = [
  {
    id: 'knowledge-mental-health',
    kind: 'rating',
    text: { sv: 'Min kunskap om psykisk ohälsa', en: 'My knowledge about mental ill-health' },
  },
  {
    id: 'knowledge-methods-tools',
    kind: 'rating',
    text: {
      sv: 'Min kunskap om metoder och verktyg för det fortsatta arbetet',
      en: 'My knowledge about methods and tools for the continued work',
    },
  },
  { id: 'take-away', kind: 'text', text: { sv: 'Vad tar du med dig?', en: 'What will you take with you?' } },
]

export const DEFAULT_EVALUATION: EvaluationDefinition = {
  questions: DEFAULT_QUESTIONS.map((q) => ({ ...q, text: { ...q.text } })),
  followUpMonths: DEFAULT_FOLLOW_UP_MONTHS,
}

/** The evaluation a workshop asks: its definition's own, or the default one. */
export function evaluationOf(definition: Pick<WorkshopDefinition, 'evaluation'> | null | undefined): EvaluationDefinition {
  return definition?.evaluation ?? DEFAULT_EVALUATION
}

export const ratingQuestions = (questions: readonly EvaluationQuestion[]) => questions.filter((q) => q.kind === 'rating')
export const textQuestions = (questions: readonly EvaluationQuestion[]) => questions.filter((q) => q.kind === 'text')
