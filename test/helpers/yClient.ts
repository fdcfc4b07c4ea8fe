import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close events seen by this client, newest last. */
  closes: number[]
  destroy(): void
}

/** A real y-websocket client in Node, as any employer's script would use. */
export function connectClient(wsUrl: string, room: string, key: string | null, opts: { reconnect?: boolean } = {}): YClient {
  const doc = new Y.Doc()
  const closes: number[] = []
  const provider = new WebsocketProvider(`${wsUrl}/sync`, room, doc, {
    params: key === null ? {} : { key },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 300,
    shouldReconnect: () => opts.reconnect ?? true,
  })
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  return {
    doc,
    provider,
    closes,
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
