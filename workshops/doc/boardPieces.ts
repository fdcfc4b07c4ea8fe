import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { appendRecords, initBoardDoc } from './boardDoc'

/** Records' JSON per piece. */
export const PIECE_BYTES = 512 * 1024

/**
 * A new board holding `records`, as Yjs updates of about PIECE_BYTES each,
 * in order: the first makes the board (versions and the first records), each
 * later one adds records. Stored one short transaction at a time, a big
 * board (an import) never holds up the rooms for one long write; a small one
 * (a method's templates) is one piece. Every new board is made here. Linear
 * in the records' size.
 */
export function boardPieces(records: readonly TLRecord[], bytesOf: (record: TLRecord) => number = (r) => JSON.stringify(r).length): Uint8Array[] {
  const doc = new Y.Doc()
  const pieces: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => pieces.push(update))
  try {
    const batches = inBatches(records, bytesOf)
    initBoardDoc(doc, batches[0] ?? [])
    for (const batch of batches.slice(1)) doc.transact(() => appendRecords(doc, batch))
    return pieces
  } finally {
    doc.destroy()
  }
}

function inBatches<T>(items: readonly T[], bytes: (item: T) => number): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let size = 0
  for (const item of items) {
    if (current.length > 0 && size + bytes(item) > PIECE_BYTES) {
      batches.push(current)
      current = []
      size = 0
    }
    current.push(item)
    size += bytes(item)
  }
  if (current.length > 0) batches.push(current)
  return batches
}
