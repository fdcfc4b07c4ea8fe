import type { Localized } from '../lang'

/**
 * Where a carried card came from, kept in its record's `meta` so the chain
 * runs across workshops: `meta.origin` names the earlier workshop and card
 * (and, through `first`, the workshop the card was first written in), and
 * keeps the card's content as it was carried, so a later change on either
 * side can be told apart. `meta.chosen` is the facilitator's "vald" mark.
 * Everything here reads untrusted records and never throws.
 */

export const ORIGIN_META = 'origin'
export const CHOSEN_META = 'chosen'

/** A card in a workshop: the workshop id, the card's record id, and the workshop's method (and its title, for labels). */
export interface CardRef {
  workshop: string
  card: string
  method: string
  title?: Localized
}

export interface Origin extends CardRef {
  /** The card's props as carried, without size and author (propsSnapshot). */
  props: Record<string, unknown>
  /** The workshop the card was first written in, when it came through others (WS1 → WS2 → WS3). */
  first?: CardRef
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

function readRef(value: unknown): CardRef | null {
  if (!isObject(value)) return null
  const { workshop, card, method, title } = value
  if (typeof workshop !== 'string' || typeof card !== 'string' || typeof method !== 'string') return null
  const ref: CardRef = { workshop, card, method }
  if (isObject(title) && typeof title.sv === 'string' && typeof title.en === 'string') ref.title = { sv: title.sv, en: title.en }
  return ref
}

function metaOf(record: unknown): Record<string, unknown> | null {
  const meta = isObject(record) ? record.meta : undefined
  return isObject(meta) ? meta : null
}

/** The origin of a carried record, or null for one made here. */
export function readOrigin(record: unknown): Origin | null {
  const value = metaOf(record)?.[ORIGIN_META]
  const ref = readRef(value)
  if (!ref || !isObject(value)) return null
  const origin: Origin = { ...ref, props: isObject(value.props) ? value.props : {} }
  const first = readRef(value.first)
  if (first) origin.first = first
  return origin
}

/** The workshop a card was first written in: its origin's first, its origin, or null when it was made here. */
export function firstOrigin(record: unknown): CardRef | null {
  const origin = readOrigin(record)
  return origin ? (origin.first ?? { workshop: origin.workshop, card: origin.card, method: origin.method, ...(origin.title ? { title: origin.title } : {}) }) : null
}

/** One key per card in a workshop. */
export function refKey(ref: { workshop: string; card: string }): string {
  return `${ref.workshop}|${ref.card}`
}

export function isChosen(record: unknown): boolean {
  return metaOf(record)?.[CHOSEN_META] === true
}

/** The record with the "vald" mark set or taken off (the facilitator's outline writes it). */
export function withChosen<R extends { meta: object }>(record: R, chosen: boolean): R {
  const meta = { ...(record.meta as Record<string, unknown>) }
  if (chosen) meta[CHOSEN_META] = true
  else delete meta[CHOSEN_META]
  return { ...record, meta } as R
}

/** What of a card's props counts as its content: everything but its size and author. */
export function propsSnapshot(props: unknown): Record<string, unknown> {
  if (!isObject(props)) return {}
  const { w: _w, h: _h, author: _author, ...content } = props
  return content
}

/** JSON with sorted keys, so two snapshots compare by content. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

export function sameContent(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b)
}

/**
 * A structured field of a card (a block's `type`). Card kinds with fields
 * keep them in `props.fields` or as props of their own; this is the one
 * place that knows, so a filter like { "field": "type", "equals": "film" }
 * reads them the same wherever they are.
 */
export function cardFieldValue(record: unknown, field: string): unknown {
  const props = isObject(record) ? record.props : undefined
  if (!isObject(props)) return undefined
  if (isObject(props.fields) && Object.hasOwn(props.fields, field)) return props.fields[field]
  return Object.hasOwn(props, field) ? props[field] : undefined
}
