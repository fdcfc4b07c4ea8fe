import type { EvaluationDefinition } from '../evaluation/questions'
import type { Localized } from '../lang'
import type { TemplateId } from '../method/templates'
import type { WorkshopStep } from '../method/types'

/**
 * A training for managers (the built-in "Chefsutbildning om psykisk ohälsa",
 * an employer's own, or one made from a WS5 training plan): sessions of
 * blocks of steps. Each session is run as an ordinary workshop whose
 * definition is generated from it (sessionDefinition.ts).
 */
export interface TrainingDefinition {
  id: string
  title: Localized
  goal: Localized
  sessions: TrainingSession[]
  /** The role-play exercises its steps name; the role texts go only to the person given the role. */
  exercises: RolePlayExercise[]
}

export interface TrainingSession {
  /** Unique within the training. */
  id: string
  title: Localized
  /** Board templates the session's workshop places. */
  templates: TemplateId[]
  blocks: TrainingBlock[]
  /** The closing evaluation, when this session ends with one. */
  evaluation?: EvaluationDefinition
}

/** The block field `type` of WS5's block cards (card-kinds.json). */
export const BLOCK_KINDS = ['film', 'reflection', 'discussion', 'exercise', 'lecture'] as const
export type BlockKind = (typeof BLOCK_KINDS)[number]

export interface TrainingBlock {
  /** Unique within its session. */
  id: string
  title: Localized
  type: BlockKind
  minutes: number
  /** What the block uses (a film's name, a handout); shown to the facilitator. */
  material: string
  steps: TrainingStep[]
}

/** A workshop step, and for role-play the exercise it plays. */
export interface TrainingStep extends WorkshopStep {
  /** The id of one of the training's exercises; only in a step with `groups.roles`. */
  exercise?: string
}

/** The three roles, as WS7's exercise cards have them. */
export const ROLES = ['manager', 'employee', 'observer'] as const
export type Role = (typeof ROLES)[number]

export interface RolePlayExercise {
  id: string
  title: Localized
  /** What everyone in the group reads. */
  situation: Localized
  /** What each role alone is told. */
  roles: Record<Role, Localized>
  /** The questions to practise (våga se, våga fråga). */
  questions: Localized[]
}
