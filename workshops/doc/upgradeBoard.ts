import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { CARD_SHAPE_TYPE, CARD_SHAPE_VERSIONS } from '../cards/cardShape'
import { boardSchema } from '../cards/schema'
import { appendRecords, boardDocVersion, boardMeta, readBoardRecords } from './boardDoc'
import { BOARD_RECORDS, DOC_VERSION, META_DOC_VERSION, META_TLDRAW_SCHEMA } from './layout'

/** The sequence id of our card's migrations in a serialized schema: "com.tldraw.shape.card". */
const CARD_SEQUENCE = CARD_SHAPE_VERSIONS.Initial.replace(/\/\d+$/, '')

/**
 * The schema records were written under when a document does not say:
 * a private document (browsers write it, the server never gives it a meta)
 * from before cards had fields is tldraw's current schema with the card at
 * its first version. The card's migrations are safe to run on a card that
 * already is newer.
 */
function firstCardSchema(): SerializedSchema {
  const now = boardSchema.serialize()
  return { ...now, sequences: { ...now.sequences, [CARD_SEQUENCE]: 1 } } as SerializedSchema
}

/**
 * Brings a stored board or private document to the current layout
 * (DOC_VERSION, our card shape's migrations): each record an older schema
 * wrote is migrated and written again, and a board's `meta` then names the
 * current versions. Records tldraw cannot migrate stay as they are (readers
 * skip invalid records). A document of a newer version, or one with no
 * records (the control document), is left alone. Returns how many records
 * were rewritten; the caller stores the transaction's update.
 */
export function upgradeBoardDoc(doc: Y.Doc): number {
  if (!doc.share.has(BOARD_RECORDS)) return 0
  const meta = boardMeta(doc)
  const version = boardDocVersion(doc)
  if (version !== undefined && version >= DOC_VERSION) return 0
  const persisted = (meta.get(META_TLDRAW_SCHEMA) as SerializedSchema | undefined) ?? firstCardSchema()
  const changed: TLRecord[] = []
  for (const record of readBoardRecords(doc)) {
    // Only shapes changed between our versions; other records keep tldraw's own form.
    if (record.typeName !== 'shape' || record.type !== CARD_SHAPE_TYPE) continue
    const result = boardSchema.migratePersistedRecord(record, persisted)
    if (result.type !== 'success') continue
    if (JSON.stringify(result.value) !== JSON.stringify(record)) changed.push(result.value as TLRecord)
  }
  Y.transact(doc, () => {
    if (changed.length > 0) appendRecords(doc, changed)
    if (version !== undefined) {
      meta.set(META_DOC_VERSION, DOC_VERSION)
      meta.set(META_TLDRAW_SCHEMA, boardSchema.serialize())
    }
  }, 'server')
  return changed.length
}
