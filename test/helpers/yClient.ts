import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MSG_NOTICE, type Notice } from '../../workshops/doc/wire'

export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close events seen by this client, newest last. */
  closes: number[]
  /** Notices the server sent (only with `notices: true`), oldest first. */
  notices: Notice[]
  destroy(): void
}

/** A real y-websocket client in Node, as any employer's script would use. */
export function connectClient(
  wsUrl: string,
  room: string,
  key: string | null,
  opts: { reconnect?: boolean; notices?: boolean; params?: Record<string, string> } = {},
): YClient {
  const doc = new Y.Doc()
  const closes: number[] = []
  const notices: Notice[] = []
  const provider = new WebsocketProvider(`${wsUrl}/sync`, room, doc, {
    params: { ...(key === null ? {} : { key }), ...(opts.notices ? { notices: '1' } : {}), ...opts.params },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 300,
    shouldReconnect: () => opts.reconnect ?? true,
  })
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  provider.messageHandlers[MSG_NOTICE] = (_encoder, decoder) => {
    notices.push(JSON.parse(decoding.readVarString(decoder)) as Notice)
  }
  return {
    doc,
    provider,
    closes,
    notices,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export function waitForSync(client: YClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, 'sync', timeoutMs)
}
