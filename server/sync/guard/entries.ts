import * as Y from 'yjs'

/**
 * The board's records are `{key, val}` entries in a Y.Array (YKeyValue's
 * layout): one array slot, one clock tick. An entry is named by the id of its
 * slot, so it stays findable when Yjs splits or merges the item around it.
 */
export interface EntryId {
  client: number
  clock: number
}

export interface Entry extends EntryId {
  key: string
  val: unknown
}

/** Content types whose slots are plain JSON values. Anything else in the records array is not a record. */
export function holdsValues(item: Y.Item): boolean {
  return item.content instanceof Y.ContentAny || item.content instanceof Y.ContentJSON
}

/** The entries of one item, with `null` for slots that are not `{key: string, val: object}`. */
export function entriesOf(item: Y.Item): Array<Entry | null> {
  const values = item.content.getContent() as unknown[]
  return values.map((v, i) => {
    const e = v as { key?: unknown; val?: unknown } | null
    if (!e || typeof e !== 'object' || typeof e.key !== 'string' || !e.val || typeof e.val !== 'object') return null
    return { client: item.id.client, clock: item.id.clock + i, key: e.key, val: e.val }
  })
}

/** The live item holding one entry, or null when it is gone or deleted. */
export function itemOf(store: Y.Doc['store'], id: EntryId): Y.Item | null {
  const structs = store.clients.get(id.client)
  if (!structs) return null
  const last = structs[structs.length - 1]
  if (id.clock >= last.id.clock + last.length) return null
  const struct = structs[Y.findIndexSS(structs, id.clock)]
  return struct instanceof Y.Item ? struct : null
}

export function isLive(store: Y.Doc['store'], id: EntryId): boolean {
  const item = itemOf(store, id)
  return item !== null && !item.deleted
}

/** Deletes one slot inside the transaction, splitting its item so its neighbours stay. */
export function deleteEntry(tr: Y.Transaction, id: EntryId): void {
  const item = Y.getItemCleanStart(tr, Y.createID(id.client, id.clock))
  if (!(item instanceof Y.Item) || item.deleted) return
  if (item.length > 1) Y.getItemCleanStart(tr, Y.createID(id.client, id.clock + 1))
  item.delete(tr)
}

/** Deletes a whole item (anything that is not a record, in any type). */
export function deleteItem(tr: Y.Transaction, item: Y.Item): void {
  if (!item.deleted) item.delete(tr)
}

/** How far the bounded walk in `rightmost` may go before it gives up. */
const WALK_BUDGET = 100_000

/**
 * The rightmost of several live entries of one key: YKeyValue's winner, the
 * same one every client picks. Give the likely winner first. Entries of one item are ordered by clock;
 * otherwise we walk right from each candidate until we meet another. New
 * entries are pushed at the end of the array, so the walk is short; a
 * crafted update that inserts far to the left only buys a bounded walk, then
 * null ("undecided"), which the caller treats as a refusal.
 */
export function rightmost(store: Y.Doc['store'], candidates: readonly EntryId[]): EntryId | null {
  if (candidates.length === 1) return candidates[0]
  const byItem = new Map<Y.Item, EntryId>()
  for (const c of candidates) {
    const item = itemOf(store, c)
    if (!item) continue
    const held = byItem.get(item)
    if (!held || held.clock < c.clock) byItem.set(item, c)
  }
  let budget = WALK_BUDGET
  // In the caller's order: it puts the update's own entries, pushed at the end, first, so the usual walk is short.
  for (const start of byItem.keys()) {
    let beaten = false
    for (let at = start.right; at; at = at.right) {
      if (--budget <= 0) return null
      if (byItem.has(at)) {
        beaten = true
        break
      }
    }
    if (!beaten) return byItem.get(start)!
  }
  return null
}
