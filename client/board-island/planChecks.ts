import { atom, computed, type Computed, type Editor } from 'tldraw'
import { readBoard } from '../../workshops/chain/board'
import { buildTrainingPlan } from '../../workshops/chain/trainingPlan'

/** What the training plan says about one card: a session's time, or a need no block answers. */
export type CardCheck =
  | { kind: 'session'; total: number; minutes: number | null; overrun: number }
  | { kind: 'need-without-block' }

const PLAN_KINDS = new Set(['session', 'block', 'need'])

/** The checks of the board now, per card id; set while a board that has a training plan is mounted. */
export const planChecks = atom<Computed<ReadonlyMap<string, CardCheck>> | null>('planChecks', null)

/**
 * The training plan's checks, kept up to date from the editor's records
 * (shapes and the arrows' bindings): recomputed when they change, read by
 * the session and need cards. Only for workshops whose steps plan sessions.
 */
export function watchPlanChecks(editor: Editor): () => void {
  const shapes = editor.store.query.records('shape')
  const bindings = editor.store.query.records('binding')
  const checks = computed('plan checks', () => {
    // Only what the plan reads: its cards, the frames and groups they sit in, and the arrows between them.
    const relevant = shapes.get().filter((s) => (s.type === 'card' ? PLAN_KINDS.has((s.props as { kind: string }).kind) : s.type !== 'text' && s.type !== 'geo' && s.type !== 'draw'))
    const plan = buildTrainingPlan(readBoard([...relevant, ...bindings.get()]))
    const map = new Map<string, CardCheck>()
    for (const s of plan.sessions) map.set(s.session.id, { kind: 'session', total: s.total, minutes: s.minutes, overrun: s.overrun })
    for (const need of plan.needsWithoutBlock) map.set(need.id, { kind: 'need-without-block' })
    return map as ReadonlyMap<string, CardCheck>
  })
  planChecks.set(checks)
  return () => {
    if (planChecks.get() === checks) planChecks.set(null)
  }
}
