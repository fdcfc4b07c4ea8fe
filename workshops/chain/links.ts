import { asShape } from './cards'

/** A link stored without an arrow (e.g. made from the outline view). `a` and `b` are card ids. */
export interface ExtraLink {
  id: string
  a: string
  b: string
}

/** An undirected link between two cards; `a` sorts before `b`. */
export interface CardLink {
  a: string
  b: string
}

function linkKey(a: string, b: string): string {
  return JSON.stringify(a < b ? [a, b] : [b, a])
}

/**
 * Card-to-card links on the board: arrows whose two terminals are bound to two
 * different present cards, plus the extra links between present cards.
 * Undirected and deduplicated (two arrows between the same cards are one link);
 * in the order first met (arrows in record order, then extra links).
 */
export function readLinks(records: readonly unknown[], extraLinks: readonly ExtraLink[] = []): CardLink[] {
  const cardIds = new Set<string>()
  const arrowIds = new Set<string>()
  for (const record of records) {
    const shape = asShape(record)
    if (shape?.type === 'card') cardIds.add(shape.id)
    else if (shape?.type === 'arrow') arrowIds.add(shape.id)
  }

  // Per arrow, the card each terminal is bound to. A terminal bound twice (a damaged document) keeps its first binding.
  const ends = new Map<string, { start?: string; end?: string }>()
  for (const record of records) {
    if (!record || typeof record !== 'object') continue
    const r = record as Record<string, unknown>
    if (r.typeName !== 'binding' || r.type !== 'arrow') continue
    const { fromId, toId } = r
    const terminal = (r.props as { terminal?: unknown } | undefined)?.terminal
    if (typeof fromId !== 'string' || typeof toId !== 'string') continue
    if (terminal !== 'start' && terminal !== 'end') continue
    if (!arrowIds.has(fromId)) continue
    const arrowEnds = ends.get(fromId) ?? {}
    if (arrowEnds[terminal] === undefined) arrowEnds[terminal] = toId
    ends.set(fromId, arrowEnds)
  }

  const links: CardLink[] = []
  const seen = new Set<string>()
  const add = (x: unknown, y: unknown) => {
    if (typeof x !== 'string' || typeof y !== 'string' || x === y) return
    if (!cardIds.has(x) || !cardIds.has(y)) return
    const key = linkKey(x, y)
    if (seen.has(key)) return
    seen.add(key)
    links.push(x < y ? { a: x, b: y } : { a: y, b: x })
  }
  for (const { start, end } of ends.values()) add(start, end)
  for (const link of extraLinks) add(link?.a, link?.b)
  return links
}

/** Each card's linked cards. */
export function neighbours(links: readonly CardLink[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>()
  const put = (from: string, to: string) => {
    let set = map.get(from)
    if (!set) map.set(from, (set = new Set()))
    set.add(to)
  }
  for (const { a, b } of links) {
    put(a, b)
    put(b, a)
  }
  return map
}
