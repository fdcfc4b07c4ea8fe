import type { WorkshopDefinition, WorkshopStep } from '../method/types'
import type { RolePlayExercise, TrainingDefinition, TrainingSession } from './types'

/** Between a training's id and a session's in the method id of the session's workshop. */
export const SESSION_SEPARATOR = '--'

/** The method id a session's workshop is stored with, e.g. "chefsutbildning--tillfalle-1". */
export function sessionMethodId(trainingId: string, sessionId: string): string {
  return `${trainingId}${SESSION_SEPARATOR}${sessionId}`
}

/** The training and session ids in a session's method id; null for any other method. */
export function parseSessionMethodId(methodId: string): { trainingId: string; sessionId: string } | null {
  const at = methodId.indexOf(SESSION_SEPARATOR)
  if (at <= 0) return null
  return { trainingId: methodId.slice(0, at), sessionId: methodId.slice(at + SESSION_SEPARATOR.length) }
}

/**
 * The workshop definition a session runs as: its blocks' steps in order
 * (each titled with its block, "Annas resa: Filmen"), its templates, and its
 * evaluation. The exercises' role texts stay out of it: the definition goes
 * to every browser in the workshop.
 */
export function sessionDefinition(training: TrainingDefinition, session: TrainingSession): WorkshopDefinition {
  const position = training.sessions.indexOf(session) + 1
  const steps: WorkshopStep[] = session.blocks.flatMap((block) =>
    block.steps.map(({ exercise: _exercise, ...step }) => ({
      ...step,
      title: { sv: `${block.title.sv}: ${step.title.sv}`, en: `${block.title.en}: ${step.title.en}` },
    })),
  )
  return {
    id: sessionMethodId(training.id, session.id),
    title: { sv: `${training.title.sv} – ${session.title.sv}`, en: `${training.title.en} – ${session.title.en}` },
    goal: {
      sv: `${training.goal.sv} (Tillfälle ${position} av ${training.sessions.length}: ${session.blocks.map((b) => b.title.sv).join(', ')}.)`,
      en: `${training.goal.en} (Session ${position} of ${training.sessions.length}: ${session.blocks.map((b) => b.title.en).join(', ')}.)`,
    },
    duration: session.blocks.reduce((sum, b) => sum + b.minutes, 0),
    templates: [...session.templates],
    steps,
    ...(session.evaluation ? { evaluation: session.evaluation } : {}),
  }
}

/** The exercise a role-play step of a session's workshop plays; undefined for another step or method. */
export function exerciseOfStep(training: TrainingDefinition, sessionId: string, stepId: string): RolePlayExercise | undefined {
  const session = training.sessions.find((s) => s.id === sessionId)
  const step = session?.blocks.flatMap((b) => b.steps).find((s) => s.id === stepId)
  return step?.exercise === undefined ? undefined : training.exercises.find((e) => e.id === step.exercise)
}
