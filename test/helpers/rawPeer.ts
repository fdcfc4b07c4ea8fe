import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { BOARD_RECORDS } from '../../workshops/doc/layout'
import { MSG_NOTICE, type Notice } from '../../workshops/doc/wire'

/**
 * A hostile client: a bare socket that sends whatever bytes a test builds,
 * and keeps the notices and close code the server answers with.
 */
export interface RawPeer {
  ws: WebSocket
  notices: Notice[]
  closed: Promise<number>
  send(bytes: Uint8Array): void
  /** Sends a presence state under `clientId` (any id: the server decides whose it is). */
  sendPresence(clientId: number, clock: number, state: unknown): void
  close(): void
}

export function openRawPeer(wsUrl: string, path: string): Promise<RawPeer> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(`${wsUrl}${path}${path.includes('?') ? '&' : '?'}notices=1`)
    const notices: Notice[] = []
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)))
    ws.on('error', () => {})
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) === MSG_NOTICE) notices.push(JSON.parse(decoding.readVarString(d)))
    })
    ws.once('open', () =>
      ok({
        ws,
        notices,
        closed,
        send: (bytes) => ws.send(bytes),
        sendPresence(clientId, clock, state) {
          const inner = encoding.createEncoder()
          encoding.writeVarUint(inner, 1)
          encoding.writeVarUint(inner, clientId)
          encoding.writeVarUint(inner, clock)
          encoding.writeVarString(inner, JSON.stringify(state))
          const e = encoding.createEncoder()
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
          ws.send(encoding.toUint8Array(e))
        },
        close: () => ws.close(),
      }),
    )
    ws.once('unexpected-response', (_q, res) => fail(new Error(`status ${res.statusCode}`)))
  })
}

/** A sync update message (type 0, sub-type 2) with the given header encoding: 'plain', or varints padded to two bytes. */
export function updateMessage(update: Uint8Array, header: 'plain' | 'padded' = 'plain'): Uint8Array {
  const e = encoding.createEncoder()
  if (header === 'padded') {
    // 0 and 2 as two-byte varints (a continuation byte, then the rest): the same numbers to any varint reader.
    encoding.writeUint8(e, 0x80)
    encoding.writeUint8(e, 0x00)
    encoding.writeUint8(e, 0x82)
    encoding.writeUint8(e, 0x00)
  } else {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
  }
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** The update an edit of `doc` would make, computed on a copy: `doc` itself stays as it is. */
export function updateFor(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  edit(copy)
  const update = Y.encodeStateAsUpdate(copy, before)
  copy.destroy()
  return update
}

/** The id of the live entry holding `key` in the records array, and the id of the array's last item (to insert after). */
function locate(doc: Y.Doc, key: string): { entry: { client: number; clock: number } | null; last: { client: number; clock: number } | null } {
  let entry: { client: number; clock: number } | null = null
  let last: { client: number; clock: number } | null = null
  for (let item = doc.getArray(BOARD_RECORDS)._start; item; item = item.right) {
    last = { client: item.id.client, clock: item.id.clock + item.length - 1 }
    if (item.deleted) continue
    const values = item.content.getContent() as Array<{ key?: string }>
    values.forEach((v, i) => {
      if (v && v.key === key) entry = { client: item.id.client, clock: item.id.clock + i }
    })
  }
  return { entry, last }
}

/**
 * A record written as Yjs ContentJSON (content type 2), the older encoding
 * every reader still accepts: one new entry after the array's last item, and
 * (when `replace`) the deletion of the entry it replaces. Built byte by byte.
 */
export function contentJsonUpdate(doc: Y.Doc, record: { id: string }, opts: { replace: boolean; client?: number }): Uint8Array {
  const { entry, last } = locate(doc, record.id)
  if (!last) throw new Error('an empty records array')
  const client = opts.client ?? 1_000_000 + Math.floor(Math.random() * 1_000_000)
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, Y.getState(doc.store, client))
  encoding.writeUint8(e, 0x80 | 2) // has a left origin; content: JSON
  encoding.writeVarUint(e, last.client)
  encoding.writeVarUint(e, last.clock)
  encoding.writeVarUint(e, 1)
  encoding.writeVarString(e, JSON.stringify({ key: record.id, val: record }))
  if (opts.replace && entry) {
    const { client: c, clock } = entry
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, c)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, clock)
    encoding.writeVarUint(e, 1)
  } else {
    encoding.writeVarUint(e, 0)
  }
  return encoding.toUint8Array(e)
}

/** An update of nothing but `ranges` delete ranges of length 1 on `client`, at every second clock. */
export function deleteRangeFlood(client: number, ranges: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, ranges)
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(e, i * 2)
    encoding.writeVarUint(e, 1)
  }
  return encoding.toUint8Array(e)
}
