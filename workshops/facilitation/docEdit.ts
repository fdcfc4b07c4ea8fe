import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { boardRecordStore } from '../doc/boardDoc'

/**
 * An edit of `doc` as an update, without touching `doc`: the edit runs on a
 * scratch copy and the update holds only what it changed. The server applies
 * the result through its normal path, so the edit is stored and relayed like
 * a client's.
 */
export function editAsUpdate(doc: Y.Doc, edit: (scratch: Y.Doc) => void): Uint8Array {
  const scratch = new Y.Doc()
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(scratch)
    scratch.transact(() => edit(scratch))
    return Y.encodeStateAsUpdate(scratch, before)
  } finally {
    scratch.destroy()
  }
}

/** An update that sets `records` (by id) in a board-layout document and deletes `remove`. */
export function boardRecordsUpdate(doc: Y.Doc, records: readonly TLRecord[], remove: readonly string[] = []): Uint8Array {
  return editAsUpdate(doc, (scratch) => {
    const store = boardRecordStore(scratch)
    for (const id of remove) store.delete(id)
    for (const record of records) store.set(record.id, record)
  })
}
