import type * as Y from 'yjs'
import { CONTROL_EVALUATION, EVALUATION_CURRENT } from '../facilitation/controlLayout'

/**
 * The evaluation as everyone's control document shows it: whether it is
 * open and how many have answered, never what. Written by the server only
 * (CONTROL_ROOT_WRITERS); a value written by anyone else is taken back.
 */
export interface EvaluationState {
  status: 'open' | 'closed'
  /** Server ms. */
  openedAt: number
  closedAt: number | null
  responses: number
  followUp: FollowUpState | null
}

export interface FollowUpState {
  /** "2027-06-01": the link opens that day. */
  date: string
  /** Server ms of 00:00 that day in the workshop's time zone. */
  opensAt: number
  /** Set when the facilitator closed it. */
  closedAt: number | null
  responses: number
}

export type FollowUpStatus = 'scheduled' | 'open' | 'closed'

export function followUpStatus(f: FollowUpState, serverNow: number): FollowUpStatus {
  if (f.closedAt !== null) return 'closed'
  return serverNow >= f.opensAt ? 'open' : 'scheduled'
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const count = (v: unknown): number => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : 0)

function asFollowUp(v: unknown): FollowUpState | null {
  const f = v as Partial<FollowUpState> | null | undefined
  if (!f || typeof f.date !== 'string' || !finite(f.opensAt)) return null
  return { date: f.date, opensAt: f.opensAt, closedAt: finite(f.closedAt) ? f.closedAt : null, responses: count(f.responses) }
}

/** Anything to a state, or null: a reader never breaks on what an older server wrote. */
export function asEvaluationState(v: unknown): EvaluationState | null {
  const e = v as Partial<EvaluationState> | null | undefined
  if (!e || (e.status !== 'open' && e.status !== 'closed') || !finite(e.openedAt)) return null
  return {
    status: e.status,
    openedAt: e.openedAt,
    closedAt: finite(e.closedAt) ? e.closedAt : null,
    responses: count(e.responses),
    followUp: asFollowUp(e.followUp),
  }
}

export function readEvaluation(doc: Y.Doc): EvaluationState | null {
  return asEvaluationState(doc.getMap<unknown>(CONTROL_EVALUATION).get(EVALUATION_CURRENT))
}

/** Server only. */
export function writeEvaluation(doc: Y.Doc, state: EvaluationState): void {
  doc.getMap<unknown>(CONTROL_EVALUATION).set(EVALUATION_CURRENT, JSON.parse(JSON.stringify(state)) as unknown)
}

export const sameEvaluationState = (a: EvaluationState | null, b: EvaluationState | null) => JSON.stringify(a) === JSON.stringify(b)
