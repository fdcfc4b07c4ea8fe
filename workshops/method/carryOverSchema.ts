import { z } from 'zod'
import { DEFAULT_WINNERS, type CarryCompanion, type CarryDeclaration } from '../programme/declarations'
import { describeValue, expecting, idSchema, strictRecord, templateIdSchema } from './definitionSchema'

/**
 * The `carryOver` field of a workshop definition: what the workshop takes
 * from the earlier workshops of a programme. Its own field, so it merges
 * with other changes to the definition schema. Cross-field checks (the step
 * exists, the template is placed, `from` names a loaded workshop) are in
 * definitionSchema.ts and loadMethods.
 */

/**
 * Built on first use: definitionSchema.ts imports this file and this file its
 * helpers, so nothing here may touch them while the modules load.
 */
function buildSchema() {
  const fieldValues = z.union([z.string(), z.array(z.string())], {
    error: (iss) => `expected a value or a list of values, like "film" or ["film", "lecture"], got ${describeValue(iss.input)}`,
  })

  const whereSchema = strictRecord(
    {
      field: idSchema,
      equals: fieldValues,
    },
    'a condition like { "field": "type", "equals": "film" }',
  )

  const winnersSchema = z
    .number({ error: expecting('a whole number of winners') })
    .int({ error: expecting('a whole number of winners') })
    .min(1, { error: expecting('at least 1 winner') })
    .max(50, { error: expecting('at most 50 winners') })

  const chosenSchema = z.union([z.literal(true), strictRecord({ winners: winnersSchema }, 'true, or { "winners": 3 }')], {
    error: (iss) => `expected true, or { "winners": <number> }, got ${describeValue(iss.input)}`,
  })

  const bySchema = z.enum(['link', 'link-or-nearest'], {
    error: (iss) => `expected "link" or "link-or-nearest", got ${describeValue(iss.input)}`,
  })

  const companionSchema = strictRecord(
    {
      kind: idSchema,
      via: idSchema.optional(),
      by: bySchema.optional(),
    },
    'a companion like { "kind": "quote" } or { "kind": "quote", "via": "insight" }',
  )

  const cardsSchema = strictRecord(
    {
      from: idSchema,
      kind: idSchema,
      where: whereSchema.optional(),
      chosen: chosenSchema.optional(),
      with: z.array(companionSchema, { error: expecting('a list of companions') }).optional(),
      into: idSchema,
    },
    'cards to carry (an object with from, kind and into)',
  )

  const templateSchema = strictRecord(
    {
      from: idSchema,
      template: templateIdSchema,
    },
    'a template to carry (an object with from and template)',
  )

  /**
   * One entry: a template carry when it names a template, cards otherwise.
   * Each form is checked on its own, so an error names that form's fields
   * (a union would report both forms' complaints at once).
   */
  const entrySchema = z.unknown().transform((value, ctx): CarryDeclaration => {
    const isTemplate = !!value && typeof value === 'object' && !Array.isArray(value) && 'template' in value
    const result = (isTemplate ? templateSchema : cardsSchema).safeParse(value, { reportInput: true })
    if (!result.success) {
      // An unknown field is likelier the cause than the missing one it was meant to be (a typo): it goes first.
      const issues = [...result.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'))
      for (const issue of issues) {
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path
        ctx.addIssue({ code: 'custom', path: path as PropertyKey[] as (string | number)[], message: issue.message, input: (issue as { input?: unknown }).input })
      }
      return z.NEVER
    }
    if (isTemplate) return result.data as z.infer<typeof templateSchema>
    const raw = result.data as z.infer<typeof cardsSchema>
    const chosen = raw.chosen === undefined ? undefined : { winners: raw.chosen === true ? DEFAULT_WINNERS : raw.chosen.winners }
    const withList: CarryCompanion[] = (raw.with ?? []).map((c) => ({ kind: c.kind, ...(c.via ? { via: c.via } : {}), by: c.by ?? 'link' }))
    return {
      from: raw.from,
      kind: raw.kind,
      ...(raw.where ? { where: { field: raw.where.field, equals: typeof raw.where.equals === 'string' ? [raw.where.equals] : raw.where.equals } } : {}),
      ...(chosen ? { chosen } : {}),
      with: withList,
      into: raw.into,
    }
  })

  return z.array(entrySchema, { error: expecting('a list of what to carry over, like [{ "from": "ws1", "kind": "theme", "into": "review-needs" }]') })
}

let built: ReturnType<typeof buildSchema> | undefined

export const carryOverSchema = z.lazy(() => (built ??= buildSchema()))

/** Problems that need the rest of the definition: the step and template exist, `via` names an earlier kind. */
export function carryOverProblems(
  carryOver: readonly CarryDeclaration[],
  definition: { id: string; steps: readonly { id: string }[]; templates: readonly string[] },
): Array<{ path: (string | number)[]; message: string }> {
  const problems: Array<{ path: (string | number)[]; message: string }> = []
  const steps = definition.steps.map((s) => s.id)
  carryOver.forEach((entry, i) => {
    if (entry.from === definition.id) problems.push({ path: [i, 'from'], message: `a workshop cannot carry over from itself ("${entry.from}")` })
    if ('template' in entry) {
      if (!definition.templates.includes(entry.template)) {
        problems.push({ path: [i, 'template'], message: `"${entry.template}" is not among this workshop's templates (${definition.templates.join(', ') || 'none'})` })
      }
      return
    }
    if (!steps.includes(entry.into)) problems.push({ path: [i, 'into'], message: `no step "${entry.into}" in this workshop; its steps are ${steps.join(', ')}` })
    const kinds = [entry.kind]
    entry.with.forEach((companion, j) => {
      if (companion.via !== undefined && !kinds.includes(companion.via)) {
        problems.push({ path: [i, 'with', j, 'via'], message: `"${companion.via}" is neither the carried kind nor an earlier companion's (${kinds.join(', ')})` })
      }
      kinds.push(companion.kind)
    })
  })
  return problems
}
