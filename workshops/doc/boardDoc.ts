import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { boardSchema } from '../cards/schema'
import { BOARD_META, BOARD_RECORDS, DOC_VERSION, META_DOC_VERSION, META_TLDRAW_SCHEMA } from './layout'

/** The board's records as a key-value store over a Y.Array (record id → record). */
export function boardRecordStore(doc: Y.Doc): YKeyValue<TLRecord> {
  return new YKeyValue<TLRecord>(doc.getArray(BOARD_RECORDS))
}

export function boardMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_META)
}

/**
 * Fills a new, empty board document: versions first, then the records.
 * Later ids win, as in YKeyValue, so the array never holds a key twice.
 */
export function initBoardDoc(doc: Y.Doc, records: readonly TLRecord[]): void {
  const byId = new Map<string, TLRecord>()
  for (const record of records) {
    byId.delete(record.id)
    byId.set(record.id, record)
  }
  doc.transact(() => {
    const meta = boardMeta(doc)
    meta.set(META_DOC_VERSION, DOC_VERSION)
    meta.set(META_TLDRAW_SCHEMA, boardSchema.serialize())
    if (doc.getArray(BOARD_RECORDS).length > 0) throw new Error('initBoardDoc: the board document is not empty')
    appendRecords(doc, [...byId.values()])
  })
}

/**
 * Every record on the board. Read straight from the array so no observer is
 * attached; concurrent writes of one key can leave duplicates there for a
 * moment, and as in YKeyValue the rightmost entry wins.
 */
export function readBoardRecords(doc: Y.Doc): TLRecord[] {
  const byId = new Map<string, TLRecord>()
  for (const entry of doc.getArray<{ key: string; val: TLRecord }>(BOARD_RECORDS)) byId.set(entry.key, entry.val)
  return [...byId.values()]
}

export function boardDocVersion(doc: Y.Doc): number | undefined {
  const v = boardMeta(doc).get(META_DOC_VERSION)
  return typeof v === 'number' ? v : undefined
}

/** The board's records as a RecordSource for the pure board operations. */
export function recordSourceOf(kv: YKeyValue<TLRecord>) {
  return {
    get: (id: string) => kv.get(id),
    values: () => [...kv.map.values()].map((e) => e.val),
  }
}

/**
 * Writes records by appending YKeyValue's {key, val} entries in one push,
 * without reading the array (one YKeyValue.set per record walks the array
 * each time: 10,000 records took seconds and hundreds of MB that way). The
 * rightmost entry of a key wins and every reader removes the older one, so
 * this is a "set" that costs what it writes; on a live board the server's
 * guard removes the older entry in the same transaction.
 */
export function appendRecords(doc: Y.Doc, records: readonly TLRecord[]): void {
  doc.getArray<{ key: string; val: TLRecord }>(BOARD_RECORDS).push(records.map((val) => ({ key: val.id, val })))
}

/** One transaction (one message to the server) carries at most about this much; a bigger change is split. */
const CHUNK_BYTES = 512 * 1024
/** Changes with no more records than this are one transaction without measuring them. */
const SMALL_CHANGE = 50

/**
 * Writes one change to the board; `origin` tells observers who made it. A
 * large change (a big paste or import) goes in several transactions, so no
 * message is larger than the server takes: one it refused would only be sent
 * again on every reconnect.
 */
export function applyBoardChange(kv: YKeyValue<TLRecord>, change: { put?: readonly TLRecord[]; remove?: readonly string[] }, origin?: unknown): void {
  const put = change.put ?? []
  const chunks: TLRecord[][] = [[]]
  let bytes = 0
  for (const record of put) {
    const size = put.length > SMALL_CHANGE ? JSON.stringify(record).length : 0
    if (bytes + size > CHUNK_BYTES && chunks[chunks.length - 1].length > 0) {
      chunks.push([])
      bytes = 0
    }
    chunks[chunks.length - 1].push(record)
    bytes += size
  }
  chunks.forEach((chunk, i) =>
    kv.doc.transact(() => {
      for (const record of chunk) kv.set(record.id, record)
      if (i === chunks.length - 1) for (const id of change.remove ?? []) kv.delete(id)
    }, origin),
  )
}
