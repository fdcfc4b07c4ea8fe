import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  CLOSE_NO_KEY,
  CLOSE_REVOKED,
  CLOSE_STORAGE_FAILED,
  CLOSE_TOO_MANY_REFUSED,
  CLOSE_UNKNOWN_WORKSHOP,
  CLOSE_WRONG_KEY,
  FINAL_CLOSE_CODES,
  SYNC_PATH,
} from '../../workshops/doc/wire'
import { listenForNotices, type RefusalNotice } from './notices'

export type SyncStatus = 'connecting' | 'connected' | 'offline' | 'denied' | 'not-found' | 'storage-failed' | 'too-many-refused'

export interface WorkshopSync {
  doc: Y.Doc
  provider: WebsocketProvider
  status: Accessor<SyncStatus>
  /** True once the first full exchange with the server is done. */
  synced: Accessor<boolean>
  /** The last edit of ours the server took back, and why. */
  refusal: Accessor<RefusalNotice | null>
  /** The seat the server gave this connection (board only): what votes count by. */
  seat: Accessor<string | null>
}

export function syncServerUrl(): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${proto}//${location.host}${SYNC_PATH.replace(/\/$/, '')}`
}

function statusForClose(code: number): SyncStatus | null {
  if (code === CLOSE_NO_KEY || code === CLOSE_WRONG_KEY || code === CLOSE_REVOKED) return 'denied'
  if (code === CLOSE_UNKNOWN_WORKSHOP) return 'not-found'
  if (code === CLOSE_STORAGE_FAILED) return 'storage-failed'
  if (code === CLOSE_TOO_MANY_REFUSED) return 'too-many-refused'
  return null
}

const seatKey = (workshopId: string) => `samverkstad.seat.${workshopId}`

function storedSeat(workshopId: string): string | null {
  try {
    return sessionStorage.getItem(seatKey(workshopId))
  } catch {
    return null
  }
}

/**
 * One workshop document and its connection, owned by the calling component:
 * created here, destroyed in its cleanup. `channel` is '' for the board.
 * A refused edit does not end the connection: the server takes it back in
 * the document (so this copy follows by itself) and says why in a notice.
 */
export function createWorkshopSync(workshopId: string, key: string, channel = '', extraParams: Record<string, string> = {}): WorkshopSync {
  const doc = new Y.Doc()
  const room = channel ? `${workshopId}/${channel}` : workshopId
  const seatParam = channel ? null : storedSeat(workshopId)
  const provider = new WebsocketProvider(syncServerUrl(), room, doc, {
    params: { key, notices: '1', ...extraParams, ...(seatParam ? { seat: seatParam } : {}) },
    disableBc: true,
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code),
  })
  const [status, setStatus] = createSignal<SyncStatus>('connecting')
  const [synced, setSynced] = createSignal(false)
  const [refusal, setRefusal] = createSignal<RefusalNotice | null>(null)
  const [seat, setSeat] = createSignal<string | null>(seatParam)

  listenForNotices(provider, {
    refused: setRefusal,
    seat: (s) => {
      setSeat(s)
      // The next connection (after a network drop) brings the same seat back.
      provider.params.seat = s
      try {
        sessionStorage.setItem(seatKey(workshopId), s)
      } catch {
        // Private mode: the seat lasts as long as this page.
      }
    },
  })
  provider.on('status', ({ status: s }) => {
    if (s === 'connected') setStatus('connected')
    else if (status() === 'connected' || status() === 'connecting') setStatus(s === 'connecting' ? 'connecting' : 'offline')
  })
  provider.on('connection-close', (event) => {
    const final = event ? statusForClose(event.code) : null
    setStatus(final ?? 'offline')
  })
  provider.on('sync', (isSynced) => {
    if (isSynced) setSynced(true)
  })

  onCleanup(() => {
    provider.destroy()
    doc.destroy()
  })
  return { doc, provider, status, synced, refusal, seat }
}
