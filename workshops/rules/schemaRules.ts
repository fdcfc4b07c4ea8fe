import type { TLRecord } from '@tldraw/tlschema'
import { CARD_SHAPE_TYPE } from '../cards/cardShape'
import { boardSchema, checkCardFields } from '../cards/schema'
import { isAssetSrcOf } from '../media/assetSrc'
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

/**
 * Nothing on a board loads from anywhere but this workshop's own media:
 * image and video assets point at its asset store (or nowhere, while an
 * upload is under way), and link cards carry no picture from the other host.
 */
export const ownMediaOnly: RecordRule = (change, board) => {
  const r = change.after as { typeName?: unknown; type?: unknown; props?: Record<string, unknown> } | undefined
  if (!r || r.typeName !== 'asset' || !r.props) return null
  if (r.type === 'image' || r.type === 'video') {
    const src = r.props.src
    return src === null || src === '' || (board.workshopId !== undefined && isAssetSrcOf(board.workshopId, src)) ? null : 'foreign-media'
  }
  if (r.type === 'bookmark') return [r.props.image, r.props.favicon].every((u) => u === undefined || u === null || u === '') ? null : 'foreign-media'
  return null
}
