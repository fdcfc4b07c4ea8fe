import type { TLRecord } from '@tldraw/tlschema'
import { CARD_SHAPE_TYPE } from '../cards/cardShape'
import { boardSchema, checkCardFields } from '../cards/schema'
import type { RecordRule } from './recordChange'

/** Record types a board document holds; the rest (instance, camera, pointer …) are each browser's own. */
const DOCUMENT_TYPES = new Set(
  Object.values(boardSchema.types)
    .filter((t) => t.scope === 'document')
    .map((t) => t.typeName as string),
)

/** Every record written must pass tldraw's schema with our card shape (a card's fields fitting its kind), and be stored under its own id. */
export const validRecord: RecordRule = (change) => {
  if (change.after === undefined) return null
  const r = change.after as Partial<TLRecord> | null
  if (!r || typeof r !== 'object' || r.id !== change.id || typeof r.typeName !== 'string' || !DOCUMENT_TYPES.has(r.typeName)) {
    return 'invalid-record'
  }
  try {
    checkCardFields(boardSchema.types[r.typeName as keyof typeof boardSchema.types].validate(r) as TLRecord)
    return null
  } catch {
    return 'invalid-record'
  }
}

/** A private document holds this person's method cards and nothing else. */
export const privateCardsOnly: RecordRule = (change, board) => {
  if (board.channel !== 'private' || change.after === undefined) return null
  const r = change.after as { typeName?: unknown; type?: unknown }
  return r.typeName === 'shape' && r.type === CARD_SHAPE_TYPE ? null : 'private-cards-only'
}
