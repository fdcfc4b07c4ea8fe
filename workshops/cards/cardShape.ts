import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  StyleProp,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import type { CardFields } from './catalog'
import { LONG_TEXT_FIELD_MAX, MAX_FIELDS } from './kindDeclaration'
import { cardKinds, type CardKind } from './kinds'

/** The tldraw shape type of a method card. Stored in every document: never rename. */
export const CARD_SHAPE_TYPE = 'card' as const

/**
 * The card's kind is a tldraw style: the palette sets it for the next card,
 * and changing it on selected cards goes through tldraw's own style machinery.
 * Which kinds exist is the method's data (kinds.ts), asked at validation time.
 */
export const CardKindStyle = StyleProp.define<CardKind>('samverkstad:cardKind', {
  defaultValue: 'note',
  type: T.string.check((kind) => {
    if (!cardKinds().has(kind)) throw new Error(`unknown card kind ${JSON.stringify(kind)}`)
  }),
})

export interface CardShapeProps {
  kind: CardKind
  text: string
  /** Display name of the author; empty when the workshop is anonymous. */
  author: string
  w: number
  h: number
  /** The kind's structured fields (block: type, minutes …); absent ones are unset. */
  fields: CardFields
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

/**
 * The shape of `fields` as tldraw checks it: an object of at most
 * MAX_FIELDS short texts or whole numbers. Which fields a kind has, and their
 * values, depend on the kind, which a single prop's validator cannot see:
 * validateBoardRecord (schema.ts) checks those against the declaration.
 */
const fieldsValidator = T.dict(
  T.string,
  T.or(
    T.string.check((s) => {
      if (s.length > LONG_TEXT_FIELD_MAX) throw new Error(`field longer than ${LONG_TEXT_FIELD_MAX} characters`)
    }),
    T.integer,
  ),
).check((fields) => {
  if (Object.keys(fields).length > MAX_FIELDS) throw new Error(`more than ${MAX_FIELDS} fields`)
}) as T.Validator<CardFields>

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
  fields: fieldsValidator,
}

export const CARD_SHAPE_VERSIONS = createShapePropsMigrationIds(CARD_SHAPE_TYPE, {
  // Version 1 is the first stored form; later changes add a step here.
  Initial: 1,
  /** Structured fields per kind (block minutes, feedback verdict …): every card gets `fields`, empty. */
  AddFields: 2,
})

export const cardShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    { id: CARD_SHAPE_VERSIONS.Initial, up: (props) => props },
    {
      id: CARD_SHAPE_VERSIONS.AddFields,
      up: (props) => {
        // A card written by a newer client under an older schema already has them.
        if (!props.fields || typeof props.fields !== 'object') props.fields = {}
      },
      down: (props) => {
        delete props.fields
      },
    },
  ],
})

export const CARD_DEFAULT_SIZE = { w: 200, h: 140 }

/** The size a new card of this kind starts with. */
export function cardSize(kind: CardKind): { w: number; h: number } {
  return cardKinds().get(kind)?.size ?? CARD_DEFAULT_SIZE
}
