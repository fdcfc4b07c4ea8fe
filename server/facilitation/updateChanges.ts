import * as Y from 'yjs'

/**
 * Whether applying `update` would change `doc`: it carries content the
 * document does not have, or deletes something not yet deleted. A client's
 * sync step 2 always carries its whole delete set, so "not empty" is not
 * enough to tell an edit from a catch-up that changes nothing.
 * Costs a pass over the document's structs when the update deletes anything.
 */
export function updateChangesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update)
  const known = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of to) if (clock > (known.get(client) ?? 0)) return true

  const { ds } = Y.decodeUpdate(update)
  if (ds.clients.size === 0) return false
  const deleted = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of ds.clients) {
    const have = deleted.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      if (len <= 0) continue
      // The store's ranges are sorted and merged, so one of them covers the whole range or none does.
      if (!have.some((h) => h.clock <= clock && clock + len <= h.clock + h.len)) return true
    }
  }
  return false
}
