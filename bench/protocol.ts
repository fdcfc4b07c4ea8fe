/** Messages between the bench orchestrator (run.ts) and its client processes (worker.ts). */

/** Where a y-websocket client connects: `${serverUrl}/${room}?${params}`. */
export interface RoomAddress {
  serverUrl: string
  room: string
  params: Record<string, string>
}

export interface ClientSpec extends RoomAddress {
  /** Index of the client in its group; edits are scheduled by it. */
  idx: number
  /** Wall-clock time (common clock) at which to open the connection; now if absent. */
  startAt?: number
}

export type Command =
  /** The worker's clock, to measure its offset from the orchestrator's. */
  | { cmd: 'clock' }
  | { cmd: 'setOffset'; offset: number }
  /** Opens the clients and waits until each is synced (or the timeout). */
  | { cmd: 'connect'; group: string; clients: ClientSpec[]; awareness: boolean; timeoutMs: number }
  /**
   * Edit number i (0 ≤ i < durationMs / intervalMs) is written at startAt + i·intervalMs by
   * client i mod totalClients, wherever it lives; every client records when the others' edits arrive.
   */
  | { cmd: 'load'; group: string; tag: string; startAt: number; durationMs: number; intervalMs: number; totalClients: number; graceMs: number }
  /** Client `idx` (or every client of the group) writes `count` cards, one transaction each. */
  | { cmd: 'fill'; group: string; idx?: number; count: number; tag: string }
  | { cmd: 'edit'; group: string; idx: number; key: string }
  /** A new client joins; answers how long until it was synced and held `expectCards` cards. */
  | { cmd: 'join'; client: ClientSpec; expectCards: number; timeoutMs: number }
  | { cmd: 'close'; group: string }
  | { cmd: 'exit' }

export type Request = Command & { id: number }

export interface ConnectReply {
  synced: number
  failed: number
  /** Per synced client: ms from opening the socket to synced. */
  syncMs: number[]
  /** Common-clock time at which the last client became synced. */
  lastSyncedAt: number
}

export interface LoadReply {
  sent: number
  /** Per delivery (an edit arriving at one other client): the edit's send time and its latency in ms. */
  sentAt: number[]
  latency: number[]
  /** Per edit seen here: [edit number, deliveries here, slowest delivery here]. */
  perEdit: Array<[number, number, number]>
}

export type Reply = { id: number; ok: true; data: unknown } | { id: number; ok: false; error: string }

/** Name of the shared map the bench writes its cards to. */
