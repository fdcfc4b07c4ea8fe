import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  CLOSE_NO_KEY,
  CLOSE_REVOKED,
  CLOSE_STORAGE_FAILED,
  CLOSE_UNKNOWN_WORKSHOP,
  CLOSE_WRITE_REFUSED,
  CLOSE_WRONG_KEY,
  FINAL_CLOSE_CODES,
  SYNC_PATH,
} from '../../workshops/doc/wire'

export type SyncStatus = 'connecting' | 'connected' | 'offline' | 'denied' | 'not-found' | 'storage-failed' | 'write-refused'

export interface WorkshopSync {
  doc: Y.Doc
  provider: WebsocketProvider
  status: Accessor<SyncStatus>
  /** True once the first full exchange with the server is done. */
  synced: Accessor<boolean>
}

export function syncServerUrl(): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${proto}//${location.host}${SYNC_PATH.replace(/\/$/, '')}`
}

function statusForClose(code: number): SyncStatus | null {
  if (code === CLOSE_NO_KEY || code === CLOSE_WRONG_KEY || code === CLOSE_REVOKED) return 'denied'
  if (code === CLOSE_UNKNOWN_WORKSHOP) return 'not-found'
  if (code === CLOSE_STORAGE_FAILED) return 'storage-failed'
  if (code === CLOSE_WRITE_REFUSED) return 'write-refused'
  return null
}

/**
 * One workshop document and its connection, owned by the calling component:
 * created here, destroyed in its cleanup. `channel` is '' for the board.
 */
export function createWorkshopSync(workshopId: string, key: string, channel = '', extraParams: Record<string, string> = {}): WorkshopSync {
  const doc = new Y.Doc()
  const room = channel ? `${workshopId}/${channel}` : workshopId
  const provider = new WebsocketProvider(syncServerUrl(), room, doc, {
    params: { key, ...extraParams },
    disableBc: true,
    // After a refused write the local document holds edits the server will never take: the page must reload.
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code) && event.code !== CLOSE_WRITE_REFUSED,
  })
  const [status, setStatus] = createSignal<SyncStatus>('connecting')
  const [synced, setSynced] = createSignal(false)

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
  return { doc, provider, status, synced }
}
