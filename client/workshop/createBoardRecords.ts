import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import { boardRecordStore, recordSourceOf } from '../../workshops/doc/boardDoc'
import type { BoardChange, RecordSource } from '../../workshops/doc/boardOps'
import { markNewCard, writeBoardChange } from '../../workshops/doc/privateWrites'

export interface BoardRecords {
  /** The one key-value view of the board's records in this page (the board island uses it too). */
  kv: ReturnType<typeof boardRecordStore>
  /** This person's private cards, when the method has private writing. */
  privateKv?: YKeyValue<TLRecord>
  /** The board's records and this person's private cards. */
  records: Accessor<TLRecord[]>
  /** Ids of the records only this person has (their private cards). */
  privateIds: Accessor<ReadonlySet<string>>
  source: RecordSource
  /**
   * Writes a change as the board does: cards it creates are private while
   * private writing is on, and private records go to the private document.
   */
  apply(change: Partial<BoardChange>): void
}

export interface BoardRecordsOptions {
  privateKv?: YKeyValue<TLRecord>
  /** Whether private writing is on now. */
  privateOn?: () => boolean
}

/** Follows the board's records (and this person's private ones) for Solid views; owned by the workshop room, disposed with it. */
export function createBoardRecords(doc: Y.Doc, opts: BoardRecordsOptions = {}): BoardRecords {
  const kv = boardRecordStore(doc)
  const privateKv = opts.privateKv
  const board = recordSourceOf(kv)
  const own = privateKv ? recordSourceOf(privateKv) : null
  // Private records win: during a reveal a card is briefly in both.
  const all = (): TLRecord[] => {
    if (!own) return board.values()
    const mine = own.values()
    const ids = new Set(mine.map((r) => r.id))
    return [...board.values().filter((r) => !ids.has(r.id)), ...mine]
  }
  const source: RecordSource = { get: (id) => own?.get(id) ?? board.get(id), values: all }
  const privateIdsNow = () => new Set<string>(own ? own.values().map((r) => r.id) : [])
  const [records, setRecords] = createSignal<TLRecord[]>(all())
  const [privateIds, setPrivateIds] = createSignal<ReadonlySet<string>>(privateIdsNow())
  let queued = false
  // A drag changes a record every frame: recompute views at most once per task.
  const onChange = () => {
    if (queued) return
    queued = true
    setTimeout(() => {
      queued = false
      setRecords(all())
      setPrivateIds(privateIdsNow())
    }, 50)
  }
  kv.on('change', onChange)
  privateKv?.on('change', onChange)
  onCleanup(() => {
    kv.off('change', onChange)
    privateKv?.off('change', onChange)
  })
  return {
    kv,
    privateKv,
    records,
    privateIds,
    source,
    apply(change) {
      const privateOn = opts.privateOn?.() ?? false
      const put = (change.put ?? []).map((record) => (source.get(record.id) ? record : markNewCard(record, privateOn)))
      writeBoardChange({ board: kv, private: privateKv }, { put, remove: change.remove }, 'solid')
    },
  }
}
