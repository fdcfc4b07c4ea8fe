import WebSocket from 'ws'
import type { Role } from '../auth/roles'
import { TokenBucket } from './tokenBucket'

/** Above this many unsent bytes a client is too slow to keep up; it is dropped and will resync. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024

/** One connected socket in one room. The SyncServer owns it and closes it. */
export class Peer {
  /** Awareness client ids this socket has announced, removed when it leaves. */
  readonly clientIds = new Set<number>()
  readonly presenceBucket = new TokenBucket()
  alive = true
  /** Bytes of not-yet-applicable updates this socket has caused, over its life. */
  pendingBytes = 0
  /** Refused writes in the current minute, and when that minute began. */
  refusedInWindow = 0
  refusalWindowStart = 0
  /** The seat of a board connection (see seats.ts); null on other documents. */
  seat: string | null = null

  constructor(
    readonly socket: WebSocket,
    readonly role: Role,
    readonly canWrite: boolean,
    readonly label: string,
    /** Whether this client asked for notices (MSG_NOTICE). */
    private readonly wantsNotices = false,
  ) {}

  /** Sends a notice (MSG_NOTICE) if the client understands them. */
  notify(message: Uint8Array): void {
    if (this.wantsNotices) this.send(message)
  }

  send(message: Uint8Array): void {
    const s = this.socket
    if (s.readyState !== WebSocket.OPEN) return
    if (s.bufferedAmount > MAX_BUFFERED_BYTES) {
      s.terminate()
      return
    }
    // No callback per send: a failed write surfaces as the socket's 'error' and 'close', which drop the peer.
    s.send(message)
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason)
    }
  }
}
