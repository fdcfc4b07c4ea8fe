import { z } from 'zod'
import { DEFAULT_FOLLOW_UP_MONTHS, MAX_FOLLOW_UP_MONTHS, MAX_QUESTIONS, type EvaluationDefinition } from './questions'

/**
 * The `evaluation` field of a workshop definition file: which step opens
 * it, the questions, and when the follow-up is by default. Errors read like
 * the rest of the definition's ("evaluation.questions[1].kind: unknown …").
 *
 * The helpers come from definitionSchema.ts, which calls this: importing
 * them here would make the two files import each other.
 */
export interface SchemaHelpers {
  strictRecord<Shape extends z.ZodRawShape>(shape: Shape, what: string): z.ZodObject<Shape>
  expecting(what: string): (iss: { input?: unknown }) => string
  describeValue(value: unknown): string
  idSchema: z.ZodType<string>
  localizedSchema: z.ZodType<Record<'sv' | 'en', string>>
}

export function evaluationFieldSchema(h: SchemaHelpers): z.ZodType<EvaluationDefinition> {
  const kind = z.enum(['rating', 'text'], {
    error: (iss: { input?: unknown }) =>
      typeof iss.input === 'string'
        ? `unknown question kind ${h.describeValue(iss.input)}; allowed are rating (1–5 before and after), text (one free-text line)`
        : `expected a question kind ("rating" or "text"), got ${h.describeValue(iss.input)}`,
  })
  const question = h.strictRecord({ id: h.idSchema, kind, text: h.localizedSchema }, 'a question (an object with id, kind and text)')
  const questions = z
    .array(question, { error: h.expecting('a list of questions') })
    .min(1, { error: 'expected at least one question, got an empty list' })
    .max(MAX_QUESTIONS, { error: (iss) => `expected at most ${MAX_QUESTIONS} questions, got ${h.describeValue(iss.input)}` })
    .superRefine((list, ctx) => {
      const first = new Map<string, number>()
      list.forEach((q, i) => {
        const earlier = first.get(q.id)
        if (earlier === undefined) first.set(q.id, i)
        else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id "${q.id}" (questions[${earlier}] already uses it)` })
      })
    })
  const months = z
    .number({ error: h.expecting('a number of months') })
    .int({ error: h.expecting('a whole number of months') })
    .min(1, { error: h.expecting('a number of months from 1') })
    .max(MAX_FOLLOW_UP_MONTHS, { error: h.expecting(`a number of months up to ${MAX_FOLLOW_UP_MONTHS}`) })
  return h
    .strictRecord(
      { step: h.idSchema.optional(), questions, followUpMonths: months.optional() },
      'an evaluation (an object with questions, and optionally step and followUpMonths)',
    )
    .transform((e): EvaluationDefinition => ({
      ...(e.step === undefined ? {} : { step: e.step }),
      questions: e.questions,
      followUpMonths: e.followUpMonths ?? DEFAULT_FOLLOW_UP_MONTHS,
    })) as unknown as z.ZodType<EvaluationDefinition>
}

/** The rule that spans fields: `evaluation.step` names one of the workshop's steps. Null when it holds. */
export function evaluationStepProblem(def: { steps: ReadonlyArray<{ id: string }>; evaluation?: EvaluationDefinition }): string | null {
  const step = def.evaluation?.step
  if (step === undefined || def.steps.some((s) => s.id === step)) return null
  return `there is no step "${step}" in this workshop; its steps are ${def.steps.map((s) => s.id).join(', ')}`
}
