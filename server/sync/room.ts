import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Log } from '../log'
import type { DocStore } from '../store/docStore'
import {
  awarenessMessage,
  BadMessageError,
  MSG_AUTH,
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SYNC,
  syncStep1Message,
  syncStep2Message,
  syncUpdateMessage,
} from './messages'
import type { Peer } from './peer'

/** Fold the update log into the state row after this many appended updates. */
const COMPACT_EVERY = 500
/** From this many peers on, presence changes are batched over a short window. */
const AWARENESS_BATCH_FROM = 5
const AWARENESS_BATCH_MS = 40

export class StorageFailedError extends Error {}

/**
 * One live document and the sockets editing it. Every accepted update is
 * appended to the store before it is relayed; if the store fails, the room
 * stops (see `onStorageFailure`) rather than relay what it could not keep.
 */
export class Room {
  readonly peers = new Set<Peer>()
  readonly awareness: awarenessProtocol.Awareness
  private lastSeq: number
  private sinceCompact: number
  /** Sync step 2 for a client that has nothing yet, encoded once between edits. */
  private fullStateMessage: Uint8Array | null = null
  private collected: Uint8Array[] = []
  private pendingPresence = new Set<number>()
  /** Which socket last announced each awareness client id. */
  private presenceOwner = new Map<number, Peer>()
  private presenceTimer: NodeJS.Timeout | null = null
  private failed = false
  private destroyed = false

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    loaded: { lastSeq: number; pendingUpdates: number },
    private readonly store: DocStore,
    private readonly log: Log,
    private readonly onStorageFailure: (room: Room, error: unknown) => void,
  ) {
    this.lastSeq = loaded.lastSeq
    this.sinceCompact = loaded.pendingUpdates
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    doc.on('update', (update: Uint8Array) => {
      this.fullStateMessage = null
      this.collected.push(update)
    })
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get isFailed(): boolean {
    return this.failed
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer)
    peer.send(syncStep1Message(Y.encodeStateVector(this.doc)))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
    }
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    if (peer.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.clientIds], null)
    }
  }

  /** Handles one message from `peer`. Throws BadMessageError (or a decoding error) on garbage. */
  handleMessage(peer: Peer, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MSG_SYNC:
        return this.handleSync(peer, decoder)
      case MSG_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder)
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer)
        return
      }
      case MSG_QUERY_AWARENESS: {
        const ids = [...this.awareness.getStates().keys()]
        peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)))
        return
      }
      case MSG_AUTH:
        return
      default:
        throw new BadMessageError(`unknown message type ${type}`)
    }
  }

  private handleSync(peer: Peer, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1:
        peer.send(this.syncStep2For(payload))
        return
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        if (!peer.canWrite) {
          this.log.warn({ room: this.name, peer: peer.label, role: peer.role }, 'refused a write without the right to write')
          return
        }
        this.applyFromPeer(peer, payload)
        return
      default:
        throw new BadMessageError(`unknown sync message type ${syncType}`)
    }
  }

  /**
   * Sync step 2 for a client that has `stateVector`. For a new client (empty
   * state vector) the whole message is cached between edits, so a crowd
   * joining at once costs one encoding, not one per person.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0
    if (!isEmpty) return syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector))
    this.fullStateMessage ??= syncStep2Message(Y.encodeStateAsUpdate(this.doc))
    return this.fullStateMessage
  }

  /**
   * Applies a client's update, then stores and relays exactly what changed.
   * Yjs reports the effective change through the doc's update event, so a
   * resent or partly known update stores only what is new.
   */
  private applyFromPeer(peer: Peer, update: Uint8Array): void {
    if (this.failed) throw new StorageFailedError('storage failed for this workshop')
    this.collected = []
    try {
      Y.applyUpdate(this.doc, update, peer)
    } finally {
      const changes = this.collected
      this.collected = []
      for (const change of changes) this.storeAndRelay(change, peer)
    }
  }

  /** Applies an update made by the server itself (a reveal, an import), stored and relayed like a client's. */
  applyServerUpdate(update: Uint8Array): void {
    if (this.failed) throw new StorageFailedError('storage failed for this workshop')
    this.collected = []
    Y.applyUpdate(this.doc, update, 'server')
    const changes = this.collected
    this.collected = []
    for (const change of changes) this.storeAndRelay(change, null)
  }

  private storeAndRelay(update: Uint8Array, from: Peer | null): void {
    if (this.failed) return
    try {
      this.lastSeq = this.store.append(this.name, update)
    } catch (error) {
      this.failed = true
      this.onStorageFailure(this, error)
      return
    }
    const message = syncUpdateMessage(update)
    for (const p of this.peers) if (p !== from) p.send(message)
    if (++this.sinceCompact >= COMPACT_EVERY) this.compact()
  }

  compact(): void {
    if (this.failed || this.sinceCompact === 0) return
    try {
      this.store.compact(this.name, this.doc, this.lastSeq)
      this.sinceCompact = 0
    } catch (error) {
      // The log still holds every update; compaction is only an optimisation.
      this.log.error({ room: this.name, err: error }, 'compaction failed')
    }
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin && typeof origin === 'object' && this.peers.has(origin as Peer) ? (origin as Peer) : null
    if (peer) {
      for (const id of added) peer.clientIds.add(id)
      for (const id of removed) peer.clientIds.delete(id)
      for (const id of added) this.presenceOwner.set(id, peer)
      for (const id of updated) this.presenceOwner.set(id, peer)
    }
    for (const id of removed) this.presenceOwner.delete(id)
    for (const id of added) this.pendingPresence.add(id)
    for (const id of updated) this.pendingPresence.add(id)
    for (const id of removed) this.pendingPresence.add(id)
    this.schedulePresenceFlush()
  }

  /**
   * Presence is fanned out in batches: one encoded message carries every
   * change since the last flush and is sent once to each peer, so a burst of
   * N cursor moves costs N sends instead of N².
   */
  private schedulePresenceFlush(): void {
    if (this.presenceTimer || this.destroyed) return
    const delay = this.peers.size >= AWARENESS_BATCH_FROM ? AWARENESS_BATCH_MS : 0
    this.presenceTimer = setTimeout(this.flushPresence, delay)
  }

  private flushPresence = (): void => {
    this.presenceTimer = null
    if (this.pendingPresence.size === 0 || this.destroyed) return
    const ids = [...this.pendingPresence]
    this.pendingPresence.clear()
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
    // A batch of one socket's own states need not go back to it.
    const owner = this.soleOwner(ids)
    for (const p of this.peers) if (p !== owner) p.send(message)
  }

  private soleOwner(ids: number[]): Peer | null {
    const owner = this.presenceOwner.get(ids[0])
    if (!owner) return null
    for (const id of ids) if (this.presenceOwner.get(id) !== owner) return null
    return owner
  }

  /** Stores what is not yet compacted and frees the document. */
  destroy(): void {
    if (this.destroyed) return
    this.compact()
    this.discard()
  }

  /** Frees the document without storing anything (the workshop was deleted, or storage failed). */
  discard(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
