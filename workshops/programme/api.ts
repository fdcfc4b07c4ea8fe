import type { Localized } from '../lang'

/** Where a carried card came from, as the HTTP answer names it. */
export interface CarriedFrom {
  workshopId: string
  method: string
  title: Localized | null
}

/** What POST /api/workshops/<id>/carry-over answers: what was placed, brought over again, or left for the facilitator. */
export interface CarryAnswer {
  placed: number
  links: number
  cards: Array<{ id: string; kind: string; text: string; from: CarriedFrom }>
  updated: Array<{ id: string; kind: string; before: string; after: string; from: CarriedFrom }>
  conflicts: Array<{ id: string; kind: string; here: string; there: string; from: CarriedFrom }>
  goneAtSource: Array<{ id: string; kind: string; text: string; from: CarriedFrom }>
  skipped: { deletedHere: number; invalid: number; full: number }
  /** The earlier workshops read. */
  sources: CarriedFrom[]
}
