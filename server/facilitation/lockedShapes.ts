import * as Y from 'yjs'
import { readBoardRecords } from '../../workshops/doc/boardDoc'

interface LockedView {
  /** Locked shapes and everything inside them (tldraw lets nobody change those either). */
  locked: Set<string>
  /** Whether each shape is locked now. */
  isLocked: Map<string, boolean>
}

const views = new WeakMap<Y.Doc, LockedView>()
const watched = new WeakSet<Y.Doc>()

/** The locked shapes of a board, cached until the board changes. */
function lockedView(doc: Y.Doc): LockedView {
  const cached = views.get(doc)
  if (cached) return cached
  const records = readBoardRecords(doc)
  const parent = new Map<string, string>()
  const isLocked = new Map<string, boolean>()
  for (const r of records) {
    if (r.typeName !== 'shape') continue
    parent.set(r.id, r.parentId)
    isLocked.set(r.id, r.isLocked)
  }
  const locked = new Set<string>()
  for (const id of parent.keys()) {
    for (let at: string | undefined = id; at; at = parent.get(at)) {
      if (isLocked.get(at)) {
        locked.add(id)
        break
      }
    }
  }
  const view = { locked, isLocked }
  views.set(doc, view)
  if (!watched.has(doc)) {
    watched.add(doc)
    doc.on('update', () => views.delete(doc))
  }
  return view
}

type Entry = { key?: unknown; val?: { isLocked?: unknown; parentId?: unknown } }

function entriesOf(item: Y.Item): Entry[] {
  return item.content instanceof Y.ContentAny ? (item.content.arr as Entry[]).filter((e) => e && typeof e === 'object') : []
}

/**
 * Whether a participant's board update touches what the facilitator locked:
 * it writes or deletes a locked shape (or one inside a locked frame), puts a
 * shape into a locked frame, or locks or unlocks anything. Records are
 * key-value entries in a Y.Array, so a change of a record is a new entry and
 * the deletion of the old one; both sides are checked.
 */
export function touchesLocks(doc: Y.Doc, update: Uint8Array): boolean {
  const { locked, isLocked } = lockedView(doc)
  const known = Y.decodeStateVector(Y.encodeStateVector(doc))
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // Structs the server already has change nothing.
    if (struct.id.clock + struct.length <= (known.get(struct.id.client) ?? 0)) continue
    for (const { key, val } of entriesOf(struct)) {
      if (typeof key !== 'string') continue
      if (locked.has(key)) return true
      if (val && (val.isLocked === true) !== (isLocked.get(key) ?? false) && isLocked.has(key)) return true
      if (val && val.isLocked === true && !isLocked.has(key)) return true
      if (val && typeof val.parentId === 'string' && locked.has(val.parentId)) return true
    }
  }
  if (locked.size === 0) return false
  for (const [client, ranges] of ds.clients) {
    const ours = doc.store.clients.get(client)
    if (!ours) continue
    for (const { clock, len } of ranges) {
      for (const struct of ours) {
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        if (struct.id.clock + struct.length <= clock || struct.id.clock >= clock + len) continue
        if (entriesOf(struct).some((e) => typeof e.key === 'string' && locked.has(e.key))) return true
      }
    }
  }
  return false
}
