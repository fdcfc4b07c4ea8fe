import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Peer } from './peer'

/** Awareness client ids one socket may speak for (a page has one per document; a few spare for reconnect races). */
const MAX_IDS_PER_SOCKET = 4
/** One person's presence state as JSON: a cursor, a selection, a name. */
const MAX_STATE_BYTES = 16 * 1024
/** Presence messages per socket: a refill rate per second and a burst. */
const RATE_PER_SECOND = 30
const BURST = 60

/**
 * Presence (y-protocols awareness) as the server lets it through: each
 * awareness client id belongs to the socket that first announced it, and
 * states for anyone else's id are dropped; the role everyone sees is stamped
 * from the socket's key, never taken from the client; states have a size
 * limit and each socket a rate limit. What passes is batched for fan-out.
 */
export class PresenceGate {
  private readonly owners = new Map<number, Peer>()
  private readonly pending = new Set<number>()

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly onPending: () => void,
  ) {
    // Every change, ours or the awareness timer's (states nobody renewed), goes out in the next batch.
    awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
      for (const id of added) this.pending.add(id)
      for (const id of updated) this.pending.add(id)
      for (const id of removed) this.pending.add(id)
      this.onPending()
    })
  }

  receive(peer: Peer, update: Uint8Array): void {
    if (!peer.presenceBucket.take(RATE_PER_SECOND, BURST)) return
    const d = decoding.createDecoder(update)
    const count = decoding.readVarUint(d)
    const out = encoding.createEncoder()
    const accepted: Array<[number, number, string]> = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const json = decoding.readVarString(d)
      if (json.length > MAX_STATE_BYTES || !this.claim(peer, clientId)) continue
      const state = stamped(json, peer)
      if (state !== undefined) accepted.push([clientId, clock, state])
    }
    if (accepted.length === 0) return
    encoding.writeVarUint(out, accepted.length)
    for (const [clientId, clock, state] of accepted) {
      encoding.writeVarUint(out, clientId)
      encoding.writeVarUint(out, clock)
      encoding.writeVarString(out, state)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(out), peer)
  }

  private claim(peer: Peer, clientId: number): boolean {
    const owner = this.owners.get(clientId)
    if (owner) return owner === peer
    if (peer.clientIds.size >= MAX_IDS_PER_SOCKET) return false
    this.owners.set(clientId, peer)
    peer.clientIds.add(clientId)
    return true
  }

  /** A socket left: its people leave the presence list for everyone, and their ids are free again. */
  forget(peer: Peer): void {
    const ids = [...peer.clientIds]
    for (const id of ids) this.owners.delete(id)
    peer.clientIds.clear()
    const present = ids.filter((id) => this.awareness.getStates().has(id))
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, null)
  }

  /** Every change since the last batch, encoded once; the socket that sent all of them need not get it back. */
  takeBatch(): { update: Uint8Array; soleOwner: Peer | null } | null {
    if (this.pending.size === 0) return null
    const ids = [...this.pending]
    this.pending.clear()
    const first = this.owners.get(ids[0]) ?? null
    const soleOwner = first && ids.every((id) => this.owners.get(id) === first) ? first : null
    return { update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids), soleOwner }
  }
}

/** The state as others will see it: the role comes from the socket's key. Undefined for a state that is not JSON. */
function stamped(json: string, peer: Peer): string | undefined {
  let state: unknown
  try {
    state = JSON.parse(json)
  } catch {
    return undefined
  }
  if (state === null) return 'null'
  if (typeof state !== 'object' || Array.isArray(state)) return undefined
  const user = (state as { user?: unknown }).user
  if (user && typeof user === 'object' && !Array.isArray(user)) (user as { role?: unknown }).role = peer.role
  return JSON.stringify(state)
}
