import * as Y from 'yjs'

/** What one transaction did to the document's structure. */
export interface Effects {
  /** Items integrated in this transaction that are live now. */
  inserted: Y.Item[]
  /** Items that were live before this transaction and are deleted now. */
  deleted: Y.Item[]
}

/**
 * Reads a transaction's effect from the store: the items between each
 * client's state before and now, and the transaction's delete set. The cost
 * is that of what changed (plus one look per known client, as Yjs's own
 * state vector costs), never of the document.
 */
export function effectsOf(tr: Y.Transaction): Effects {
  const deleted: Y.Item[] = []
  // First the deletions: iterating them may split items, and the inserted list must see the final pieces.
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.id.clock < (tr.beforeState.get(struct.id.client) ?? 0)) deleted.push(struct)
  })
  const inserted: Y.Item[] = []
  for (const [client, structs] of tr.doc.store.clients) {
    const before = tr.beforeState.get(client) ?? 0
    const last = structs[structs.length - 1]
    if (last.id.clock + last.length <= before) continue
    for (let i = before === 0 ? 0 : Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]
      if (struct instanceof Y.Item && !struct.deleted) inserted.push(struct)
    }
  }
  return { inserted, deleted }
}

/**
 * Which of the named roots an item belongs to, or null for an item of any
 * other root or inside a nested type. Looked up by type, never through the
 * whole `doc.share`: a crafted update can create any number of roots.
 */
export function rootOf(roots: ReadonlyMap<unknown, string>, item: Y.Item): string | null {
  return roots.get(item.parent) ?? null
}

/** The document's types for these root names (only those that exist). */
export function rootTypes(doc: Y.Doc, names: readonly string[]): Map<unknown, string> {
  const out = new Map<unknown, string>()
  for (const name of names) {
    const type = doc.share.get(name)
    if (type) out.set(type, name)
  }
  return out
}
