import type { CardKind } from '../cards/kinds'
import { readCards, type Card } from '../chain/cards'
import { clusterFinder } from '../chain/clusters'
import { neighbours, readLinks } from '../chain/links'

/** A card as the carry-over and the trace read it: its kind as stored (also a kind this server does not know). */
export interface BoardCard {
  id: string
  kind: string
  text: string
  record: Record<string, unknown>
  frameId?: string
}

/**
 * One board's cards and how they hang together: arrows, and, for cards
 * without an arrow to a card of some kind, the one of that kind they sit
 * nearest to in their frame (how a quote belongs to a theme, see
 * chain/clusters.ts). Read once; lookups are cached.
 */
export interface BoardView {
  /** In board order. */
  cards: BoardCard[]
  byId: ReadonlyMap<string, BoardCard>
  /** Cards linked to `id` by an arrow. */
  linked(id: string): ReadonlySet<string>
  /**
   * Cards of `kind` that belong to `owner`: linked to it, or, when `nearest`,
   * also those with no arrow to any card of the owner's kind that sit nearest
   * to it. In board order.
   */
  companions(owner: BoardCard, kind: string, nearest: boolean): BoardCard[]
}

const EMPTY: ReadonlySet<string> = new Set()

export function readBoardView(records: readonly unknown[]): BoardView {
  const rawKinds = new Map<string, string>()
  const rawRecords = new Map<string, Record<string, unknown>>()
  for (const r of records) {
    if (!r || typeof r !== 'object') continue
    const rec = r as Record<string, unknown>
    if (rec.typeName !== 'shape' || rec.type !== 'card' || typeof rec.id !== 'string') continue
    const kind = (rec.props as { kind?: unknown } | undefined)?.kind
    rawKinds.set(rec.id, typeof kind === 'string' ? kind : 'note')
    rawRecords.set(rec.id, rec)
  }
  // readCards gives board order and frames; the kind is taken as stored, not as this server's list knows it.
  const chainCards: Card[] = readCards(records).map((c) => ({ ...c, kind: (rawKinds.get(c.id) ?? c.kind) as CardKind }))
  const cards: BoardCard[] = chainCards.map((c) => ({
    id: c.id,
    kind: c.kind,
    text: c.text,
    record: rawRecords.get(c.id)!,
    ...(c.frameId ? { frameId: c.frameId } : {}),
  }))
  const byId = new Map(cards.map((c) => [c.id, c]))
  const chainById = new Map(chainCards.map((c) => [c.id, c]))
  const order = new Map(cards.map((c, i) => [c.id, i]))
  const links = neighbours(readLinks(records))
  const sitsWith = clusterFinder(records, chainCards)

  // Per (member kind, owner kind): each owner's members by nearness, built once.
  const nearestMembers = new Map<string, Map<string, BoardCard[]>>()
  const membersByNearness = (memberKind: string, ownerKind: string) => {
    const key = JSON.stringify([memberKind, ownerKind])
    let map = nearestMembers.get(key)
    if (map) return map
    map = new Map()
    for (const card of cards) {
      if (card.kind !== memberKind) continue
      const linkedToOwnerKind = [...(links.get(card.id) ?? EMPTY)].some((id) => byId.get(id)?.kind === ownerKind)
      if (linkedToOwnerKind) continue
      const owner = sitsWith(chainById.get(card.id)!, ownerKind as CardKind)
      if (!owner) continue
      const list = map.get(owner.id)
      if (list) list.push(card)
      else map.set(owner.id, [card])
    }
    nearestMembers.set(key, map)
    return map
  }

  return {
    cards,
    byId,
    linked: (id) => links.get(id) ?? EMPTY,
    companions(owner, kind, nearest) {
      const found = new Map<string, BoardCard>()
      for (const id of links.get(owner.id) ?? EMPTY) {
        const other = byId.get(id)
        if (other?.kind === kind) found.set(id, other)
      }
      if (nearest) for (const card of membersByNearness(kind, owner.kind).get(owner.id) ?? []) found.set(card.id, card)
      return [...found.values()].sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    },
  }
}
