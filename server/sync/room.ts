import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { DocLimits } from '../../workshops/rules/limits'
import type { Log } from '../log'
import type { DocStore } from '../store/docStore'
import type { DocGuard, Writer } from './guard/docGuard'
import { pendingBytes, restorePending, savePending, withoutPending } from './guard/pending'
import { RefusalSet } from './guard/refusalSet'
import { skimUpdate } from './guard/updateSkim'
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
import { PresenceGate } from './presenceGate'

/** Fold the update log into the state row after this many appended updates. */
const COMPACT_EVERY = 500
/** From this many peers on, presence changes are batched over a short window. */
const AWARENESS_BATCH_FROM = 5
const AWARENESS_BATCH_MS = 40
/** Delete ranges a message may carry beyond the structs the document and the message hold (a sync step 2 carries its sender's whole delete set). */
const DELETE_RANGE_SLACK = 10_000
/** Structs (items and deletions) one message may add: far above what a person's offline edits make. */
const MAX_STRUCTS_PER_MESSAGE = 50_000

export class StorageFailedError extends Error {}

export interface RoomOptions {
  /** Judges every edit; null for a document nobody may write but the server. */
  guard: DocGuard | null
  limits: DocLimits
  /** A peer's write was refused (counted, logged and maybe closed by the owner of the sockets). */
  onRefused: (peer: Peer, refused: RefusalSet) => void
}

/**
 * One live document and the sockets editing it. Every update a peer sends is
 * judged by the document's guard in the transaction that applies it; what
 * remains is appended to the store before it is relayed. If the store fails,
 * the room stops (see `onStorageFailure`) rather than relay what it could not keep.
 */
export class Room {
  readonly peers = new Set<Peer>()
  readonly awareness: awarenessProtocol.Awareness
  private readonly presence: PresenceGate
  private lastSeq: number
  private sinceCompact: number
  /** Sync step 2 for a client that has nothing yet, encoded once between edits. */
  private fullStateMessage: Uint8Array | null = null
  /** What the document holds, for telling a read-only peer's catch-up from an edit; made once between edits. */
  private snapshot: Y.Snapshot | null = null
  private collected: Uint8Array[] = []
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
    private readonly options: RoomOptions,
  ) {
    this.lastSeq = loaded.lastSeq
    this.sinceCompact = loaded.pendingUpdates
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    this.presence = new PresenceGate(this.awareness, this.schedulePresenceFlush)
    doc.on('update', (update: Uint8Array) => {
      this.fullStateMessage = null
      this.snapshot = null
      this.collected.push(update)
    })
    // A document from before the rules may hold duplicates or junk; the guard's clean-up is stored like any edit.
    options.guard?.init()
    this.flush(null)
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
    this.presence.forget(peer)
  }

  /** Handles one message from `peer`. Throws BadMessageError (or a decoding error) on garbage. */
  handleMessage(peer: Peer, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MSG_SYNC:
        return this.handleSync(peer, decoder)
      case MSG_AWARENESS:
        return this.presence.receive(peer, decoding.readVarUint8Array(decoder))
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
        if (!peer.canWrite || !this.options.guard) return this.checkReadOnly(peer, payload)
        this.applyFromPeer(peer, payload)
        return
      default:
        throw new BadMessageError(`unknown sync message type ${syncType}`)
    }
  }

  /**
   * A peer that may not write still answers our sync step 1 with everything
   * it has. That catch-up changes nothing and passes silently; anything that
   * would change the document is refused (and counted) without being applied.
   */
  private checkReadOnly(peer: Peer, update: Uint8Array): void {
    this.snapshot ??= Y.snapshot(this.doc)
    if (Y.snapshotContainsUpdate(this.snapshot, update)) return
    const refused = new RefusalSet()
    refused.add('server-only')
    this.options.onRefused(peer, refused)
  }

  /**
   * Sync step 2 for a client that has `stateVector`. For a new client (empty
   * state vector) the whole message is cached between edits, so a crowd
   * joining at once costs one encoding, not one per person. Updates that
   * could not be applied yet stay on the server and go to nobody.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0
    if (!isEmpty) return syncStep2Message(withoutPending(this.doc, () => Y.encodeStateAsUpdate(this.doc, stateVector)))
    this.fullStateMessage ??= syncStep2Message(withoutPending(this.doc, () => Y.encodeStateAsUpdate(this.doc)))
    return this.fullStateMessage
  }

  /** Whether a message is refused whole, before Yjs spends any work on it. */
  private tooCostly(update: Uint8Array): boolean {
    let known = -1
    const shape = skimUpdate(update, {
      maxStructs: MAX_STRUCTS_PER_MESSAGE,
      maxDeleteRanges: (structs) => {
        if (known < 0) {
          known = 0
          for (const s of this.doc.store.clients.values()) known += s.length
        }
        return known + structs + DELETE_RANGE_SLACK
      },
    })
    if (!shape) return true
    // Deletions of what the server has never seen wait in memory until it arrives, which in our star never happens.
    const beyond = shape.deleteRanges === 0 ? 0 : shape.deletesBeyond((client) => Y.getState(this.doc.store, client))
    return beyond * 4 > this.options.limits.maxPendingBytesPerSocket
  }

  /**
   * Applies a client's update under its guard, then stores and relays
   * exactly what remains. Yjs reports the effective change through the doc's
   * update event, so a resent or partly known update stores only what is new.
   * When the guard took something back, the sender gets the result too, so
   * its copy matches everyone's without a reload.
   */
  private applyFromPeer(peer: Peer, update: Uint8Array): void {
    if (this.failed) throw new StorageFailedError('storage failed for this workshop')
    if (this.tooCostly(update)) {
      const refused = new RefusalSet()
      refused.add('message-too-large')
      return this.options.onRefused(peer, refused)
    }
    const pending = savePending(this.doc.store)
    let refused: RefusalSet
    try {
      refused = this.transact(peer.role, peer, () => Y.applyUpdate(this.doc, update, peer))
    } catch (error) {
      this.flush(peer)
      throw error
    }
    const grown = pendingBytes(this.doc.store) - pending.bytes
    if (grown > 0) {
      peer.pendingBytes += grown
      const limits = this.options.limits
      if (peer.pendingBytes > limits.maxPendingBytesPerSocket || pendingBytes(this.doc.store) > limits.maxPendingBytesPerRoom) {
        restorePending(this.doc.store, pending)
        refused.add('message-too-large')
      }
    }
    // The sender is spared its own edit, unless the result holds more than it sent: what the guard changed, or
    // another socket's update that was waiting for this one (pending) and is applied with it.
    this.flush(refused.adjusted || pending.bytes > 0 ? null : peer)
    if (refused.size > 0) this.options.onRefused(peer, refused)
  }

  /**
   * Runs `apply` in one transaction judged by the guard. If the guard itself
   * fails, nothing of the transaction may be kept: the room stops as on a
   * storage failure and is loaded again from the store.
   */
  private transact(writer: Writer, origin: unknown, apply: (tr: Y.Transaction) => void): RefusalSet {
    let refused = new RefusalSet()
    let guardError: unknown = null
    this.collected = []
    try {
      Y.transact(
        this.doc,
        (tr) => {
          try {
            apply(tr)
          } finally {
            try {
              if (this.options.guard) refused = this.options.guard.review(tr, writer)
            } catch (error) {
              guardError = error
            }
          }
        },
        origin,
        // A server edit is local; a peer's update is applied as remote, as Yjs does.
        writer === 'server',
      )
    } finally {
      if (guardError) {
        this.collected = []
        this.failed = true
        this.onStorageFailure(this, guardError)
      }
    }
    if (guardError) throw new StorageFailedError('the edit could not be judged')
    return refused
  }

  /** Applies an update made by the server itself (an import), stored and relayed like a client's. */
  applyServerUpdate(update: Uint8Array): void {
    this.editAsServer(() => Y.applyUpdate(this.doc, update, 'server'))
  }

  /** Edits the live document as the server (reveal, votes, carry-over): one transaction, stored and relayed to everyone. */
  editAsServer(edit: (doc: Y.Doc) => void): void {
    if (this.failed) throw new StorageFailedError('storage failed for this workshop')
    this.transact('server', 'server', () => edit(this.doc))
    this.flush(null)
  }

  /** Stores and relays what the last transaction produced; `from` does not get its own edit back. */
  private flush(from: Peer | null): void {
    const changes = this.collected
    this.collected = []
    for (const change of changes) this.storeAndRelay(change, from)
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
      withoutPending(this.doc, () => this.store.compact(this.name, this.doc, this.lastSeq))
      this.sinceCompact = 0
    } catch (error) {
      // The log still holds every update; compaction is only an optimisation.
      this.log.error({ room: this.name, err: error }, 'compaction failed')
    }
  }

  /**
   * Presence is fanned out in batches: one encoded message carries every
   * change since the last flush and is sent once to each peer, so a burst of
   * N cursor moves costs N sends instead of N².
   */
  private schedulePresenceFlush = (): void => {
    if (this.presenceTimer || this.destroyed) return
    const delay = this.peers.size >= AWARENESS_BATCH_FROM ? AWARENESS_BATCH_MS : 0
    this.presenceTimer = setTimeout(this.flushPresence, delay)
  }

  private flushPresence = (): void => {
    this.presenceTimer = null
    if (this.destroyed) return
    const batch = this.presence.takeBatch()
    if (!batch) return
    const message = awarenessMessage(batch.update)
    // A batch of one socket's own states need not go back to it.
    for (const p of this.peers) if (p !== batch.soleOwner) p.send(message)
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
