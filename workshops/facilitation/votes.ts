import { isCardKind, type CardKind } from '../cards/kinds'

/**
 * Dot voting as plain values. A vote is on the cards of one kind, or on the
 * cards in one frame, or both (cards of that kind in that frame). Each person
 * has `dotsPerPerson` dots; with `allowStacking` they may put several on one card.
 */
export interface VoteTarget {
  kind?: CardKind
  /** A frame's shape id ("shape:…"); cards count as in it through groups. */
  frameId?: string
}

export interface VoteRules {
  target: VoteTarget
  dotsPerPerson: number
  allowStacking: boolean
}

export const DEFAULT_DOTS_PER_PERSON = 3
export const MAX_DOTS_PER_PERSON = 50
/** Mural's and Miro's default: one dot per card unless the facilitator allows more. */
export const DEFAULT_ALLOW_STACKING = false

export type VoteStatus = 'open' | 'closed'

/** The vote as the control document shows it: its rules and whether it is open. Never any counts while open. */
export interface VoteState extends VoteRules {
  id: string
  status: VoteStatus
  /** Server ms. */
  openedAt: number
  closedAt: number | null
  /** How many people have cast at least one dot so far (never which, nor where). */
  voters?: number
}

/** What the control document holds for a closed vote. */
export interface VoteResult extends VoteRules {
  voteId: string
  openedAt: number
  closedAt: number
  /** Dots per card id; cards without dots are left out. */
  counts: Record<string, number>
  /** Cards with dots, most dots first. */
  ranked: RankedCard[]
  /** How many people cast at least one dot. */
  voters: number
}

export interface RankedCard {
  cardId: string
  count: number
}

/** One dot: who put it (a random voter id, never a name) on which card. */
export interface Dot {
  voter: string
  cardId: string
}

/** What the vote needs to know of a card on the board. */
export interface VotableCard {
  id: string
  kind: CardKind
  frameId?: string
}

export function targetIsEmpty(target: VoteTarget): boolean {
  return target.kind === undefined && target.frameId === undefined
}

/** Whether a card is one the vote is about. */
export function cardInTarget(card: VotableCard, target: VoteTarget): boolean {
  if (targetIsEmpty(target)) return false
  if (target.kind !== undefined && card.kind !== target.kind) return false
  if (target.frameId !== undefined && card.frameId !== target.frameId) return false
  return true
}

/**
 * Dots per card, keeping to the rules: dots are taken in order and a dot
 * past a person's limit, or a second dot of one person on one card when
 * stacking is off, is not counted.
 */
export function countVotes(dots: readonly Dot[], rules: Pick<VoteRules, 'dotsPerPerson' | 'allowStacking'>): Record<string, number> {
  const counts: Record<string, number> = {}
  const used = new Map<string, number>()
  const placed = new Set<string>()
  for (const dot of dots) {
    const n = used.get(dot.voter) ?? 0
    if (n >= rules.dotsPerPerson) continue
    const pair = `${dot.voter}\u0000${dot.cardId}`
    if (!rules.allowStacking && placed.has(pair)) continue
    used.set(dot.voter, n + 1)
    placed.add(pair)
    counts[dot.cardId] = (counts[dot.cardId] ?? 0) + 1
  }
  return counts
}

/** One voter's dots per card. */
export function dotsOf(dots: readonly Dot[], voter: string): Record<string, number> {
  const mine: Record<string, number> = {}
  for (const dot of dots) if (dot.voter === voter) mine[dot.cardId] = (mine[dot.cardId] ?? 0) + 1
  return mine
}

export function dotsLeft(dots: readonly Dot[], voter: string, rules: Pick<VoteRules, 'dotsPerPerson'>): number {
  const used = dots.reduce((n, d) => (d.voter === voter ? n + 1 : n), 0)
  return Math.max(0, rules.dotsPerPerson - used)
}

export type DotRefusal = 'not-a-card' | 'not-in-vote' | 'no-dots-left' | 'already-on-card'
export type DotCheck = { ok: true } | { ok: false; reason: DotRefusal }

/**
 * Whether `voter` may put one more dot on `cardId`. `card` is the card as
 * found on the board (null when there is no such card).
 */
export function canCastDot(
  dots: readonly Dot[],
  voter: string,
  cardId: string,
  rules: VoteRules,
  card: VotableCard | null,
): DotCheck {
  if (!card || card.id !== cardId) return { ok: false, reason: 'not-a-card' }
  if (!cardInTarget(card, rules.target)) return { ok: false, reason: 'not-in-vote' }
  if (dotsLeft(dots, voter, rules) === 0) return { ok: false, reason: 'no-dots-left' }
  if (!rules.allowStacking && dots.some((d) => d.voter === voter && d.cardId === cardId)) {
    return { ok: false, reason: 'already-on-card' }
  }
  return { ok: true }
}

/** Whether `voter` has a dot on `cardId` to take back. */
export function canRemoveDot(dots: readonly Dot[], voter: string, cardId: string): boolean {
  return dots.some((d) => d.voter === voter && d.cardId === cardId)
}

/** Cards with dots, most first; ties in the order given by `tieOrder` (e.g. board order), then by id. */
export function rankCounts(counts: Record<string, number>, tieOrder: readonly string[] = []): RankedCard[] {
  const position = new Map(tieOrder.map((id, i) => [id, i]))
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([cardId, count]) => ({ cardId, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (position.get(a.cardId) ?? Infinity) - (position.get(b.cardId) ?? Infinity) ||
        (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0),
    )
}

/** Reads a vote target from untrusted JSON; undefined when it names neither a kind nor a frame. */
export function asVoteTarget(value: unknown): VoteTarget | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  const target: VoteTarget = {}
  if (v.kind !== undefined) {
    if (!isCardKind(v.kind)) return undefined
    target.kind = v.kind
  }
  if (v.frameId !== undefined) {
    if (typeof v.frameId !== 'string' || !v.frameId.startsWith('shape:')) return undefined
    target.frameId = v.frameId
  }
  return targetIsEmpty(target) ? undefined : target
}

/** Reads a stored vote state; undefined for anything malformed. */
export function asVoteState(value: unknown): VoteState | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  const target = asVoteTarget(v.target)
  if (typeof v.id !== 'string' || (v.status !== 'open' && v.status !== 'closed') || !target) return undefined
  if (typeof v.dotsPerPerson !== 'number' || typeof v.openedAt !== 'number') return undefined
  return {
    id: v.id,
    status: v.status,
    target,
    dotsPerPerson: v.dotsPerPerson,
    allowStacking: v.allowStacking === true,
    openedAt: v.openedAt,
    closedAt: typeof v.closedAt === 'number' ? v.closedAt : null,
    ...(typeof v.voters === 'number' && Number.isInteger(v.voters) && v.voters >= 0 ? { voters: v.voters } : {}),
  }
}

/** Reads a stored vote result; undefined for anything malformed. */
export function asVoteResult(value: unknown): VoteResult | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  const target = asVoteTarget(v.target)
  if (typeof v.voteId !== 'string' || !target || !v.counts || typeof v.counts !== 'object') return undefined
  const counts: Record<string, number> = {}
  for (const [id, n] of Object.entries(v.counts as Record<string, unknown>)) {
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) counts[id] = n
  }
  const ranked = Array.isArray(v.ranked)
    ? (v.ranked as unknown[]).filter(
        (r): r is RankedCard =>
          !!r && typeof r === 'object' && typeof (r as RankedCard).cardId === 'string' && typeof (r as RankedCard).count === 'number',
      )
    : rankCounts(counts)
  return {
    voteId: v.voteId,
    target,
    dotsPerPerson: typeof v.dotsPerPerson === 'number' ? v.dotsPerPerson : DEFAULT_DOTS_PER_PERSON,
    allowStacking: v.allowStacking === true,
    openedAt: typeof v.openedAt === 'number' ? v.openedAt : 0,
    closedAt: typeof v.closedAt === 'number' ? v.closedAt : 0,
    counts,
    ranked,
    voters: typeof v.voters === 'number' ? v.voters : 0,
  }
}
