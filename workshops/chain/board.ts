import type { CardCatalog } from '../cards/catalog'
import { cardKinds, type CardKind } from '../cards/kinds'
import { readCards, type Card } from './cards'
import { clusterFinder } from './clusters'
import { neighbours, readLinks, type ExtraLink } from './links'

export interface BoardViewOptions {
  /** Links stored without an arrow; same meaning as an arrow between the two cards. */
  links?: readonly ExtraLink[]
  /** The card kinds to read the board with; this process's by default. */
  catalog?: CardCatalog
}

/**
 * The board as the method reads it: its cards in board order, and what the
 * kinds' declarations make of the links between them. A link counts only
 * between kinds that may be linked (card-kinds.json `links`); a card that
 * is part of another kind (`partOf`: quote → theme, block → session,
 * feedback → prototype …) belongs to the cards of that kind it is linked to,
 * or else to the one it sits nearest to in its frame.
 */
export interface BoardView {
  catalog: CardCatalog
  cards: Card[]
  byId: ReadonlyMap<string, Card>
  ofKind(kind: CardKind): Card[]
  /** Cards of `kind` linked to `card`, in board order. */
  linkedOfKind(card: Card, kind: CardKind): Card[]
  /** The cards `card` is part of (see above); empty when its kind is part of nothing. */
  ownersOf(card: Card): Card[]
  /** Cards of `kind` that are part of `owner`, in board order. */
  partsOf(owner: Card, kind: CardKind): Card[]
  byBoardOrder(a: Card, b: Card): number
}

export function readBoard(records: readonly unknown[], opts: BoardViewOptions = {}): BoardView {
  const catalog = opts.catalog ?? cardKinds()
  const cards = readCards(records, catalog)
  const order = new Map(cards.map((card, i) => [card.id, i]))
  const byId = new Map(cards.map((card) => [card.id, card]))
  const linked = neighbours(readLinks(records, opts.links))
  const byBoardOrder = (a: Card, b: Card) => order.get(a.id)! - order.get(b.id)!
  const sitsWith = clusterFinder(records, cards)

  const linkedOfKind = (card: Card, kind: CardKind): Card[] => {
    const result: Card[] = []
    if (!catalog.mayLink(card.kind, kind)) return result
    for (const id of linked.get(card.id) ?? []) {
      const other = byId.get(id)
      if (other?.kind === kind) result.push(other)
    }
    return result.sort(byBoardOrder)
  }
  const owners = new Map<string, Card[]>()
  const ownersOf = (card: Card): Card[] => {
    let found = owners.get(card.id)
    if (found) return found
    const kind = catalog.partOf(card.kind)
    if (!kind) found = []
    else {
      found = linkedOfKind(card, kind)
      if (found.length === 0) {
        const near = sitsWith(card, kind)
        found = near ? [near] : []
      }
    }
    owners.set(card.id, found)
    return found
  }
  const parts = new Map<string, Map<string, Card[]>>()
  const partsOf = (owner: Card, kind: CardKind): Card[] => {
    let byOwner = parts.get(kind)
    if (!byOwner) {
      byOwner = new Map()
      for (const card of cards) {
        if (card.kind !== kind) continue
        for (const o of ownersOf(card)) {
          const list = byOwner.get(o.id)
          if (list) list.push(card)
          else byOwner.set(o.id, [card])
        }
      }
      parts.set(kind, byOwner)
    }
    return byOwner.get(owner.id) ?? []
  }
  const kinds = new Map<string, Card[]>()
  const ofKind = (kind: CardKind): Card[] => {
    let list = kinds.get(kind)
    if (!list) kinds.set(kind, (list = cards.filter((c) => c.kind === kind)))
    return list
  }
  return { catalog, cards, byId, ofKind, linkedOfKind, ownersOf, partsOf, byBoardOrder }
}

/** Cards whose tops are closer than this stand in one row. */
const ROW_TOLERANCE = 100

/**
 * Cards that head columns (sessions, scenes, organisations) in reading
 * order: rows top to bottom, each left to right. Plain board order (top
 * first) would let a card placed a little higher jump ahead of the one left
 * of it.
 */
export function inReadingOrder(cards: readonly Card[]): Card[] {
  const byTop = [...cards].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
  const rows: Card[][] = []
  let rowTop = -Infinity
  for (const card of byTop) {
    if (card.y - rowTop > ROW_TOLERANCE) {
      rows.push([])
      rowTop = card.y
    }
    rows[rows.length - 1].push(card)
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : 1)))
}
