import type { VoteResult } from '../facilitation/votes'
import type { BoardCard, BoardView } from './boardView'
import type { CarryCards } from './declarations'
import { cardFieldValue, isChosen } from './provenance'

/** A carried card with what it brings along, and the links between them that make them belong together. */
export interface CarryGroup {
  lead: BoardCard
  /** Companions in the declaration's order, each once. */
  members: BoardCard[]
  /** Pairs of card ids (lead or members) that belong together on the earlier board: the carry-over draws an arrow for each. */
  ties: Array<[string, string]>
}

/**
 * The winners of the latest closed vote that gave dots to any of `candidates`:
 * the `n` with the most dots, and any tied with the last of them.
 */
export function voteWinners(votes: readonly VoteResult[], candidates: ReadonlySet<string>, n: number): Set<string> {
  let latest: VoteResult | undefined
  for (const vote of votes) {
    const relevant = vote.ranked.some((r) => candidates.has(r.cardId) && r.count > 0)
    if (relevant && (!latest || vote.closedAt > latest.closedAt)) latest = vote
  }
  if (!latest) return new Set()
  const ranked = latest.ranked.filter((r) => candidates.has(r.cardId) && r.count > 0).sort((a, b) => b.count - a.count)
  const cut = ranked[Math.min(n, ranked.length) - 1]?.count ?? Infinity
  return new Set(ranked.filter((r, i) => i < n || r.count === cut).map((r) => r.cardId))
}

function matches(card: BoardCard, where: CarryCards['where']): boolean {
  if (!where) return true
  const value = cardFieldValue(card.record, where.field)
  return typeof value === 'string' && where.equals.includes(value)
}

/** The cards a declaration carries from one earlier board, in board order, each with its companions. */
export function selectGroups(view: BoardView, declaration: CarryCards, votes: readonly VoteResult[] = []): CarryGroup[] {
  let leads = view.cards.filter((c) => c.kind === declaration.kind && matches(c, declaration.where))
  if (declaration.chosen) {
    const marked = leads.filter((c) => isChosen(c.record))
    if (marked.length > 0) leads = marked
    else {
      const winners = voteWinners(votes, new Set(leads.map((c) => c.id)), declaration.chosen.winners)
      leads = leads.filter((c) => winners.has(c.id))
    }
  }
  return leads.map((lead) => {
    const byKind = new Map<string, BoardCard[]>([[lead.kind, [lead]]])
    const seen = new Set([lead.id])
    const members: BoardCard[] = []
    const ties: Array<[string, string]> = []
    for (const companion of declaration.with) {
      const owners = byKind.get(companion.via ?? lead.kind) ?? []
      const found: BoardCard[] = []
      for (const owner of owners) {
        for (const member of view.companions(owner, companion.kind, companion.by === 'link-or-nearest')) {
          ties.push([owner.id, member.id])
          if (seen.has(member.id)) continue
          seen.add(member.id)
          found.push(member)
        }
      }
      members.push(...found)
      byKind.set(companion.kind, [...(byKind.get(companion.kind) ?? []), ...found])
    }
    return { lead, members, ties }
  })
}
