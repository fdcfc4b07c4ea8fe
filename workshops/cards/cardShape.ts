import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  StyleProp,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { CARD_KINDS, type CardKind } from './kinds'

/** The tldraw shape type of a method card. Stored in every document: never rename. */
export const CARD_SHAPE_TYPE = 'card' as const

/**
 * The card's kind is a tldraw style: the palette sets it for the next card,
 * and changing it on selected cards goes through tldraw's own style machinery.
 */
export const CardKindStyle = StyleProp.defineEnum('samverkstad:cardKind', {
  defaultValue: 'note',
  values: [...CARD_KINDS],
})

export interface CardShapeProps {
  kind: CardKind
  text: string
  /** Display name of the author; empty when the workshop is anonymous. */
  author: string
  w: number
  h: number
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    card: CardShapeProps
  }
}

export type CardShape = Extract<TLShape, { type: 'card' }>

/** Longest text a card holds; keeps one card from bloating every client. */
export const CARD_TEXT_MAX = 4000
export const CARD_AUTHOR_MAX = 80

export const cardShapeProps: RecordProps<CardShape> = {
  kind: CardKindStyle,
  text: T.string.check((s) => {
    if (s.length > CARD_TEXT_MAX) throw new Error(`text longer than ${CARD_TEXT_MAX} characters`)
  }),
  author: T.string.check((s) => {
    if (s.length > CARD_AUTHOR_MAX) throw new Error(`author longer than ${CARD_AUTHOR_MAX} characters`)
  }),
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
}

const versions = createShapePropsMigrationIds(CARD_SHAPE_TYPE, {
  // Version 1 is the first stored form; later changes add a step here.
  Initial: 1,
})

export const cardShapeMigrations = createShapePropsMigrationSequence({
  sequence: [{ id: versions.Initial, up: (props) => props }],
})

export const CARD_DEFAULT_SIZE = { w: 200, h: 140 }
