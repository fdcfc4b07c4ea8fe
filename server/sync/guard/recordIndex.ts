import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { entriesOf, holdsValues, type EntryId } from './entries'

export interface IndexedRecord extends EntryId {
  val: TLRecord
  /** Length of the record's JSON text. */
  bytes: number
}

export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0
}

/**
 * The records of one board document as the server judges them: each key's
 * winning entry, and the totals the limits count. Kept up to date by the
 * guard inside every transaction, so a check costs what the change costs.
 */
export class RecordIndex {
  private readonly byKey = new Map<string, IndexedRecord>()
  private totalBytes = 0

  get count(): number {
    return this.byKey.size
  }

  get bytes(): number {
    return this.totalBytes
  }

  get(key: string): IndexedRecord | undefined {
    return this.byKey.get(key)
  }

  set(key: string, record: IndexedRecord): void {
    this.totalBytes += record.bytes - (this.byKey.get(key)?.bytes ?? 0)
    this.byKey.set(key, record)
  }

  delete(key: string): void {
    this.totalBytes -= this.byKey.get(key)?.bytes ?? 0
    this.byKey.delete(key)
  }

  /**
   * Reads the array once, left to right, so the rightmost entry of a key wins
   * (YKeyValue's rule). Returns the entries that lose (older duplicates) and
   * slots that are not records at all, for the caller to delete.
   */
  static build(array: Y.Array<unknown>): { index: RecordIndex; junk: EntryId[] } {
    const index = new RecordIndex()
    const junk: EntryId[] = []
    for (let item = array._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue
      if (!holdsValues(item)) {
        for (let i = 0; i < item.length; i++) junk.push({ client: item.id.client, clock: item.id.clock + i })
        continue
      }
      entriesOf(item).forEach((entry, i) => {
        if (!entry) return junk.push({ client: item.id.client, clock: item.id.clock + i })
        const older = index.get(entry.key)
        if (older) junk.push(older)
        index.set(entry.key, { client: entry.client, clock: entry.clock, val: entry.val as TLRecord, bytes: jsonBytes(entry.val) })
      })
    }
    return { index, junk }
  }
}
