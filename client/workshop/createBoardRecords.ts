import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { applyBoardChange, boardRecordStore, recordSourceOf } from '../../workshops/doc/boardDoc'
import type { BoardChange, RecordSource } from '../../workshops/doc/boardOps'

export interface BoardRecords {
  /** The one key-value view of the board's records in this page (the board island uses it too). */
  kv: ReturnType<typeof boardRecordStore>
  records: Accessor<TLRecord[]>
  source: RecordSource
  apply(change: Partial<BoardChange>): void
}

/** Follows the board's records for Solid views; owned by the workshop room, disposed with it. */
export function createBoardRecords(doc: Y.Doc): BoardRecords {
  const kv = boardRecordStore(doc)
  const source = recordSourceOf(kv)
  const [records, setRecords] = createSignal<TLRecord[]>([...source.values()])
  let queued = false
  // A drag changes a record every frame: recompute views at most once per task.
  const onChange = () => {
    if (queued) return
    queued = true
    setTimeout(() => {
      queued = false
      setRecords([...source.values()])
    }, 50)
  }
  kv.on('change', onChange)
  onCleanup(() => kv.off('change', onChange))
  return { kv, records, source, apply: (change) => applyBoardChange(kv, change, 'solid') }
}
