import { batch, createSignal, onCleanup, type Accessor, type Setter } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import { cardKinds } from '../../workshops/cards/kinds'
import { asShape, compareBoardPosition, readCard, type Card, type LooseShape } from '../../workshops/chain/cards'
import type { BoardRecords } from '../workshop/createBoardRecords'

/**
 * The outline's live view of the board's cards, kept up to date from the
 * documents' change events: a change costs what it changed (one card's
 * signal, one move in the order), not a pass over the board. Only a frame
 * or group that moves re-reads the cards (their positions go through it).
 */
export interface CardIndex {
  /** Card ids in board order; changes only when a card is added, removed or moved. */
  ids: Accessor<readonly string[]>
  /** One card, tracked on its own: an edit of another card does not wake it. */
  card(id: string): Card | undefined
  /** Ids of the present cards linked to `id` (arrows bound at both ends). */
  linked(id: string): string[]
  /** Every card now, in board order (not tracked; for menus that open on demand). */
  all(): Card[]
  /** Whether the card is part of the persona template (read-only background, never a link target). */
  isPersona(id: string): boolean
}

type Ends = { start?: string; end?: string }

export function createCardIndex(board: BoardRecords): CardIndex {
  const catalog = cardKinds()
  const shapes = new Map<string, LooseShape>()
  const cards = new Map<string, { card: Card; get: Accessor<Card | undefined>; set: Setter<Card | undefined> }>()
  const order: string[] = []
  const persona = new Set<string>()
  // Arrow terminals per arrow, from binding records: bindingId → [arrowId, terminal, cardId].
  const bindings = new Map<string, { arrow: string; terminal: 'start' | 'end'; to: string }>()
  const [ids, setIds] = createSignal<readonly string[]>([], { equals: false })
  const [linkVersion, setLinkVersion] = createSignal(0)
  let neighbourMap: Map<string, Set<string>> | null = null

  const position = (id: string): number => {
    // Binary search by board position; ties are broken by id, so the slot is unique.
    const card = cards.get(id)!.card
    let lo = 0
    let hi = order.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compareBoardPosition(cards.get(order[mid])!.card, card) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const indexOf = (id: string): number => {
    const at = position(id)
    if (order[at] === id) return at
    return order.indexOf(id)
  }

  let orderChanged = false
  let linksChanged = false
  const putCard = (shape: LooseShape) => {
    const next = readCard(shape, shapes, catalog)!
    const entry = cards.get(shape.id)
    if (!entry) {
      const [get, set] = createSignal<Card | undefined>(next, { equals: false })
      cards.set(shape.id, { card: next, get, set })
      order.splice(position(shape.id), 0, shape.id)
      orderChanged = true
      linksChanged = true
      return
    }
    const moved = entry.card.x !== next.x || entry.card.y !== next.y
    if (moved) order.splice(indexOf(shape.id), 1)
    entry.card = next
    if (moved) {
      order.splice(position(shape.id), 0, shape.id)
      orderChanged = true
    }
    entry.set(next)
  }
  const dropCard = (id: string) => {
    const entry = cards.get(id)
    if (!entry) return
    order.splice(indexOf(id), 1)
    cards.delete(id)
    entry.set(undefined)
    orderChanged = true
    linksChanged = true
  }
  /** A frame or group moved, turned or was renamed: the cards inside read their place through it. */
  const rereadAll = () => {
    for (const [id, entry] of cards) {
      const shape = shapes.get(id)
      if (!shape) continue
      const next = readCard(shape, shapes, catalog)!
      if (next.x !== entry.card.x || next.y !== entry.card.y || next.frameId !== entry.card.frameId || next.frameName !== entry.card.frameName) {
        entry.card = next
        entry.set(next)
      }
    }
    order.sort((a, b) => compareBoardPosition(cards.get(a)!.card, cards.get(b)!.card))
    orderChanged = true
  }

  const update = (id: string) => {
    const record = board.source.get(id) as TLRecord | undefined
    if (record?.typeName === 'binding') {
      const r = record as unknown as { type?: string; fromId?: unknown; toId?: unknown; props?: { terminal?: unknown } }
      const terminal = r.props?.terminal
      if (r.type === 'arrow' && typeof r.fromId === 'string' && typeof r.toId === 'string' && (terminal === 'start' || terminal === 'end'))
        bindings.set(id, { arrow: r.fromId, terminal, to: r.toId })
      else bindings.delete(id)
      linksChanged = true
      return false
    }
    if (!record && bindings.delete(id)) {
      linksChanged = true
      return false
    }
    const shape = record ? asShape(record) : undefined
    const before = shapes.get(id)
    if (!shape) {
      shapes.delete(id)
      persona.delete(id)
      if (before?.type === 'card') dropCard(id)
      if (before?.type === 'arrow') linksChanged = true
      return before !== undefined && before.type !== 'card' && before.type !== 'arrow'
    }
    shapes.set(id, shape)
    if ((record as { meta?: { template?: unknown } }).meta?.template === 'persona') persona.add(id)
    else persona.delete(id)
    if (shape.type === 'card') {
      if (before && before.type !== 'card') rereadAll()
      putCard(shape)
      return false
    }
    if (before?.type === 'card') dropCard(id)
    if (shape.type === 'arrow') linksChanged = true
    // Another shape (frame, group): the cards inside need a new reading only if it moved, turned, was renamed or re-parented.
    return !before || before.x !== shape.x || before.y !== shape.y || before.rotation !== shape.rotation || before.parentId !== shape.parentId || before.props.name !== shape.props.name
  }

  const applyChanges = (changed: Iterable<string>) => {
    batch(() => {
      let reread = false
      for (const id of changed) if (update(id)) reread = true
      if (reread) rereadAll()
      if (orderChanged) setIds(order.slice())
      if (linksChanged) {
        neighbourMap = null
        setLinkVersion((v) => v + 1)
      }
      orderChanged = false
      linksChanged = false
    })
  }

  // The first reading: frames and groups first, so cards find their parents.
  const first = [...board.source.values()]
  applyChanges([...first.filter((r) => r.typeName === 'shape' && (r as { type: string }).type !== 'card').map((r) => r.id), ...first.map((r) => r.id)])

  const onChange = (changes: Map<string, unknown>) => applyChanges(changes.keys())
  board.kv.on('change', onChange)
  board.privateKv?.on('change', onChange)
  onCleanup(() => {
    board.kv.off('change', onChange)
    board.privateKv?.off('change', onChange)
  })

  const neighbours = () => {
    if (neighbourMap) return neighbourMap
    const ends = new Map<string, Ends>()
    for (const b of bindings.values()) {
      if (shapes.get(b.arrow)?.type !== 'arrow') continue
      const e = ends.get(b.arrow) ?? {}
      if (e[b.terminal] === undefined) e[b.terminal] = b.to
      ends.set(b.arrow, e)
    }
    const map = new Map<string, Set<string>>()
    const put = (from: string, to: string) => {
      let set = map.get(from)
      if (!set) map.set(from, (set = new Set()))
      set.add(to)
    }
    for (const { start, end } of ends.values()) {
      if (!start || !end || start === end || !cards.has(start) || !cards.has(end)) continue
      put(start, end)
      put(end, start)
    }
    return (neighbourMap = map)
  }

  return {
    ids,
    card: (id) => {
      const entry = cards.get(id)
      return entry ? entry.get() : undefined
    },
    linked: (id) => {
      linkVersion()
      return [...(neighbours().get(id) ?? [])]
    },
    all: () => order.map((id) => cards.get(id)!.card),
    isPersona: (id) => persona.has(id),
  }
}

/**
 * The cards `card` may be linked to, nearest first: kinds its kind may link
 * with (card-kinds.json `links`), never persona notes, those in the same
 * frame first, then by distance on the board.
 */
export function linkCandidates(index: CardIndex, card: Card): Card[] {
  const catalog = cardKinds()
  const distance = (other: Card) => Math.hypot(other.x - card.x, other.y - card.y)
  return index
    .all()
    .filter((other) => other.id !== card.id && !index.isPersona(other.id) && catalog.mayLink(card.kind, other.kind))
    .map((other) => ({ other, sameFrame: (other.frameId ?? null) === (card.frameId ?? null) ? 0 : 1, d: distance(other) }))
    .sort((a, b) => a.sameFrame - b.sameFrame || a.d - b.d)
    .map((x) => x.other)
}
