import { createShapeId, type TLParentId, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { CARD_DEFAULT_SIZE } from '../cards/cardShape'
import { validateBoardRecord } from '../cards/schema'
import { readLinks } from '../chain/links'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { linkCards, newCard, nextIndex, type RecordSource } from '../doc/boardOps'
import { BOARD_PAGE_ID } from '../doc/initialRecords'
import { bottomOfChildren } from '../facilitation/revealCards'
import type { VoteResult } from '../facilitation/votes'
import type { Localized } from '../lang'
import type { WorkshopDefinition } from '../method/types'
import { CARD_GAP } from '../templates/grid'
import { frameOfStep, templateFrameId } from '../templates/placeTemplates'
import { readBoardView, type BoardCard, type BoardView } from './boardView'
import { shapeText } from './cardText'
import { isTemplateCarry, type CarryCards, type CarryTemplate } from './declarations'
import { ORIGIN_META, propsSnapshot, readOrigin, refKey, sameContent, type CardRef, type Origin } from './provenance'
import { selectGroups, type CarryGroup } from './selectCards'
import { templateDefaults } from './templateDefaults'

/** An earlier workshop of the programme, as the carry-over reads it. */
export interface CarrySource {
  workshopId: string
  /** Its definition's id: what declarations name in `from`. */
  method: string
  /** Its definition's title, kept in each carried card's origin for labels ("från WS1 Intervjuanalys"). */
  title?: Localized
  records: readonly unknown[]
  /** Its closed votes (the control document's voteResults), for "the vote's winners". */
  votes?: readonly VoteResult[]
}

export interface CarryInput {
  target: { workshopId: string; definition: WorkshopDefinition; records: readonly TLRecord[] }
  sources: readonly CarrySource[]
  /** Cards carried here before ("<workshop>|<card>"): one no longer on the board was deleted here and stays away. */
  carriedBefore?: ReadonlySet<string>
  /** Carried cards keep no author in an anonymous workshop. */
  anonymous?: boolean
  /** Carried cards here whose newer content at the source replaces what was written here (the facilitator chose so). */
  replace?: ReadonlySet<string>
  /** How many records the board can still take; what does not fit is left out and counted. */
  maxNewRecords?: number
  newId?: () => string
  /** Checks each new card against the board's schema (a kind this server does not know fails and is left out). */
  validate?: (record: unknown) => TLRecord
}

export interface PlacedCard {
  id: string
  kind: string
  text: string
  from: CardRef
}

/** A carried card whose earlier card changed since it was carried. */
export interface CarriedChange {
  id: string
  kind: string
  from: CardRef
  /** The text here now, and at the source now. */
  here: string
  there: string
}

export interface CarryPlan {
  /** Every record to write (new cards, arrows, updated cards, grown frames), for one server edit. */
  records: TLRecord[]
  placed: PlacedCard[]
  /** Arrows drawn between carried cards. */
  links: number
  /** Changed at the source and untouched here (or chosen to replace): brought over again. */
  updated: CarriedChange[]
  /** Changed at the source and edited here too: left as they are until the facilitator chooses. */
  conflicts: CarriedChange[]
  /** Carried cards whose earlier card is gone. They stay here. */
  goneAtSource: PlacedCard[]
  skipped: { deletedHere: number; invalid: number; full: number }
  /** Origin keys of the cards placed now, for the log of what was carried. */
  carriedKeys: string[]
}

const ROW = CARD_DEFAULT_SIZE.h + CARD_GAP
const COLUMN = CARD_DEFAULT_SIZE.w + CARD_GAP

type Shape = TLShape & { props: Record<string, unknown> }

const isShape = (r: TLRecord | undefined): r is Shape => !!r && r.typeName === 'shape'

function refOf(source: CarrySource, cardId: string): CardRef {
  return { workshop: source.workshopId, card: cardId, method: source.method, ...(source.title ? { title: source.title } : {}) }
}

/**
 * What a workshop of a programme takes from the earlier ones, as its
 * definition declares (declarations.ts): new cards laid out in the frames of
 * the steps that use them, below what each frame holds, one row (wrapping)
 * per carried card and its companions, never on top of anything; each with
 * its origin in `meta`; arrows between carried cards as on the earlier
 * board. Running it again adds nothing twice, brings over what changed at
 * the source where nothing was changed here, and lists the rest. Pure.
 */
export function planCarryOver(input: CarryInput): CarryPlan {
  const { target, sources } = input
  const newId = input.newId ?? (() => createShapeId())
  const validate = input.validate ?? validateBoardRecord
  const plan: CarryPlan = { records: [], placed: [], links: 0, updated: [], conflicts: [], goneAtSource: [], skipped: { deletedHere: 0, invalid: 0, full: 0 }, carriedKeys: [] }

  // The board as it becomes: the target's records with this plan's writes on top.
  const written = new Map<string, TLRecord>()
  const base = new Map(target.records.map((r) => [r.id as string, r]))
  const board: RecordSource = {
    get: (id) => written.get(id) ?? base.get(id),
    values: () => [...[...base.values()].filter((r) => !written.has(r.id)), ...written.values()],
  }
  const write = (record: TLRecord) => written.set(record.id, record)
  // The z-index above each parent's children, read once per parent and kept as cards are added (reading the board per card is quadratic).
  const tops = new Map<string, IndexKey>()
  const nextIndexIn = (parentId: string): IndexKey => {
    if (!tops.has(parentId)) tops.set(parentId, nextIndex(board, parentId))
    const index = tops.get(parentId)!
    tops.set(parentId, getIndexAbove(index))
    return index
  }
  let room = input.maxNewRecords ?? Infinity

  // Copies already here, by origin.
  const copies = new Map<string, string>()
  for (const record of target.records) {
    const origin = readOrigin(record)
    if (origin && isShape(record)) copies.set(refKey(origin), record.id)
  }

  const views = new Map<CarrySource, BoardView>()
  const viewOf = (source: CarrySource) => {
    let view = views.get(source)
    if (!view) views.set(source, (view = readBoardView(source.records)))
    return view
  }
  const sourceByWorkshop = new Map(sources.map((s) => [s.workshopId, s]))

  bringOverChanges()
  const ties: Array<{ source: CarrySource; a: string; b: string }> = []
  const frames = new Map<string, { y: number; w: number; h: number }>()
  for (const declaration of target.definition.carryOver ?? []) {
    const source = sources.find((s) => s.method === declaration.from && s.workshopId !== target.workshopId)
    if (!source) continue
    if (isTemplateCarry(declaration)) carryTemplate(source, declaration)
    else carryCards(source, declaration)
  }
  drawLinks()
  growFrames()
  plan.records = [...written.values()]
  return plan

  function bringOverChanges(): void {
    for (const record of target.records) {
      if (!isShape(record)) continue
      const origin = readOrigin(record)
      const source = origin && sourceByWorkshop.get(origin.workshop)
      if (!origin || !source) continue
      const at = viewOf(source)
      const there = (at.byId.get(origin.card)?.record ?? findRecord(source, origin.card)) as Shape | undefined
      const kind = String(record.props.kind ?? record.type)
      const from = refOf(source, origin.card)
      if (!there) {
        plan.goneAtSource.push({ id: record.id, kind, text: shapeText(record.props), from })
        continue
      }
      const thereNow = propsSnapshot(there.props)
      if (sameContent(thereNow, origin.props)) continue
      const change: CarriedChange = { id: record.id, kind, from, here: shapeText(record.props), there: shapeText(there.props) }
      const untouchedHere = sameContent(propsSnapshot(record.props), origin.props)
      if (!untouchedHere && !input.replace?.has(record.id)) {
        plan.conflicts.push(change)
        continue
      }
      const updated = {
        ...record,
        props: { ...record.props, ...thereNow },
        meta: { ...record.meta, [ORIGIN_META]: { ...(record.meta as Record<string, unknown>)[ORIGIN_META] as object, props: thereNow } },
      } as TLRecord
      try {
        write(validate(updated))
        plan.updated.push(change)
      } catch {
        plan.skipped.invalid++
      }
    }
  }

  function findRecord(source: CarrySource, id: string): unknown {
    return source.records.find((r) => (r as { id?: unknown } | null)?.id === id)
  }

  /** Where new cards go in a frame: below what it holds. The frame grows to fit at the end. */
  function frameCursor(frameId: string) {
    let cursor = frames.get(frameId)
    if (!cursor) {
      const frame = board.get(frameId) as Shape
      const { w, h } = frame.props as { w: number; h: number }
      cursor = { y: bottomOfChildren(board, frameId) + CARD_GAP, w, h }
      frames.set(frameId, cursor)
    }
    return cursor
  }

  /** The frame cards land in: the step's, else the template's, else none (the page). */
  function landingFrame(frameId: string): string | null {
    const frame = board.get(frameId)
    return isShape(frame) && frame.type === 'frame' ? frameId : null
  }

  /** The page, right of everything on it: where cards go when the frame they were meant for is not on this board. */
  function pageSpot(): { parentId: TLParentId; x: number; y: number; columns: number } {
    let right = 0
    for (const r of board.values()) if (isShape(r) && r.parentId === BOARD_PAGE_ID) right = Math.max(right, r.x + (Number(r.props.w) || 0))
    return { parentId: BOARD_PAGE_ID as TLParentId, x: right + 80, y: 0, columns: 5 }
  }

  function carryCards(source: CarrySource, declaration: CarryCards): void {
    const groups = selectGroups(viewOf(source), declaration, source.votes ?? [])
    // The step's frame is where its work happens: its own, or the work area the definition names for it.
    place(source, groups, landingFrame(frameOfStep(target.definition, declaration.into)))
  }

  function carryTemplate(source: CarrySource, declaration: CarryTemplate): void {
    const frameId = templateFrameId(declaration.template)
    if (!landingFrame(frameId)) return
    // The template's written parts (the Målbild's headline and bubbles): same ids on every board.
    const defaults = templateDefaults(declaration.template)
    for (const raw of source.records) {
      const part = raw as Shape
      if (!part || part.typeName !== 'shape' || (part.meta as { template?: unknown })?.template !== declaration.template) continue
      if (part.type === 'frame' || part.isLocked || !defaults.has(part.id)) continue
      const here = board.get(part.id)
      if (!isShape(here) || here.type !== part.type || readOrigin(here)) continue
      const there = propsSnapshot(part.props)
      const defaultContent = defaults.get(part.id)!
      if (defaultContent.some((d) => sameContent(d, there))) continue // not written at the source
      const change: CarriedChange = { id: part.id, kind: part.type, from: refOf(source, part.id), here: shapeText(here.props), there: shapeText(part.props) }
      if (!defaultContent.some((d) => sameContent(d, propsSnapshot(here.props)))) {
        plan.conflicts.push(change)
        continue
      }
      const origin: Origin = { ...refOf(source, part.id), props: there }
      write({ ...here, props: { ...here.props, ...there }, meta: { ...here.meta, [ORIGIN_META]: origin as never } } as TLRecord)
      plan.updated.push(change)
    }
    // Cards written in the template's frame come along as cards, into the same frame here.
    const view = viewOf(source)
    const cards = view.cards.filter((c) => c.frameId === frameId && (c.record.meta as { template?: unknown } | undefined)?.template === undefined)
    place(source, cards.map((lead) => ({ lead, members: [], ties: [] })), frameId)
  }

  function place(source: CarrySource, groups: readonly CarryGroup[], frameId: string | null): void {
    const spot = frameId ? null : pageSpot()
    for (const group of groups) {
      const cards = [group.lead, ...group.members]
      const fresh: BoardCard[] = []
      let leadGone = false
      for (const card of cards) {
        const key = refKey({ workshop: source.workshopId, card: card.id })
        if (copies.has(key)) continue
        const own = readOrigin(card.record)
        if (own && (own.workshop === target.workshopId || own.first?.workshop === target.workshopId)) continue // came from here
        if (input.carriedBefore?.has(key)) {
          plan.skipped.deletedHere++
          if (card === group.lead) leadGone = true
          continue
        }
        fresh.push(card)
      }
      for (const [a, b] of group.ties) ties.push({ source, a, b })
      if (leadGone || fresh.length === 0) continue

      const columns = frameId ? Math.max(1, Math.floor((frameCursor(frameId).w - CARD_GAP) / COLUMN)) : spot!.columns
      const originX = frameId ? CARD_GAP : spot!.x
      let y = frameId ? frameCursor(frameId).y : spot!.y
      let placedHere = 0
      for (const card of fresh) {
        if (room < 1) {
          plan.skipped.full += 1
          continue
        }
        const record = carriedCard(source, card, {
          parentId: (frameId ?? spot!.parentId) as TLParentId,
          x: originX + (placedHere % columns) * COLUMN,
          y: y + Math.floor(placedHere / columns) * ROW,
        })
        if (!record) {
          plan.skipped.invalid++
          if (card === group.lead) break // its companions would land without it
          continue
        }
        write(record)
        room -= 1
        placedHere++
        const key = refKey({ workshop: source.workshopId, card: card.id })
        copies.set(key, record.id)
        plan.carriedKeys.push(key)
        plan.placed.push({ id: record.id, kind: card.kind, text: card.text, from: refOf(source, card.id) })
      }
      y += Math.ceil(placedHere / columns) * ROW
      if (frameId) frameCursor(frameId).y = y
      else spot!.y = y
    }
  }

  function carriedCard(source: CarrySource, card: BoardCard, at: { parentId: TLParentId; x: number; y: number }): TLRecord | null {
    const props = card.record.props as Record<string, unknown>
    const content = propsSnapshot(props)
    const own = readOrigin(card.record)
    const first: CardRef | undefined = own ? (own.first ?? { workshop: own.workshop, card: own.card, method: own.method, ...(own.title ? { title: own.title } : {}) }) : undefined
    const origin: Origin = { ...refOf(source, card.id), props: content, ...(first ? { first } : {}) }
    const shell = newCard(board, { id: newId(), kind: 'note', text: '', author: '', index: nextIndexIn(at.parentId), ...at })
    const author = input.anonymous || typeof props.author !== 'string' ? '' : props.author
    const record = { ...shell, props: { ...content, author, ...CARD_DEFAULT_SIZE }, meta: { [ORIGIN_META]: origin } }
    try {
      return validate(record)
    } catch {
      return null
    }
  }

  function drawLinks(): void {
    const linked = new Set(readLinks([...board.values()]).map((l) => JSON.stringify([l.a, l.b])))
    const pairKey = (a: string, b: string) => JSON.stringify(a < b ? [a, b] : [b, a])
    const wanted: Array<[string, string]> = []
    for (const source of views.keys()) {
      const view = viewOf(source)
      const copyOf = (id: string) => copies.get(refKey({ workshop: source.workshopId, card: id }))
      for (const card of view.cards) {
        if (!copyOf(card.id)) continue
        for (const other of view.linked(card.id)) if (card.id < other && copyOf(other)) wanted.push([copyOf(card.id)!, copyOf(other)!])
      }
      for (const tie of ties) if (tie.source === source && copyOf(tie.a) && copyOf(tie.b)) wanted.push([copyOf(tie.a)!, copyOf(tie.b)!])
    }
    for (const [a, b] of wanted) {
      if (a === b || linked.has(pairKey(a, b))) continue
      if (room < 3) {
        plan.skipped.full++
        continue
      }
      linked.add(pairKey(a, b))
      const page = pageOf(a)
      for (const record of linkCards(board, a, b, page, nextIndexIn(page))) write(record)
      room -= 3
      plan.links++
    }
  }

  function pageOf(id: string): TLParentId {
    let at = board.get(id)
    for (let depth = 0; at && depth < 64; depth++) {
      const parent = (at as { parentId?: string }).parentId
      if (!parent || parent.startsWith('page:')) return (parent ?? BOARD_PAGE_ID) as TLParentId
      at = board.get(parent)
    }
    return BOARD_PAGE_ID as TLParentId
  }

  function growFrames(): void {
    for (const [frameId, cursor] of frames) {
      const needed = cursor.y + CARD_GAP
      if (needed <= cursor.h) continue
      const frame = board.get(frameId) as Shape
      write({ ...frame, props: { ...frame.props, h: needed } } as TLRecord)
    }
  }
}
