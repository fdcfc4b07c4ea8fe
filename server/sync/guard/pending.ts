import * as Y from 'yjs'

type Store = Y.Doc['store']

/**
 * Updates whose dependencies have not arrived wait in the store
 * (`pendingStructs`, `pendingDs`). In our star every client gets everything
 * from the server, so nothing legitimate waits there for long; these helpers
 * let a room measure, cap and hide what does.
 */
export interface SavedPending {
  structs: { missing: Map<number, number>; update: Uint8Array } | null
  ds: Uint8Array | null
  bytes: number
}

export function pendingBytes(store: Store): number {
  return (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0)
}

/** A copy of what waits now; Yjs changes the pending record in place, so the map is copied. */
export function savePending(store: Store): SavedPending {
  const s = store.pendingStructs
  return { structs: s ? { missing: new Map(s.missing), update: s.update } : null, ds: store.pendingDs, bytes: pendingBytes(store) }
}

export function restorePending(store: Store, saved: SavedPending): void {
  store.pendingStructs = saved.structs ? { missing: new Map(saved.structs.missing), update: saved.structs.update } : null
  store.pendingDs = saved.ds
}

/** Runs `encode` with nothing pending, so what waits is neither stored nor sent to anyone. */
export function withoutPending<T>(doc: Y.Doc, encode: () => T): T {
  const store = doc.store
  const structs = store.pendingStructs
  const ds = store.pendingDs
  store.pendingStructs = null
  store.pendingDs = null
  try {
    return encode()
  } finally {
    store.pendingStructs = structs
    store.pendingDs = ds
  }
}
