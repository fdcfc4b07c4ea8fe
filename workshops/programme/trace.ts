import { withoutPlaceholder } from '../cards/starters'
import type { Localized } from '../lang'
import { readBoardView } from './boardView'
import { readOrigin, refKey } from './provenance'

/**
 * The programme's traceability: every path from an interview quote to the
 * furthest card grown from it, across the workshops. A carried card is the
 * same card as its origin (one node); links are the boards' arrows and
 * theme membership (by arrow, or by where a card sits, as buildChain reads
 * it). A link points from the earlier kind of the method's chain to the
 * later one, so the paths never loop. Pure.
 */

/** The chain's kinds in the order things grow from each other. Kinds not listed (notes, sessions) are not traced. */
export const TRACE_KINDS = ['quote', 'theme', 'need', 'insight', 'challenge', 'idea', 'prototype', 'feedback', 'block', 'scene', 'exercise', 'activity'] as const

/** Kinds that belong to a theme by where they sit (chain/buildChain.ts). */
const THEMED = ['quote', 'need', 'insight']

/** Kinds that should have something grown from them: a path ending at one is flagged. */
const SHOULD_GROW: Record<string, TraceFlag> = { need: 'need-without-growth', challenge: 'challenge-without-growth' }

export type TraceFlag = 'need-without-growth' | 'challenge-without-growth'

export interface TraceWorkshop {
  workshopId: string
  method: string
  /** The method's title ("Intervjuanalys"). */
  methodTitle?: Localized
  records: readonly unknown[]
}

export interface TraceCell {
  kind: string
  text: string
  /** The card as first written: its workshop and id there. */
  workshopId: string
  method: string
  methodTitle?: Localized
  card: string
}

export interface TraceRow {
  /** In chain order; a kind the path skips has no cell. */
  cells: TraceCell[]
  flag: TraceFlag | null
}

export interface Trace {
  /** The kinds that occur in some row, in chain order: the columns of the table exports. */
  columns: string[]
  rows: TraceRow[]
  /** More paths than `maxRows`: the rest were left out. */
  truncated: boolean
}

export interface TraceOptions {
  /** At most this many rows (paths can multiply); default 5,000. */
  maxRows?: number
  /** Only rows through this card (a workshop id and a card id there). */
  through?: { workshopId: string; cardId: string }
}

const ORDER = new Map<string, number>(TRACE_KINDS.map((k, i) => [k, i]))
export const DEFAULT_MAX_TRACE_ROWS = 5000

export function buildTrace(workshops: readonly TraceWorkshop[], options: TraceOptions = {}): Trace {
  const maxRows = options.maxRows ?? DEFAULT_MAX_TRACE_ROWS
  // Union-find over "<workshop>|<card>": a carried card joins its origin.
  const parent = new Map<string, string>()
  const find = (key: string): string => {
    let root = key
    while (parent.get(root) !== root) root = parent.get(root)!
    let at = key
    while (at !== root) {
      const next = parent.get(at)!
      parent.set(at, root)
      at = next
    }
    return root
  }
  const cellOf = new Map<string, TraceCell>()
  const rank = new Map<string, number>()
  const views = workshops.map((w) => ({ workshop: w, view: readBoardView(w.records) }))
  let position = 0
  for (const { workshop, view } of views) {
    for (const card of view.cards) {
      if (!ORDER.has(card.kind)) continue
      const key = refKey({ workshop: workshop.workshopId, card: card.id })
      parent.set(key, key)
      rank.set(key, position++)
      cellOf.set(key, {
        kind: card.kind,
        text: withoutPlaceholder(card.text),
        workshopId: workshop.workshopId,
        method: workshop.method,
        ...(workshop.methodTitle ? { methodTitle: workshop.methodTitle } : {}),
        card: card.id,
      })
    }
  }
  // Join each carried card to its origin: the origin (earlier, first written) stays the root.
  for (const { workshop, view } of views) {
    for (const card of view.cards) {
      const key = refKey({ workshop: workshop.workshopId, card: card.id })
      const origin = readOrigin(card.record)
      if (!origin || !parent.has(key)) continue
      const from = refKey(origin)
      if (!parent.has(from)) continue
      const a = find(key)
      const b = find(from)
      if (a === b) continue
      const [root, child] = rank.get(a)! <= rank.get(b)! ? [a, b] : [b, a]
      parent.set(child, root)
    }
  }

  const next = new Map<string, Set<string>>()
  const hasIncoming = new Set<string>()
  const join = (x: string, y: string) => {
    const a = find(x)
    const b = find(y)
    if (a === b) return
    const ka = ORDER.get(cellOf.get(a)!.kind)!
    const kb = ORDER.get(cellOf.get(b)!.kind)!
    if (ka === kb) return
    const [from, to] = ka < kb ? [a, b] : [b, a]
    let set = next.get(from)
    if (!set) next.set(from, (set = new Set()))
    set.add(to)
    hasIncoming.add(to)
  }
  for (const { workshop, view } of views) {
    const keyOf = (id: string) => refKey({ workshop: workshop.workshopId, card: id })
    for (const card of view.cards) {
      if (!parent.has(keyOf(card.id))) continue
      for (const other of view.linked(card.id)) if (parent.has(keyOf(other))) join(keyOf(card.id), keyOf(other))
      if (card.kind === 'theme') {
        for (const kind of THEMED) for (const member of view.companions(card, kind, true)) join(keyOf(card.id), keyOf(member.id))
      }
    }
  }

  const roots = [...new Set([...cellOf.keys()].map(find))].sort((a, b) => rank.get(a)! - rank.get(b)!)
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!
  const throughKey = options.through ? refKey({ workshop: options.through.workshopId, card: options.through.cardId }) : null
  if (throughKey !== null && !parent.has(throughKey)) return { columns: [], rows: [], truncated: false }
  const through = throughKey === null ? null : find(throughKey)
  const rows: TraceRow[] = []
  let truncated = false
  // Paths can multiply; so can the work of finding them. Past this many steps the rest is left out.
  let steps = 0
  const maxSteps = 50 * Math.max(maxRows, 100)
  const walk = (path: string[]): void => {
    if (truncated) return
    if (++steps > maxSteps) {
      truncated = true
      return
    }
    const last = path[path.length - 1]
    const onward = [...(next.get(last) ?? [])].sort(byRank)
    if (onward.length === 0) {
      if (through !== null && !path.includes(through)) return
      if (rows.length >= maxRows) {
        truncated = true
        return
      }
      const cells = path.map((k) => cellOf.get(k)!)
      rows.push({ cells, flag: SHOULD_GROW[cells[cells.length - 1].kind] ?? null })
      return
    }
    for (const to of onward) walk([...path, to])
  }
  for (const root of roots) if (!hasIncoming.has(root)) walk([root])

  const present = new Set(rows.flatMap((r) => r.cells.map((c) => c.kind)))
  return { columns: TRACE_KINDS.filter((k) => present.has(k)), rows, truncated }
}
