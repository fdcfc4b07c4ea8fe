import type { TLRecord, TLStore } from 'tldraw'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { boardDocVersion, boardMeta } from '../../workshops/doc/boardDoc'
import { DOC_VERSION, META_TLDRAW_SCHEMA } from '../../workshops/doc/layout'
import { writeBoardChange } from '../../workshops/doc/privateWrites'
import { docLimits, reportLocalRefusal } from '../workshop/localRefusals'

export type LoadResult = { ok: true } | { ok: false; reason: 'newer-version' }

type Records = YKeyValue<TLRecord>
type Change = { action: 'add' | 'update' | 'delete' }

/**
 * Two-way binding between the tldraw store and the board's Y.Doc, plus, when
 * given, this person's private document: records marked private are written
 * there and nowhere else (writeBoardChange, the same rule the outline
 * follows), so their text never reaches anyone else's browser before the reveal. Local edits go to Yjs in one transaction per change;
 * remote changes come in as remote changes. Records that fail validation are
 * skipped, so one bad record from a buggy or hostile client cannot keep
 * everyone's board from loading.
 */
export function bindStoreToYjs(
  store: TLStore,
  board: Records,
  privateRecords?: Records,
  /** The server upgraded the board while this page was open (a newer version of Samverkstad): it must reload. */
  onNewerVersion?: () => void,
): { result: LoadResult; dispose: () => void } {
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
      const put: TLRecord[] = []
      const tooLarge: Array<{ id: TLRecord['id']; before?: TLRecord }> = []
      const limit = docLimits().maxRecordBytes
      const consider = (record: TLRecord, before?: TLRecord) => {
        // The server would refuse it: keep it out of the document, so it is never sent, and say why.
        if (JSON.stringify(record).length > limit) tooLarge.push({ id: record.id, before })
        else put.push(record)
      }
      for (const record of Object.values(changes.added)) consider(record)
      for (const [before, record] of Object.values(changes.updated)) consider(record, before)
      const remove = Object.keys(changes.removed)
      if (put.length || remove.length) writeBoardChange({ board, private: privateRecords }, { put, remove }, origin)
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
  const meta = boardMeta(doc)
  const onMeta = () => {
    if ((boardDocVersion(doc) ?? 0) > DOC_VERSION) onNewerVersion?.()
  }
  meta.observe(onMeta)
  const onPrivate = privateRecords ? onRemote(privateRecords, board) : null
  if (privateRecords && onPrivate) privateRecords.on('change', onPrivate)

  return {
    result: { ok: true },
    dispose: () => {
      stopListening()
      board.off('change', onBoard)
      meta.unobserve(onMeta)
      if (privateRecords && onPrivate) privateRecords.off('change', onPrivate)
    },
  }
}
