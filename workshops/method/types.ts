import type { CardKind } from '../cards/kinds'
import type { EvaluationDefinition } from '../evaluation/questions'
import type { Localized } from '../lang'
import type { CarryDeclaration } from '../programme/declarations'
import type { TemplateId } from './templates'

/** One workshop of the method (WS1–WS8 or an employer's own), as read from its definition file. */
export interface WorkshopDefinition {
  /** Matches ID_PATTERN; unique among all loaded definitions. */
  id: string
  title: Localized
  goal: Localized
  /** Planned length in minutes. */
  duration: number
  /** Board templates the workshop places, in order. */
  templates: TemplateId[]
  /** The agenda, in order; never empty. */
  steps: WorkshopStep[]
  /** In a programme: what this workshop starts from, taken from the earlier workshops (programme/carryOver.ts). */
  carryOver?: CarryDeclaration[]
  /** The closing evaluation's questions; without it the default ones (workshops/evaluation/questions.ts). */
  evaluation?: EvaluationDefinition
}

export interface WorkshopStep {
  /** Kebab-case, unique within its workshop. */
  id: string
  title: Localized
  /** Shown to participants. */
  instructions: Localized
  /** Shown to the facilitator only. */
  facilitatorNote: Localized
  /** Minutes; never longer than the workshop's duration. */
  timebox: number
  /** Card kinds the step uses, without repeats; not empty when the step has private writing or a vote. */
  cardKinds: CardKind[]
  /** Participants write hidden cards until the facilitator reveals them. */
  privateWriting: boolean
  /** The step has a dot vote on cards of the step's card kinds. */
  vote: boolean
  /** Where the step's work happens when that is not a frame of its own (see frameOfStep). */
  frame?: StepFrame
  /**
   * The step whose cards this step's cards pair with (challenges with the
   * insights they answer): the two frames sit side by side, narrow and
   * close, so a pair is one short arrow and both fit in one view.
   */
  pairsWith?: string
  /** The step is worked in small groups, each in a frame of its own (workshops/groups/). */
  groups?: StepGroups
}

/** Small groups in a step: the size the facilitator's split starts from; `roles` for role-play in threes. */
export interface StepGroups {
  size: number
  roles: boolean
}

/** A template's frame, or another step's own frame. */
export type StepFrame = { template: TemplateId } | { step: string }

/** A persona placed by the persona template (Anna is built in; employers add their own). */
export interface Persona {
  id: string
  name: string
  /** Whole years. */
  age: number
  family: string
  home: string
  work: string
  interests: string
  diagnosis: string
  situation: string
}
