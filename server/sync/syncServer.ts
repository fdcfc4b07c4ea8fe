import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type * as Y from 'yjs'
import {
  CLOSE_BAD_MESSAGE,
  CLOSE_BAD_TOKEN,
  CLOSE_NO_KEY,
  CLOSE_REVOKED,
  CLOSE_STORAGE_FAILED,
  CLOSE_TOO_MANY_REFUSED,
  CLOSE_UNKNOWN_WORKSHOP,
  CLOSE_WRONG_KEY,
  SYNC_PATH,
  WORKSHOP_ID_PATTERN,
} from '../../workshops/doc/wire'
import { roleForKey, type Role } from '../auth/roles'
import type { Log } from '../log'
import type { DocStore } from '../store/docStore'
import type { WorkshopStore } from '../store/workshopStore'
import type { DocLimits } from '../../workshops/rules/limits'
import { channelKind, CHANNELS, docName, privateChannel } from './channels'
import { DocGuard } from './guard/docGuard'
import type { RefusalSet } from './guard/refusalSet'
import { noticeMessage } from './messages'
import { Peer } from './peer'
import { Room } from './room'
import type { Seats } from './seats'

const REFUSAL_WINDOW_MS = 60_000

export interface SyncOptions {
  maxMessageBytes: number
  /** How long an empty room stays in memory before it is stored and unloaded. */
  unloadAfterMs: number
  pingIntervalMs: number
  isAllowedOrigin: (origin: string | undefined, req: IncomingMessage) => boolean
  limits: DocLimits
  /** Refused writes a socket may send in a minute before it is closed (CLOSE_TOO_MANY_REFUSED). */
  maxRefusedPerMinute: number
}

interface Target {
  workshopId: string
  channel: string
  key: string | null
  token: string | null
  seat: string | null
  /** The client understands MSG_NOTICE (`notices=1`); others would log each one as an unknown message. */
  notices: boolean
}

/** Whether the facilitator has locked a workshop's board (read from its control document). */
export type BoardLockReader = (workshopId: string) => boolean

function parseTarget(req: IncomingMessage): Target | null {
  const url = new URL(req.url ?? '/', 'http://x')
  if (!url.pathname.startsWith(SYNC_PATH)) return null
  const [workshopId, channel = 'board', ...rest] = url.pathname.slice(SYNC_PATH.length).split('/')
  // hasOwn, not `in`: "toString" or "__proto__" must not pass for a channel.
  if (rest.length > 0 || !WORKSHOP_ID_PATTERN.test(workshopId) || !Object.hasOwn(CHANNELS, channel)) return null
  const params = url.searchParams
  return {
    workshopId,
    channel,
    key: params.get('key'),
    token: params.get('token'),
    seat: params.get('seat'),
    notices: params.get('notices') === '1',
  }
}

/**
 * The y-websocket endpoint. Owns the rooms (loaded on first connect,
 * unloaded a while after the last socket leaves) and every socket.
 */
export class SyncServer {
  private readonly wss: WebSocketServer
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly pingTimer: NodeJS.Timeout
  private nextPeer = 1
  private boardLocked: BoardLockReader = () => false

  constructor(
    private readonly docs: DocStore,
    private readonly workshops: WorkshopStore,
    private readonly log: Log,
    private readonly options: SyncOptions,
    private readonly seats: Seats,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
    this.pingTimer = setInterval(this.pingAll, options.pingIntervalMs)
    this.pingTimer.unref()
  }

  /** For tests and metrics: how many documents are in memory. */
  get loadedRoomCount(): number {
    return this.rooms.size
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const target = parseTarget(req)
    if (!target) return refuse(socket, 404, 'Not Found')
    if (!this.options.isAllowedOrigin(req.headers.origin, req)) {
      this.log.warn({ origin: req.headers.origin }, 'refused a WebSocket upgrade from a foreign origin')
      return refuse(socket, 403, 'Forbidden')
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, target))
  }

  private accept(ws: WebSocket, target: Target): void {
    // Without an error listener a protocol error (an oversized frame) would crash the process.
    ws.on('error', (err) => this.log.warn({ err: err.message }, 'socket error'))
    ws.binaryType = 'nodebuffer'
    if (!target.key) return ws.close(CLOSE_NO_KEY, 'missing key')
    const workshop = this.workshops.get(target.workshopId)
    if (!workshop) return ws.close(CLOSE_UNKNOWN_WORKSHOP, 'unknown workshop')
    const role = roleForKey(workshop, target.key)
    if (!role) return ws.close(CLOSE_WRONG_KEY, 'wrong key')

    const channel = CHANNELS[target.channel].perToken ? privateChannel(target.token) : target.channel
    if (!channel) return ws.close(CLOSE_BAD_TOKEN, 'missing or malformed token')
    const name = docName(target.workshopId, channel)
    let room: Room
    try {
      room = this.openRoom(target.workshopId, channel)
    } catch (error) {
      this.log.error({ room: name, err: error }, 'could not load the workshop document')
      return ws.close(CLOSE_STORAGE_FAILED, 'could not load the workshop')
    }
    const canWrite = CHANNELS[target.channel].write.includes(role)
    const peer = new Peer(ws, role, canWrite, `p${this.nextPeer++}`, target.notices)
    if (target.channel === 'board') {
      peer.seat = this.seats.isValid(target.workshopId, target.seat) ? target.seat : this.seats.issue(target.workshopId)
    }
    room.addPeer(peer)
    if (peer.seat) peer.notify(noticeMessage({ type: 'seat', seat: peer.seat }))

    ws.on('pong', () => {
      peer.alive = true
    })
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return peer.close(CLOSE_BAD_MESSAGE, 'binary messages only')
      try {
        room.handleMessage(peer, toUint8Array(data))
      } catch (error) {
        if (room.isFailed) return peer.close(CLOSE_STORAGE_FAILED, 'storage failed')
        this.log.warn({ room: name, peer: peer.label, err: (error as Error).message }, 'closed a socket that sent a bad message')
        peer.close(CLOSE_BAD_MESSAGE, 'bad message')
      }
    })
    ws.on('close', () => {
      room.removePeer(peer)
      if (room.peers.size === 0) this.scheduleUnload(name, room)
    })
  }

  private openRoom(workshopId: string, channel: string): Room {
    const name = docName(workshopId, channel)
    const timer = this.unloadTimers.get(name)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(name)
    }
    const existing = this.rooms.get(name)
    if (existing) return existing
    const loaded = this.docs.load(name)
    const policy = CHANNELS[channelKind(channel)]?.policy
    const limits = this.options.limits
    const guard = policy ? new DocGuard(loaded.ydoc, policy, { workshopId, limits, boardLocked: () => this.boardLocked(workshopId) }) : null
    const room = new Room(name, loaded.ydoc, loaded, this.docs, this.log, this.onStorageFailure, {
      guard,
      limits,
      onRefused: this.onRefused,
    })
    this.rooms.set(name, room)
    return room
  }

  /**
   * A peer's edit was (partly) refused: the room has already taken it back.
   * The peer hears why; the log hears once a minute per socket, with a count;
   * a socket that keeps at it is closed.
   */
  private onRefused = (peer: Peer, refused: RefusalSet): void => {
    peer.notify(noticeMessage({ type: 'refused', ...refused.toJSON() }))
    const now = Date.now()
    if (now - peer.refusalWindowStart > REFUSAL_WINDOW_MS) {
      if (peer.refusedInWindow > 0 || peer.refusalWindowStart === 0) {
        this.log.warn({ peer: peer.label, role: peer.role, reasons: Object.fromEntries(refused.reasons), refusedLastMinute: peer.refusedInWindow }, 'refused writes')
      }
      peer.refusalWindowStart = now
      peer.refusedInWindow = 0
    }
    if (++peer.refusedInWindow > this.options.maxRefusedPerMinute) {
      this.log.warn({ peer: peer.label, role: peer.role }, 'closed a socket that kept sending refused writes')
      peer.close(CLOSE_TOO_MANY_REFUSED, 'too many refused writes')
    }
  }

  private scheduleUnload(name: string, room: Room): void {
    // A room that already left (storage failed, workshop deleted) must not take the timer
    // slot of the room now loaded under its name: that room would then never be unloaded.
    if (this.rooms.get(name) !== room || this.unloadTimers.has(name)) return
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name)
      if (this.rooms.get(name) === room && room.peers.size === 0) {
        this.rooms.delete(name)
        room.destroy()
      }
    }, this.options.unloadAfterMs)
    this.unloadTimers.set(name, timer)
  }

  /**
   * The store refused a write: drop the room without storing it, so the
   * unsaved change is neither relayed nor kept. Clients reconnect and resend
   * their edits once storage works again.
   */
  private onStorageFailure = (room: Room, error: unknown): void => {
    this.log.error({ room: room.name, err: error }, 'storage failed: the workshop accepts no edits until it works again')
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name)
    for (const peer of room.peers) peer.close(CLOSE_STORAGE_FAILED, 'storage failed')
    room.discard()
  }

  /** Applies a server-made update to a workshop document, loading it if needed. */
  applyServerUpdate(workshopId: string, channel: string, update: Uint8Array): void {
    this.withRoom(workshopId, channel, (room) => room.applyServerUpdate(update))
  }

  /** Edits a workshop document as the server, in one transaction, stored and relayed to everyone. */
  editAsServer(workshopId: string, channel: string, edit: (doc: Y.Doc) => void): void {
    this.withRoom(workshopId, channel, (room) => room.editAsServer(edit))
  }

  /** Reads a workshop document (the live one, or loaded from the store); `read` must not change it. */
  withDoc<T>(workshopId: string, channel: string, read: (doc: Y.Doc) => T): T {
    return this.withRoom(workshopId, channel, (room) => read(room.doc))
  }

  private withRoom<T>(workshopId: string, channel: string, use: (room: Room) => T): T {
    const room = this.openRoom(workshopId, channel)
    try {
      return use(room)
    } finally {
      if (room.peers.size === 0) this.scheduleUnload(room.name, room)
    }
  }

  /** Tells the guards whether a workshop's board is locked (the facilitation service knows). */
  setBoardLockReader(reader: BoardLockReader): void {
    this.boardLocked = reader
  }

  /** Whether `seat` is valid for the workshop and a board connection holding it is open now. */
  isSeatOnline(workshopId: string, seat: string): boolean {
    if (!this.seats.isValid(workshopId, seat)) return false
    const room = this.rooms.get(docName(workshopId, 'board'))
    if (!room) return false
    for (const peer of room.peers) if (peer.seat === seat) return true
    return false
  }

  /** Who is on a workshop's board now: each board connection's seat, role and presence states (as the presence gate let them in). */
  boardPresence(workshopId: string): Array<{ seat: string; role: Role; states: unknown[] }> {
    const room = this.rooms.get(docName(workshopId, 'board'))
    if (!room) return []
    const states = room.awareness.getStates()
    const out: Array<{ seat: string; role: Role; states: unknown[] }> = []
    for (const peer of room.peers) {
      if (peer.seat) out.push({ seat: peer.seat, role: peer.role, states: [...peer.clientIds].map((id) => states.get(id)).filter((s) => s !== undefined) })
    }
    return out
  }

  /** Closes the sockets of one role in a workshop (its participant link was replaced). */
  disconnectRole(workshopId: string, role: Role): void {
    for (const room of this.roomsOf(workshopId)) {
      for (const peer of room.peers) if (peer.role === role) peer.close(CLOSE_REVOKED, 'access revoked')
    }
  }

  /** Closes every socket of a deleted workshop and frees its rooms without storing them. */
  discardWorkshop(workshopId: string): void {
    for (const room of this.roomsOf(workshopId)) {
      for (const peer of room.peers) peer.close(CLOSE_REVOKED, 'workshop deleted')
      this.rooms.delete(room.name)
      const timer = this.unloadTimers.get(room.name)
      if (timer) clearTimeout(timer)
      this.unloadTimers.delete(room.name)
      room.discard()
    }
  }

  private roomsOf(workshopId: string): Room[] {
    return [...this.rooms.values()].filter((r) => r.name === workshopId || r.name.startsWith(`${workshopId}/`))
  }

  private pingAll = (): void => {
    for (const room of this.rooms.values()) {
      for (const peer of room.peers) {
        if (!peer.alive) {
          peer.socket.terminate()
          continue
        }
        peer.alive = false
        peer.socket.ping()
      }
    }
  }

  /** Stores and frees every room and closes every socket. */
  close(): void {
    clearInterval(this.pingTimer)
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    for (const room of this.rooms.values()) {
      for (const peer of room.peers) peer.socket.terminate()
      room.destroy()
    }
    this.rooms.clear()
    this.wss.close()
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}
