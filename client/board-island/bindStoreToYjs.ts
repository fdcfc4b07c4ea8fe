import type { TLRecord, TLStore } from 'tldraw'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { applyBoardChange, boardDocVersion, boardMeta } from '../../workshops/doc/boardDoc'
import { DOC_VERSION, META_TLDRAW_SCHEMA } from '../../workshops/doc/layout'
import { PRIVATE_CARD_META } from '../../workshops/facilitation/controlLayout'
import { docLimits, reportLocalRefusal } from '../workshop/localRefusals'

export type LoadResult = { ok: true } | { ok: false; reason: 'newer-version' }

type Records = YKeyValue<TLRecord>
type Change = { action: 'add' | 'update' | 'delete' }

/** One transaction (one message) carries at most about this much; a bigger change goes in several. */
const CHUNK_BYTES = 512 * 1024

/** Writes a change in transactions of at most CHUNK_BYTES of records each, so no message goes over the server's limit. */
function writeInChunks(kv: Records, put: Array<[TLRecord, number]>, remove: TLRecord['id'][], origin: unknown): void {
  let chunk: TLRecord[] = []
  let bytes = 0
  for (const [record, size] of put) {
    if (chunk.length > 0 && bytes + size > CHUNK_BYTES) {
      applyBoardChange(kv, { put: chunk }, origin)
      chunk = []
      bytes = 0
    }
    chunk.push(record)
    bytes += size
  }
  if (chunk.length > 0 || remove.length > 0) applyBoardChange(kv, { put: chunk, remove }, origin)
}

function isPrivate(record: TLRecord): boolean {
  return record.typeName === 'shape' && (record.meta as Record<string, unknown>)[PRIVATE_CARD_META] === true
}

/**
 * Two-way binding between the tldraw store and the board's Y.Doc, plus, when
 * given, this person's private document: records marked private are written
 * there and nowhere else, so their text never reaches anyone else's browser
 * before the reveal. Local edits go to Yjs in one transaction per change;
 * remote changes come in as remote changes. Records that fail validation are
 * skipped, so one bad record from a buggy or hostile client cannot keep
 * everyone's board from loading.
 */
export function bindStoreToYjs(store: TLStore, board: Records, privateRecords?: Records): { result: LoadResult; dispose: () => void } {
  const doc: Y.Doc = board.doc
  if ((boardDocVersion(doc) ?? 0) > DOC_VERSION) return { result: { ok: false, reason: 'newer-version' }, dispose: () => {} }
  const persistedSchema = boardMeta(doc).get(META_TLDRAW_SCHEMA)
  // Marks our own writes, so we skip exactly those; edits from the outline in this same page still arrive.
  const origin = { binding: 'tldraw-store' }

  const accept = (record: TLRecord): TLRecord | null => {
    try {
      let r = record
      if (persistedSchema) {
        const migrated = store.schema.migratePersistedRecord(r, persistedSchema as never)
        if (migrated.type === 'error') return null
        r = migrated.value as TLRecord
      }
      const type = store.schema.types[r.typeName as keyof typeof store.schema.types]
      return type ? (type.validate(r) as TLRecord) : null
    } catch (error) {
      console.warn('Samverkstad: skipped an invalid board record', record?.id, error)
      return null
    }
  }
  const acceptAll = (kv: Records | undefined) => (kv ? [...kv.map.values()].map((e) => accept(e.val)).filter((r): r is TLRecord => r !== null) : [])

  store.mergeRemoteChanges(() => store.put([...acceptAll(board), ...acceptAll(privateRecords)]))

  const stopListening = store.listen(
    ({ changes }) => {
      const toBoard: Array<[TLRecord, number]> = []
      const toPrivate: Array<[TLRecord, number]> = []
      const tooLarge: Array<{ id: TLRecord['id']; before?: TLRecord }> = []
      const limit = docLimits().maxRecordBytes
      const consider = (record: TLRecord, before?: TLRecord) => {
        // The server would refuse it: keep it out of the document, so it is never sent, and say why.
        const size = JSON.stringify(record).length
        if (size > limit) return tooLarge.push({ id: record.id, before })
        ;(privateRecords && isPrivate(record) ? toPrivate : toBoard).push([record, size])
      }
      for (const record of Object.values(changes.added)) consider(record)
      for (const [before, record] of Object.values(changes.updated)) consider(record, before)
      const removed = Object.values(changes.removed)
      const removedPrivate = removed.filter((r) => privateRecords && isPrivate(r)).map((r) => r.id)
      const removedBoard = removed.filter((r) => !(privateRecords && isPrivate(r))).map((r) => r.id)
      if (toBoard.length || removedBoard.length) writeInChunks(board, toBoard, removedBoard, origin)
      if (privateRecords && (toPrivate.length || removedPrivate.length)) writeInChunks(privateRecords, toPrivate, removedPrivate, origin)
      if (tooLarge.length > 0) {
        store.mergeRemoteChanges(() => {
          const back = tooLarge.filter((t) => t.before).map((t) => t.before!)
          const gone = tooLarge.filter((t) => !t.before && store.has(t.id)).map((t) => t.id)
          if (gone.length) store.remove(gone)
          if (back.length) store.put(back)
        })
        reportLocalRefusal('record-too-large')
      }
    },
    { source: 'user', scope: 'document' },
  )

  /** Remote changes of one document; a delete is applied only if the other document does not hold the record (a reveal moves cards from private to board). */
  const onRemote = (from: Records, other: Records | undefined) => (changes: Map<string, Change>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const put: TLRecord[] = []
    const remove: TLRecord['id'][] = []
    for (const [id, change] of changes) {
      if (change.action === 'delete') {
        if (store.has(id as TLRecord['id']) && !other?.get(id)) remove.push(id as TLRecord['id'])
      } else {
        const record = from.get(id)
        const ok = record ? accept(record) : null
        if (ok) put.push(ok)
      }
    }
    if (!put.length && !remove.length) return
    store.mergeRemoteChanges(() => {
      if (remove.length) store.remove(remove)
      if (put.length) store.put(put)
    })
  }
  const onBoard = onRemote(board, privateRecords)
  board.on('change', onBoard)
  const onPrivate = privateRecords ? onRemote(privateRecords, board) : null
  if (privateRecords && onPrivate) privateRecords.on('change', onPrivate)

  return {
    result: { ok: true },
    dispose: () => {
      stopListening()
      board.off('change', onBoard)
      if (privateRecords && onPrivate) privateRecords.off('change', onPrivate)
    },
  }
}
