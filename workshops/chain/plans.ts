import { inReadingOrder, type BoardView } from './board'
import type { Card } from './cards'

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

export interface PlanActivity {
  activity: Card
  /** The card's text is what is done. */
  what: string
  who: string
  when: string
}

export interface OrganisationPlan {
  organisation: Card
  /** The organisation card's text. */
  name: string
  /** "YYYY-MM-DD" of the follow-up, empty when not set. */
  followUp: string
  activities: PlanActivity[]
}

export interface Plans {
  /** In reading order (columns left to right). */
  organisations: OrganisationPlan[]
  /** Activities in no organisation's plan. */
  loose: PlanActivity[]
}

function activityOf(activity: Card): PlanActivity {
  return { activity, what: activity.text.trim(), who: textOf(activity.fields.who), when: textOf(activity.fields.when) }
}

/**
 * WS8: one plan per organisation. An organisation is a card (kind
 * "organisation": its name, and the follow-up date as a field); its
 * activities are the activity cards linked to it, or else in its column.
 */
export function buildPlans(board: BoardView): Plans {
  return {
    organisations: inReadingOrder(board.ofKind('organisation')).map((organisation) => ({
      organisation,
      name: organisation.text.trim(),
      followUp: textOf(organisation.fields.followUp),
      activities: board.partsOf(organisation, 'activity').map(activityOf),
    })),
    loose: board.ofKind('activity').filter((a) => board.ownersOf(a).length === 0).map(activityOf),
  }
}
