import type { Accessor, Component } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import type { WorkshopDefinition, WorkshopStep } from '../../workshops/method/types'
import type { Control } from '../facilitation/createControl'
import type { Voting } from '../facilitation/createVoting'
import type { Participant } from '../workshop/awarenessState'

/** What every activity's parts get from the workshop page. */
export interface ActivityProps {
  workshopId: string
  workshopKey: string
  definition: WorkshopDefinition
  isFacilitator: boolean
  control: Control
  /** Server ms, ticking (the timer's clock). */
  now: Accessor<number>
  /** This person's dots; the board's cards use it too, so the page owns it. */
  voting: Voting
  records: Accessor<TLRecord[]>
  /** Who is on the board now (the vote counts them). */
  participants: Accessor<Participant[]>
  /** This person's presence user id. */
  userId?: string
  /** The seat the server gave this page's board connection: how the server tells this person apart. */
  seat?: Accessor<string | null>
  /** Moves this person's view to a frame, or to page bounds. */
  show?(target: { frameId?: string; bounds?: { x: number; y: number; w: number; h: number } }): void
  /** Sets one field of this person's presence (e.g. the join fields groups are split by). */
  setPresenceField?(name: string, value: unknown): void
}

/**
 * A facilitation activity in the page (a dot vote, private writing, the
 * evaluation). Listed once in registry.ts: the sidebar shows each Panel, the
 * page each Overlay, and the agenda tells each when a step starts, so a new
 * activity edits none of those files.
 */
export interface ClientActivity {
  id: string
  /** In the sidebar, below the agenda and the timer. */
  Panel?: Component<ActivityProps>
  /** Over the board (e.g. the evaluation's form for participants). */
  Overlay?: Component<ActivityProps>
  /** The facilitator has just moved everyone to `step` (only in that facilitator's page). */
  onStepStarted?(step: WorkshopStep, props: ActivityProps): void
}
