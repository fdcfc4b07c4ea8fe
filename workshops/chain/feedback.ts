import type { BoardView } from './board'
import type { Card } from './cards'

/** The feedback field's values (card-kinds.json, kind "feedback", field "verdict"). */
export const VERDICTS = ['works', 'change', 'question'] as const
export type Verdict = (typeof VERDICTS)[number]

export interface FeedbackItem {
  card: Card
  verdict: Verdict | null
  /** Who gave it, as a role ("enhetschef"); never a name. Empty when not said. */
  role: string
}

export interface PrototypeFeedback {
  prototype: Card
  /** The prototype's "Det här ändrar vi" (field `changes`), the working group's summary. */
  changes: string
  /** Every piece of feedback on it, in board order, and the same split by verdict. */
  items: FeedbackItem[]
  byVerdict: Record<Verdict, FeedbackItem[]>
  /** Feedback nobody marked as works, change or question yet. */
  unmarked: FeedbackItem[]
}

export interface FeedbackModel {
  prototypes: PrototypeFeedback[]
  /** Feedback that belongs to no prototype (neither linked nor in a frame with one). */
  loose: FeedbackItem[]
}

const isVerdict = (value: unknown): value is Verdict => typeof value === 'string' && (VERDICTS as readonly string[]).includes(value)

function item(card: Card): FeedbackItem {
  const verdict = card.fields.verdict
  return { card, verdict: isVerdict(verdict) ? verdict : null, role: String(card.fields.role ?? '').trim() }
}

/** WS4: the feedback on each prototype, by what it says (works / change / question). */
export function buildFeedback(board: BoardView): FeedbackModel {
  const prototypes = board.ofKind('prototype').map((prototype) => {
    const items = board.partsOf(prototype, 'feedback').map(item)
    const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, items.filter((i) => i.verdict === v)])) as Record<Verdict, FeedbackItem[]>
    return {
      prototype,
      changes: String(prototype.fields.changes ?? ''),
      items,
      byVerdict,
      unmarked: items.filter((i) => i.verdict === null),
    }
  })
  const loose = board.ofKind('feedback').filter((c) => board.ownersOf(c).length === 0).map(item)
  return { prototypes, loose }
}
