import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import { applyBoardChange, boardDocVersion, boardMeta } from '../../workshops/doc/boardDoc'
import { DOC_VERSION, META_TLDRAW_SCHEMA } from '../../workshops/doc/layout'

export type LoadResult = { ok: true } | { ok: false; reason: 'newer-version' }

/**
 * Two-way binding between the tldraw store and the board's Y.Doc. Local user
 * edits go to Yjs in one transaction; remote Yjs changes go to the store as
 * remote changes. Records that fail validation are skipped, so one bad record
 * from a buggy or hostile client cannot keep everyone's board from loading.
 */
export function bindStoreToYjs(store: TLStore, kv: YKeyValue<TLRecord>): { result: LoadResult; dispose: () => void } {
  const doc: Y.Doc = kv.doc
  if ((boardDocVersion(doc) ?? 0) > DOC_VERSION) return { result: { ok: false, reason: 'newer-version' }, dispose: () => {} }
  const persistedSchema = boardMeta(doc).get(META_TLDRAW_SCHEMA)
  // Marks our own writes, so we skip exactly those; edits from the outline in this same browser still arrive.
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

  const initial = [...kv.map.values()].map((e) => accept(e.val)).filter((r): r is TLRecord => r !== null)
  store.mergeRemoteChanges(() => store.put(initial))

  const stopListening = store.listen(
    ({ changes }) => {
      applyBoardChange(
        kv,
        {
          put: [...Object.values(changes.added), ...Object.values(changes.updated).map(([, record]) => record)],
          remove: Object.values(changes.removed).map((record) => record.id),
        },
        origin,
      )
    },
    { source: 'user', scope: 'document' },
  )

  const onRemote = (changes: Map<string, { action: 'add' | 'update' | 'delete' }>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const put: TLRecord[] = []
    const remove: TLRecord['id'][] = []
    for (const [id, change] of changes) {
      if (change.action === 'delete') {
        if (store.has(id as TLRecord['id'])) remove.push(id as TLRecord['id'])
      } else {
        const record = kv.get(id)
        const ok = record ? accept(record) : null
        if (ok) put.push(ok)
      }
    }
    store.mergeRemoteChanges(() => {
      if (remove.length) store.remove(remove)
      if (put.length) store.put(put)
    })
  }
  kv.on('change', onRemote)

  return {
    result: { ok: true },
    dispose: () => {
      stopListening()
      kv.off('change', onRemote)
    },
  }
}
