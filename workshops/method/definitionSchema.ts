import { z } from 'zod'
import { carryOverProblems, carryOverSchema } from './carryOverSchema'
import { LANGS, type Lang } from '../lang'
import { evaluationFieldSchema, evaluationStepProblem } from '../evaluation/schema'
import { TEMPLATE_IDS } from './templates'
import type { WorkshopDefinition } from './types'

/**
 * Zod schemas for workshop definition files. Every schema carries its own
 * error texts, written for the HR staff who edit these files by hand: each
 * says what was expected and what the file holds instead. A missing field's
 * text is always exactly "missing". Paths are added by parseDefinition.
 */

/** Ids of workshops, steps and personas. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/

const ID_RULE = 'an id of lowercase letters a-z, digits and hyphens, starting with a letter or digit, at most 40 characters'

/** A short human description of a JSON value, for "got …" in error texts. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
    return JSON.stringify(shown)
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`
  if (typeof value === 'object') return 'an object'
  return typeof value
}

interface RawIssue {
  code?: string
  input?: unknown
  keys?: string[]
}

/** Error text: "missing" when the field is absent, otherwise "expected <what>, got <value>". */
export function expecting(what: string) {
  return (iss: RawIssue): string =>
    iss.input === undefined ? 'missing' : `expected ${what}, got ${describeValue(iss.input)}`
}

function listed(values: readonly string[]): string {
  return values.join(', ')
}

/** Levenshtein distance, for "did you mean …?" on misspelt field names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]
}

function suggestField(unknown: string, known: readonly string[], present: object): string | undefined {
  const absent = known.filter((k) => !Object.prototype.hasOwnProperty.call(present, k))
  const lower = unknown.toLowerCase()
  const sameLetters = absent.find((k) => k.toLowerCase() === lower)
  if (sameLetters) return sameLetters
  const limit = Math.min(2, Math.floor(unknown.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const k of absent) {
    const d = distance(lower, k.toLowerCase())
    if (d < bestDistance) {
      best = k
      bestDistance = d
    }
  }
  return best
}

/**
 * An object that rejects unknown keys (they are typos) and names the allowed
 * ones. For an unknown key the text is about the first such key; the issue's
 * `keys` says which, and parseDefinition puts it at the end of the path.
 */
export function strictRecord<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  const known = Object.keys(shape)
  return z.strictObject(shape, {
    error: (iss: RawIssue) => {
      if (iss.code === 'unrecognized_keys' && iss.keys?.length) {
        const guess = suggestField(iss.keys[0], known, (iss.input ?? {}) as object)
        const hint = guess ? `did you mean "${guess}"? ` : ''
        return `unknown field; ${hint}allowed fields are ${listed(known)}`
      }
      return expecting(what)(iss)
    },
  })
}

/** A non-empty text. */
export function textSchema(what = 'a text') {
  return z
    .string({ error: expecting(what) })
    .refine((s) => s.trim().length > 0, { error: (iss) => `expected ${what}, got ${describeValue(iss.input)}` })
}

/** A text in every language the product speaks. */
export const localizedSchema = strictRecord(
  Object.fromEntries(LANGS.map((lang) => [lang, textSchema('a non-empty text')])) as Record<
    Lang,
    ReturnType<typeof textSchema>
  >,
  `texts in ${LANGS.map((l) => `"${l}"`).join(' and ')}, like { ${LANGS.map((l) => `"${l}": "…"`).join(', ')} }`,
)

export const idSchema = z.string({ error: expecting(ID_RULE) }).regex(ID_PATTERN, { error: expecting(ID_RULE) })

/** A positive whole number of minutes. */
export const minutesSchema = z
  .number({ error: expecting('a number of minutes') })
  .int({ error: expecting('a whole number of minutes') })
  .positive({ error: expecting('a number of minutes greater than 0') })

const booleanSchema = z.boolean({ error: expecting('true or false') })

/** A list whose items may appear only once. */
function listWithoutRepeats<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: expecting(what) }).superRefine((items, ctx) => {
    items.forEach((value, i) => {
      if (items.indexOf(value) !== i) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${describeValue(value)} is listed twice` })
      }
    })
  })
}

function choice<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss: RawIssue) =>
      typeof iss.input === 'string'
        ? `unknown ${what} ${describeValue(iss.input)}; allowed are ${listed(values)}`
        : `expected a ${what} (one of ${listed(values)}), got ${describeValue(iss.input)}`,
  })
}

/**
 * A card kind's id. Which kinds exist is the method's data (card-kinds.json,
 * perhaps extended from WORKSHOPS_DIR): parseWorkshopDefinition checks the
 * ids against the loaded kinds once the file's shape is right.
 */
export const cardKindSchema = z.string({ error: expecting('a card kind id, like "insight"') })
export const templateIdSchema = choice(TEMPLATE_IDS, 'template')

/**
 * Where a step's work happens, when it is not a frame of its own: a
 * template's frame ({ "template": "persona" }) or the frame of an earlier or
 * later step ({ "step": "capture-feedback" }), e.g. a vote on the cards
 * written in another step. Checked against the definition below.
 */
export const stepFrameSchema = z.union(
  [
    strictRecord({ template: templateIdSchema }, 'a frame like { "template": "persona" } or { "step": "brainstorm" }'),
    strictRecord({ step: idSchema }, 'a frame like { "template": "persona" } or { "step": "brainstorm" }'),
  ],
  { error: expecting('a frame like { "template": "persona" } or { "step": "brainstorm" }') },
)

/** Group sizes a step may ask for (and the groups route accepts). */
export const GROUP_SIZE_MIN = 2
export const GROUP_SIZE_MAX = 12

export const stepGroupsSchema = strictRecord(
  {
    size: z
      .number({ error: expecting('a group size') })
      .int({ error: expecting('a whole number of people') })
      .min(GROUP_SIZE_MIN, { error: expecting(`a group size from ${GROUP_SIZE_MIN}`) })
      .max(GROUP_SIZE_MAX, { error: expecting(`a group size up to ${GROUP_SIZE_MAX}`) }),
    roles: booleanSchema,
  },
  'small groups like { "size": 4, "roles": false }',
)

export const workshopStepSchema = strictRecord(
  {
    id: idSchema,
    title: localizedSchema,
    instructions: localizedSchema,
    facilitatorNote: localizedSchema,
    timebox: minutesSchema,
    cardKinds: listWithoutRepeats(cardKindSchema, 'a list of card kinds, like ["insight", "quote"]'),
    privateWriting: booleanSchema,
    vote: booleanSchema,
    frame: stepFrameSchema.optional(),
    pairsWith: idSchema.optional(),
    groups: stepGroupsSchema.optional(),
  },
  'a step (an object with id, title, instructions, …)',
)

const stepsSchema = z
  .array(workshopStepSchema, { error: expecting('a list of steps') })
  .min(1, { error: 'expected at least one step, got an empty list' })
  .superRefine((steps, ctx) => {
    const firstIndex = new Map<string, number>()
    steps.forEach((step, i) => {
      const earlier = firstIndex.get(step.id)
      if (earlier === undefined) firstIndex.set(step.id, i)
      else {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `duplicate step id "${step.id}" (steps[${earlier}] already uses it)`,
        })
      }
    })
  })

const workshopDefinitionShape = strictRecord(
  {
    id: idSchema,
    title: localizedSchema,
    goal: localizedSchema,
    duration: minutesSchema,
    templates: listWithoutRepeats(templateIdSchema, 'a list of template ids, like ["persona", "journey"]'),
    steps: stepsSchema,
    carryOver: carryOverSchema.optional(),
    /** The closing evaluation's questions (workshops/evaluation/); the default ones without it. */
    evaluation: evaluationFieldSchema({ strictRecord, expecting, describeValue, idSchema, localizedSchema }).optional(),
  },
  'a workshop definition (an object with id, title, goal, duration, templates and steps)',
)

/** A whole workshop definition file, with the rules that span fields. */
export const workshopDefinitionSchema: z.ZodType<WorkshopDefinition> = workshopDefinitionShape.superRefine(
  (def, ctx) => {
    const evaluationStep = evaluationStepProblem(def)
    if (evaluationStep) ctx.addIssue({ code: 'custom', path: ['evaluation', 'step'], message: evaluationStep })
    def.steps.forEach((step, i) => {
      if (step.timebox > def.duration) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'timebox'],
          message: `${step.timebox} minutes is longer than the whole workshop (duration ${def.duration})`,
        })
      }
      if (step.privateWriting && step.cardKinds.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'cardKinds'],
          message: 'a step with private writing needs at least one card kind to write, got an empty list',
        })
      }
      if (step.frame && 'template' in step.frame && !def.templates.includes(step.frame.template)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'frame', 'template'],
          message: `"${step.frame.template}" is not among this workshop's templates (${def.templates.join(', ') || 'none'})`,
        })
      }
      if (step.frame && 'step' in step.frame) {
        const target = step.frame.step
        const other = def.steps.find((s) => s.id === target)
        if (!other || other === step) {
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'frame', 'step'], message: other ? 'a step cannot use its own frame' : `no step "${target}" in this workshop` })
        } else if (other.frame) {
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'frame', 'step'], message: `step "${target}" works in another frame itself; name that frame instead` })
        }
      }
      if (step.pairsWith !== undefined) {
        const partner = def.steps.find((s) => s.id === step.pairsWith)
        const problem = step.frame
          ? 'a step that works in another frame has no frame of its own to put beside one'
          : !partner
            ? `no step "${step.pairsWith}" in this workshop`
            : partner === step
              ? 'a step cannot pair with itself'
              : partner.frame
                ? `step "${step.pairsWith}" works in another frame and has none of its own to pair with`
                : partner.pairsWith !== undefined || def.steps.some((s, j) => j < i && s.pairsWith === step.pairsWith)
                  ? `step "${step.pairsWith}" already has a frame beside it`
                  : null
        if (problem) ctx.addIssue({ code: 'custom', path: ['steps', i, 'pairsWith'], message: problem })
      }
      if (step.groups?.roles && step.groups.size !== 3) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'groups', 'size'], message: `role-play is in threes (chef, medarbetare, observatör), got ${step.groups.size}` })
      }
      if (step.vote && step.cardKinds.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'cardKinds'],
          message: 'a step with a vote needs at least one card kind to vote on, got an empty list',
        })
      }
    })
    for (const problem of carryOverProblems(def.carryOver ?? [], def)) {
      ctx.addIssue({ code: 'custom', path: ['carryOver', ...problem.path], message: problem.message })
    }
  },
)
