import { z } from 'zod'
import { evaluationFieldSchema, evaluationStepProblem } from '../evaluation/schema'
import {
  describeValue,
  expecting,
  idSchema,
  localizedSchema,
  minutesSchema,
  strictRecord,
  templateIdSchema,

  workshopStepSchema,
} from '../method/definitionSchema'
import { BLOCK_KINDS, ROLES, type TrainingDefinition } from './types'

/**
 * Zod schemas for training files (workshops/trainings/*.json, and an
 * employer's own in WORKSHOPS_DIR/trainings/). Errors read like the workshop
 * definitions' (each names what was expected and what the file holds); the
 * rules that span fields come last.
 */

/** Enough for any real training; keeps a hand-edited file and its generated workshops bounded. */
export const MAX_SESSIONS = 12
export const MAX_BLOCKS = 20
export const MAX_STEPS_PER_BLOCK = 12
export const MAX_EXERCISES = 30
export const MATERIAL_MAX = 500

const trainingStepSchema = strictRecord(
  { ...workshopStepSchema.shape, exercise: idSchema.optional() },
  'a step (an object with id, title, instructions, facilitatorNote, timebox, cardKinds, privateWriting, vote)',
)

function list<T extends z.ZodType>(item: T, what: string, max: number) {
  return z
    .array(item, { error: expecting(what) })
    .min(1, { error: `expected at least one, got an empty list` })
    .max(max, { error: (iss) => `expected at most ${max}, got ${describeValue(iss.input)}` })
}

const blockSchema = strictRecord(
  {
    id: idSchema,
    title: localizedSchema,
    type: z.enum(BLOCK_KINDS, {
      error: (iss: { input?: unknown }) =>
        typeof iss.input === 'string'
          ? `unknown block type ${describeValue(iss.input)}; allowed are ${BLOCK_KINDS.join(', ')}`
          : `expected a block type (one of ${BLOCK_KINDS.join(', ')}), got ${describeValue(iss.input)}`,
    }),
    minutes: minutesSchema,
    material: z.string({ error: expecting('a text (may be empty)') }).max(MATERIAL_MAX, { error: `expected at most ${MATERIAL_MAX} characters` }),
    steps: list(trainingStepSchema, 'a list of steps', MAX_STEPS_PER_BLOCK),
  },
  'a block (an object with id, title, type, minutes, material and steps)',
)

const helpers = { strictRecord, expecting, describeValue, idSchema, localizedSchema }

const sessionSchema = strictRecord(
  {
    id: idSchema,
    title: localizedSchema,
    templates: z.array(templateIdSchema, { error: expecting('a list of template ids, like ["persona", "journey"]') }),
    blocks: list(blockSchema, 'a list of blocks', MAX_BLOCKS),
    evaluation: evaluationFieldSchema(helpers).optional(),
  },
  'a session (an object with id, title, templates and blocks)',
)

const exerciseSchema = strictRecord(
  {
    id: idSchema,
    title: localizedSchema,
    situation: localizedSchema,
    roles: strictRecord(
      Object.fromEntries(ROLES.map((r) => [r, localizedSchema])) as Record<(typeof ROLES)[number], typeof localizedSchema>,
      `what each role is told, like { ${ROLES.map((r) => `"${r}": { "sv": "…", "en": "…" }`).join(', ')} }`,
    ),
    questions: z.array(localizedSchema, { error: expecting('a list of questions') }).max(20, { error: 'expected at most 20 questions' }),
  },
  'an exercise (an object with id, title, situation, roles and questions)',
)

const trainingShape = strictRecord(
  {
    id: idSchema,
    title: localizedSchema,
    goal: localizedSchema,
    sessions: list(sessionSchema, 'a list of sessions', MAX_SESSIONS),
    exercises: z
      .array(exerciseSchema, { error: expecting('a list of exercises') })
      .max(MAX_EXERCISES, { error: `expected at most ${MAX_EXERCISES} exercises` }),
  },
  'a training (an object with id, title, goal, sessions and exercises)',
)

/** A whole training file, with the rules that span fields. */
export const trainingSchema: z.ZodType<TrainingDefinition> = trainingShape.superRefine((training, ctx) => {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  const firstOf = <T extends { id: string }>(items: readonly T[], at: (i: number) => PropertyKey[], what: string) => {
    const seen = new Map<string, number>()
    items.forEach((item, i) => {
      const earlier = seen.get(item.id)
      if (earlier === undefined) seen.set(item.id, i)
      else issue([...at(i), 'id'], `duplicate ${what} id "${item.id}" (already used at [${earlier}])`)
    })
  }
  const exerciseIds = new Set(training.exercises.map((e) => e.id))
  firstOf(training.exercises, (i) => ['exercises', i], 'exercise')
  firstOf(training.sessions, (i) => ['sessions', i], 'session')
  training.sessions.forEach((session, s) => {
    firstOf(session.blocks, (b) => ['sessions', s, 'blocks', b], 'block')
    // Steps of all blocks become one workshop's agenda: their ids must differ across the session.
    const stepAt = new Map<string, string>()
    session.blocks.forEach((block, b) => {
      block.steps.forEach((step, i) => {
        const at = ['sessions', s, 'blocks', b, 'steps', i]
        const earlier = stepAt.get(step.id)
        if (earlier) issue([...at, 'id'], `duplicate step id "${step.id}" in this session (${earlier} already uses it)`)
        else stepAt.set(step.id, `blocks[${b}].steps[${i}]`)
        if (step.timebox > block.minutes) issue([...at, 'timebox'], `${step.timebox} minutes is longer than the block (minutes ${block.minutes})`)
        if (step.exercise !== undefined && !step.groups?.roles) issue([...at, 'exercise'], 'an exercise belongs to a role-play step: add "groups": { "size": 3, "roles": true }')
        if (step.groups?.roles && step.exercise === undefined) issue([...at, 'exercise'], 'missing: a role-play step names the exercise it plays')
        if (step.exercise !== undefined && !exerciseIds.has(step.exercise)) issue([...at, 'exercise'], `no exercise "${step.exercise}" in this training (${[...exerciseIds].join(', ') || 'none'})`)
        if (step.frame && 'template' in step.frame && !session.templates.includes(step.frame.template)) {
          issue([...at, 'frame', 'template'], `"${step.frame.template}" is not among this session's templates (${session.templates.join(', ') || 'none'})`)
        }
      })
    })
    const evaluationStep = evaluationStepProblem({ steps: session.blocks.flatMap((b) => b.steps), evaluation: session.evaluation })
    if (evaluationStep) issue(['sessions', s, 'evaluation', 'step'], evaluationStep)
  })
})

