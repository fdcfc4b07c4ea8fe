import type { TemplateId } from '../method/templates'

/**
 * What a workshop takes from the earlier workshops of its programme, as its
 * definition file declares it (the `carryOver` field). Read by the
 * carry-over (carryOver.ts); validated by method/carryOverSchema.ts.
 */
export type CarryDeclaration = CarryCards | CarryTemplate

/** Cards of one kind from an earlier workshop, with what they bring along, into one step's frame. */
export interface CarryCards {
  /** The id of the earlier workshop's definition ("ws1"). */
  from: string
  /** The card kind carried ("theme"). A kind this server does not know finds nothing. */
  kind: string
  /** Only cards whose field has one of these values (a block's `type` "film"). */
  where?: { field: string; equals: string[] }
  /**
   * Only the chosen cards: those the facilitator marked "vald"; when none is
   * marked, the winners of the latest closed vote on them.
   */
  chosen?: { winners: number }
  /** What each card brings along, in order. */
  with: CarryCompanion[]
  /** The step of this workshop whose frame the cards land in. */
  into: string
}

/** Cards that come along with a carried card. */
export interface CarryCompanion {
  kind: string
  /**
   * Whose companions they are: the carried card's (absent), or those of an
   * earlier entry's kind ("quote" via "insight": the insights' supporting quotes).
   */
  via?: string
  /**
   * `link`: linked by an arrow. `link-or-nearest`: linked, or (without an arrow
   * to any card of that kind) sitting nearest to it in its frame, the way a
   * quote belongs to a theme.
   */
  by: 'link' | 'link-or-nearest'
}

/** A board template's written content (the Målbild's headline, bubbles and notes) into the same template here. */
export interface CarryTemplate {
  from: string
  template: TemplateId
}

/** Winners taken from a vote when the declaration does not say how many. */
export const DEFAULT_WINNERS = 3

export function isTemplateCarry(declaration: CarryDeclaration): declaration is CarryTemplate {
  return 'template' in declaration
}
