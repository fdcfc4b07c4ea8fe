import type { TLRecord } from '@tldraw/tlschema'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import type { CardKind } from '../../workshops/cards/kinds'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { card } from '../unit/helpers/boardRecords'

const stores = new WeakMap<Y.Doc, YKeyValue<TLRecord>>()

/** One YKeyValue per document, as the browser has: each instance observes the array and cleans it up. */
export function recordsOf(doc: Y.Doc): YKeyValue<TLRecord> {
  let kv = stores.get(doc)
  if (!kv) stores.set(doc, (kv = boardRecordStore(doc)))
  return kv
}

/**
 * Edits a test client makes on a real board the way our browser does: tldraw
 * records in the `records` array (YKeyValue), which is all the server keeps.
 */
export function writeCard(doc: Y.Doc, id: string, text: string, opts: { kind?: CardKind; parent?: string; x?: number; y?: number } = {}): void {
  const record = card(id, opts.kind ?? 'note', text, { parent: opts.parent ?? BOARD_PAGE_ID, x: opts.x, y: opts.y })
  recordsOf(doc).set(record.id, record as unknown as TLRecord)
}

export function writeRecord(doc: Y.Doc, record: object & { id: string }): void {
  recordsOf(doc).set(record.id, record as unknown as TLRecord)
}

export function removeRecord(doc: Y.Doc, id: string): void {
  recordsOf(doc).delete(id)
}

const TEST_PREFIX = 'shape:t-'

/**
 * A key-value view over cards, for tests that only need "values that sync":
 * key k is the card `shape:t-k`, its value the card's text (JSON for non-strings).
 */
export function testCards(doc: Y.Doc) {
  const kv = recordsOf(doc)
  const text = (key: string) => ((kv.get(`${TEST_PREFIX}${key}`) as { props?: unknown } | undefined)?.props as { text?: string } | undefined)?.text
  return {
    set(key: string, value: unknown) {
      writeCard(doc, `t-${key}`, typeof value === 'string' ? value : JSON.stringify(value))
    },
    get(key: string): unknown {
      const t = text(key)
      if (t === undefined) return undefined
      try {
        return JSON.parse(t)
      } catch {
        return t
      }
    },
    has: (key: string) => text(key) !== undefined,
    get size() {
      let n = 0
      for (const id of kv.map.keys()) if (id.startsWith(TEST_PREFIX)) n++
      return n
    },
    /** Every test key and its text, sorted by key. */
    toJSON(): Record<string, string> {
      const out: Record<string, string> = {}
      for (const [id, entry] of [...kv.map.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        if (id.startsWith(TEST_PREFIX)) out[id.slice(TEST_PREFIX.length)] = ((entry.val as unknown as { props: { text: string } }).props).text
      }
      return out
    },
    /** Keys changed by others (not this copy's own edits). */
    onRemoteChange(listener: (keys: string[]) => void) {
      kv.on('change', (changes: Map<string, unknown>, tr: Y.Transaction) => {
        if (tr.local) return
        listener([...changes.keys()].filter((id) => id.startsWith(TEST_PREFIX)).map((id) => id.slice(TEST_PREFIX.length)))
      })
    },
  }
}

/** A record on the board as this copy sees it (rightmost entry wins). */
export function recordOf(doc: Y.Doc, id: string): Record<string, unknown> | undefined {
  const full = id.includes(':') ? id : `shape:${id}`
  return readBoardRecords(doc).find((r) => r.id === full) as Record<string, unknown> | undefined
}

export function cardText(doc: Y.Doc, id: string): string | undefined {
  return (recordOf(doc, id)?.props as { text?: string } | undefined)?.text
}
