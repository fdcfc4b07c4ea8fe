/**
 * Builders for complete tldraw shape records (every prop filled in, so they
 * pass validateBoardRecord), deterministic fractional indexes, and rough text
 * measurements for laying text out without a DOM.
 */
import {
  toRichText,
  type TLArrowShape,
  type TLDefaultColorStyle,
  type TLDefaultFontStyle,
  type TLDefaultSizeStyle,
  type TLFrameShape,
  type TLGeoShape,
  type TLParentId,
  type TLShape,
  type TLShapeId,
  type TLTextShape,
} from '@tldraw/tlschema'
import type { CardShape } from '../cards/cardShape'
import type { CardKind } from '../cards/kinds'

export type IndexKey = TLShape['index']
type JsonMeta = TLShape['meta']

/** Where a shape goes: its parent and its position relative to that parent. */
export interface Placement {
  id: TLShapeId
  parentId: TLParentId
  index: IndexKey
  x: number
  y: number
  isLocked: boolean
  meta?: JsonMeta
}

function base(at: Placement) {
  return {
    id: at.id,
    typeName: 'shape' as const,
    x: at.x,
    y: at.y,
    rotation: 0,
    index: at.index,
    parentId: at.parentId,
    isLocked: at.isLocked,
    opacity: 1,
    meta: at.meta ?? {},
  }
}

export function frameShape(at: Placement, props: { w: number; h: number; name: string }): TLFrameShape {
  return { ...base(at), type: 'frame', props: { ...props, color: 'black' } }
}

export function cardShape(
  at: Placement,
  props: { kind: CardKind; text: string; author?: string; w: number; h: number; fields?: CardShape['props']['fields'] },
): CardShape {
  return { ...base(at), type: 'card', props: { author: '', fields: {}, ...props } } as CardShape
}

export interface TextOptions {
  size?: TLDefaultSizeStyle
  font?: TLDefaultFontStyle
  align?: 'start' | 'middle' | 'end'
  color?: TLDefaultColorStyle
}

/** A text shape of fixed width; the text wraps inside it. */
export function textShape(at: Placement, w: number, text: string, opts: TextOptions = {}): TLTextShape {
  return {
    ...base(at),
    type: 'text',
    props: {
      color: opts.color ?? 'black',
      size: opts.size ?? 's',
      font: opts.font ?? 'sans',
      textAlign: opts.align ?? 'start',
      w,
      richText: toRichText(text),
      scale: 1,
      autoSize: false,
    },
  }
}

export interface GeoOptions {
  geo?: TLGeoShape['props']['geo']
  fill?: TLGeoShape['props']['fill']
  color?: TLDefaultColorStyle
  size?: TLDefaultSizeStyle
  font?: TLDefaultFontStyle
  dash?: TLGeoShape['props']['dash']
}

/** A geo shape (rectangle, ellipse, …) with an optional centred label. */
export function geoShape(at: Placement, w: number, h: number, text: string, opts: GeoOptions = {}): TLGeoShape {
  return {
    ...base(at),
    type: 'geo',
    props: {
      geo: opts.geo ?? 'rectangle',
      dash: opts.dash ?? 'solid',
      url: '',
      w,
      h,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: opts.color ?? 'black',
      fill: opts.fill ?? 'none',
      size: opts.size ?? 's',
      font: opts.font ?? 'sans',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(text),
    },
  }
}

/** A straight arrow from (0, 0) to (length, 0) relative to its position; bound to nothing. */
export function arrowShape(at: Placement, length: number, color: TLDefaultColorStyle = 'grey'): TLArrowShape {
  return {
    ...base(at),
    type: 'arrow',
    props: {
      kind: 'arc',
      labelColor: 'black',
      color,
      fill: 'none',
      dash: 'solid',
      size: 'm',
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      font: 'sans',
      start: { x: 0, y: 0 },
      end: { x: length, y: 0 },
      bend: 0,
      richText: toRichText(''),
      labelPosition: 0.5,
      scale: 1,
      elbowMidPoint: 0.5,
    },
  }
}

// ---------------------------------------------------------------------------
// Fractional indexes

/** Digits of tldraw's (fractional-indexing) keys, in sort order. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE = DIGITS.length

/**
 * The n-th whole-number index key: 0 → 'a0', 1 → 'a1', 61 → 'az', 62 → 'b00',
 * … The head letter 'a'…'z' says how many digits follow (1…26), as in tldraw's
 * keys, so these keys sort in order and are valid everywhere tldraw expects
 * an IndexKey. Unlike @tldraw/utils' getIndices (jittered since tldraw 4),
 * they are deterministic.
 */
export function integerIndex(n: number): IndexKey {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`index ordinal must be a whole number ≥ 0, got ${n}`)
  let rest = n
  for (let digits = 1; digits <= 26; digits++) {
    const count = BASE ** digits
    if (rest < count) {
      let body = ''
      for (let i = 0; i < digits; i++) {
        body = DIGITS[rest % BASE] + body
        rest = Math.floor(rest / BASE)
      }
      return (String.fromCharCode(97 + digits - 1) + body) as IndexKey
    }
    rest -= count
  }
  throw new RangeError(`index ordinal too large: ${n}`)
}

/**
 * The ordinal of the whole-number part of a key (the inverse of integerIndex),
 * or -1 for keys below 'a0' (negative whole parts, head 'A'…'Z').
 */
export function integerOrdinal(key: string): number {
  const head = key.charCodeAt(0)
  if (head < 97 || head > 122) return -1
  const digits = head - 97 + 1
  let ordinal = 0
  for (let d = 1; d < digits; d++) ordinal += BASE ** d
  let value = 0
  for (let i = 1; i <= digits; i++) {
    const digit = DIGITS.indexOf(key[i] ?? '')
    if (digit < 0) throw new Error(`not an index key: ${JSON.stringify(key)}`)
    value = value * BASE + digit
  }
  return ordinal + value
}

/** `count` whole-number keys in order, starting at 'a1', or just above `above` when given. */
export function indexKeys(count: number, above?: string): IndexKey[] {
  const first = above === undefined ? 1 : integerOrdinal(above) + 1
  return Array.from({ length: count }, (_, i) => integerIndex(first + i))
}

/** Hands out index keys one by one for the children of one parent. */
export function indexCounter(above?: string): () => IndexKey {
  let next = above === undefined ? 1 : integerOrdinal(above) + 1
  return () => integerIndex(next++)
}

// ---------------------------------------------------------------------------
// Text measurement (rough: no DOM here, so we estimate from character counts)

/** tldraw's font sizes in pixels for each size style (16 px × its size factors). */
export const FONT_PX: Record<TLDefaultSizeStyle, number> = { s: 18, m: 24, l: 36, xl: 44 }
/** tldraw's line height for text shapes. */
const LINE_HEIGHT = 1.35
/** Average character width as a share of the font size (sans, Swedish text). */
const CHAR_WIDTH = 0.56

/** Lines a text needs at `charsPerLine`, counting explicit line breaks. */
export function lineCount(text: string, charsPerLine: number): number {
  const perLine = Math.max(1, Math.floor(charsPerLine))
  return text.split('\n').reduce((sum, line) => {
    if (line.length <= perLine) return sum + 1
    // Greedy word wrap, as the browser does it.
    let lines = 1
    let used = 0
    for (const word of line.split(/\s+/)) {
      const length = Math.min(word.length, perLine)
      if (used === 0) used = length
      else if (used + 1 + length <= perLine) used += 1 + length
      else {
        lines++
        used = length
      }
    }
    return sum + lines
  }, 0)
}

/** Estimated height of a text shape of width `w`, rounded up to 10 px. */
export function textHeight(text: string, w: number, size: TLDefaultSizeStyle = 's'): number {
  const px = FONT_PX[size]
  const lines = lineCount(text, w / (px * CHAR_WIDTH))
  return Math.ceil((lines * px * LINE_HEIGHT + 8) / 10) * 10
}

/** Our card: 15 px text, 1.3 line height, under an 11 px kind label, with padding. */
const CARD_TEXT_PX = 15
const CARD_CHROME = 48

/** Height a card of width `w` needs to show `text` without clipping, rounded up to 10 px; at least `min`. */
export function cardHeight(text: string, w: number, min = 100): number {
  const lines = lineCount(text, (w - 20) / (CARD_TEXT_PX * 0.55))
  const needed = CARD_CHROME + lines * Math.ceil(CARD_TEXT_PX * 1.3)
  return Math.max(min, Math.ceil(needed / 10) * 10)
}
