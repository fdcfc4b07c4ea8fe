import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import { createShapeId } from '@tldraw/tlschema'
import { CARD_AUTHOR_MAX, CARD_DEFAULT_SIZE, CARD_TEXT_MAX, cardSize } from '../cards/cardShape'
import { readFields, type CardFields } from '../cards/catalog'
import { cardKinds, isCardKind } from '../cards/kinds'
import { validateBoardRecord } from '../cards/schema'
import { newCard, type RecordSource } from '../doc/boardOps'
import { CARD_GAP } from '../templates/grid'

/** Where revealed cards go: a frame (its id and size) or, without one, a spot on the page. */
export type RevealTarget =
  | { frameId: string; w: number; h: number }
  | { pageId: TLParentId; x: number; y: number; w: number }

export interface RevealInput {
  /** Each person's private cards, as read from their documents: untrusted, anything. */
  groups: readonly (readonly unknown[])[]
  target: RevealTarget
  /** The board as it is, for z-order and for what the frame already holds. */
  board: RecordSource
  anonymous: boolean
  newId?: () => string
}

export interface RevealPlan {
  cards: TLRecord[]
  /** The frame grown to hold them, when it had to grow. */
  frame: { id: string; h: number } | null
}

interface PrivateCard {
  kind: string
  text: string
  author: string
  fields: CardFields
  parentId: string
  x: number
  y: number
}

/** The fields a private card may bring along; everything else (id, lock, meta, size) is the server's to choose. */
function readPrivateCard(record: unknown): PrivateCard | null {
  const r = record as { typeName?: unknown; type?: unknown; x?: unknown; y?: unknown; props?: Record<string, unknown> } | null
  if (!r || r.typeName !== 'shape' || r.type !== 'card' || !r.props || !isCardKind(r.props.kind)) return null
  return {
    kind: r.props.kind,
    text: typeof r.props.text === 'string' ? r.props.text.slice(0, CARD_TEXT_MAX) : '',
    author: typeof r.props.author === 'string' ? r.props.author.slice(0, CARD_AUTHOR_MAX) : '',
    // Only values that fit the kind's fields come along (a feedback's verdict, a block's minutes).
    fields: readFields(cardKinds(), r.props.kind, r.props.fields),
    parentId: typeof (r as { parentId?: unknown }).parentId === 'string' ? (r as { parentId: string }).parentId : '',
    x: typeof r.x === 'number' && Number.isFinite(r.x) ? r.x : 0,
    y: typeof r.y === 'number' && Number.isFinite(r.y) ? r.y : 0,
  }
}

/**
 * The reveal of private writing as new board cards: new ids, never locked,
 * valid, text within the limit; laid out in the target frame below what it
 * already holds, one row (wrapping) per person in the order they wrote, so
 * nothing lands on top of anything. The frame grows to fit. Pure.
 */
export function planReveal(input: RevealInput): RevealPlan {
  const { target, board } = input
  const newId = input.newId ?? (() => createShapeId())
  const width = target.w
  // One grid for everyone's cards, wide and tall enough for the largest kind among them.
  const sizes = input.groups.flat().map(readPrivateCard).filter((c): c is PrivateCard => c !== null).map((c) => cardSize(c.kind))
  const cell = { w: Math.max(CARD_DEFAULT_SIZE.w, ...sizes.map((z) => z.w)), h: Math.max(CARD_DEFAULT_SIZE.h, ...sizes.map((z) => z.h)) }
  const step = cell.w + CARD_GAP
  const columns = Math.max(1, Math.floor((width - CARD_GAP) / step))
  const parentId = ('frameId' in target ? target.frameId : target.pageId) as TLParentId
  const originX = 'frameId' in target ? CARD_GAP : target.x
  let y = 'frameId' in target ? bottomOfChildren(board, target.frameId) + CARD_GAP : target.y

  const cards: TLRecord[] = []
  const placed: RecordSource = {
    get: (id) => board.get(id),
    values: () => [...board.values(), ...cards],
  }
  for (const group of input.groups) {
    const mine = group
      .map(readPrivateCard)
      .filter((c): c is PrivateCard => c !== null)
      .sort((a, b) => a.y - b.y || a.x - b.x)
    if (mine.length === 0) continue
    // A card that is part of another (feedback under its prototype, a block under its session) belongs by where it
    // sits: one written in the target frame keeps its place there. The rest go in this person's row.
    const staying = (c: PrivateCard) => 'frameId' in target && c.parentId === target.frameId && cardKinds().partOf(c.kind) !== undefined
    for (const c of mine.filter(staying)) {
      cards.push(validateBoardRecord(newCard(placed, { id: newId(), kind: c.kind, text: c.text, fields: c.fields, author: input.anonymous ? '' : c.author, parentId, x: c.x, y: c.y })))
    }
    const rowed = mine.filter((c) => !staying(c))
    if (rowed.length === 0) continue
    rowed.forEach((c, i) => {
      const card = newCard(placed, {
        id: newId(),
        kind: c.kind,
        text: c.text,
        fields: c.fields,
        author: input.anonymous ? '' : c.author,
        parentId,
        x: originX + (i % columns) * step,
        y: y + Math.floor(i / columns) * (cell.h + CARD_GAP),
      })
      cards.push(validateBoardRecord(card))
    })
    y += Math.ceil(rowed.length / columns) * (cell.h + CARD_GAP)
  }
  const needed = y + CARD_GAP
  const frame = 'frameId' in target && needed > target.h ? { id: target.frameId, h: needed } : null
  return { cards, frame }
}

/** The lowest edge of a frame's children (0 when it has none, so cards start under its top edge). */
export function bottomOfChildren(board: RecordSource, frameId: string): number {
  let bottom = 0
  for (const r of board.values()) {
    if (r.typeName !== 'shape' || r.parentId !== frameId) continue
    const h = (r.props as { h?: number }).h ?? 0
    bottom = Math.max(bottom, r.y + h)
  }
  return bottom
}
