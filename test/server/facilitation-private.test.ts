import { randomBytes } from 'node:crypto'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { privateChannel } from '../../server/sync/channels'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { CLOSE_BAD_TOKEN } from '../../workshops/doc/wire'
import { readControl } from '../../workshops/facilitation/control'
import { startTestServer, type CreatedWorkshop, type TestServer } from '../helpers/testServer'
import { waitFor } from '../helpers/yClient'
import { card, frame } from '../unit/helpers/boardRecords'

let server: TestServer

interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: number[]
  /** Every byte the server sent this socket. */
  received: Buffer[]
  destroy(): void
}
const clients: Client[] = []

/** A raw y-websocket client that also keeps every message the server sent it. */
function connect(room: string, params: Record<string, string>, opts: { reconnect?: boolean } = {}): Client {
  const doc = new Y.Doc()
  const closes: number[] = []
  const received: Buffer[] = []
  class Recording extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data) => received.push(Buffer.from(data as Buffer)))
    }
  }
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, room, doc, {
    params,
    WebSocketPolyfill: Recording as never,
    disableBc: true,
    maxBackoffTime: 300,
    shouldReconnect: () => opts.reconnect ?? true,
  })
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  const c = {
    doc,
    provider,
    closes,
    received,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  clients.push(c)
  return c
}
const synced = (...cs: Client[]) => Promise.all(cs.map((c) => waitFor(() => c.provider.synced, 'sync')))
const newToken = () => randomBytes(16).toString('base64url')

test.before(async () => {
  // Each y-websocket provider adds a process exit listener; a session has eight.
  process.setMaxListeners(40)
  server = await startTestServer()
})
test.after.each(() => {
  for (const c of clients.splice(0)) c.destroy()
})
test.after(async () => {
  await server.close({ removeData: true })
})

const SECRET = 'Min chef frågade aldrig hur jag mådde (hemlig idé 7f3a)'

/** Whether `text` is anywhere in what a client holds or was ever sent. */
function holds(c: Client, text: string): boolean {
  return Buffer.from(Y.encodeStateAsUpdate(c.doc)).includes(text) || c.received.some((b) => b.includes(text))
}

const texts = (doc: Y.Doc) =>
  readBoardRecords(doc)
    .filter((r) => r.typeName === 'shape' && r.type === 'card')
    .map((r) => (r as unknown as { props: { text: string } }).props.text)

interface Session {
  w: CreatedWorkshop
  tokenA: string
  /** Participant A: board, control and private documents. */
  a: { board: Client; control: Client; priv: Client }
  /** Participant B: the same. */
  b: { board: Client; control: Client; priv: Client }
  facilitator: { board: Client; control: Client }
}

async function session(body: Record<string, unknown> = {}): Promise<Session> {
  const w = await server.createWorkshop({ method: 'ws3', ...body })
  const p = { key: w.participantKey }
  const tokenA = newToken()
  const s: Session = {
    w,
    tokenA,
    a: { board: connect(w.id, p), control: connect(`${w.id}/control`, p), priv: connect(`${w.id}/private`, { ...p, token: tokenA }) },
    b: { board: connect(w.id, p), control: connect(`${w.id}/control`, p), priv: connect(`${w.id}/private`, { ...p, token: newToken() }) },
    facilitator: {
      board: connect(w.id, { key: w.facilitatorKey }),
      control: connect(`${w.id}/control`, { key: w.facilitatorKey }),
    },
  }
  await synced(...Object.values(s.a), ...Object.values(s.b), ...Object.values(s.facilitator))
  return s
}

const reveal = (w: CreatedWorkshop, key = w.facilitatorKey) =>
  fetch(`${server.url}/api/workshops/${w.id}/reveal`, { method: 'POST', headers: { authorization: `Bearer ${key}` } })

test("a private card's text reaches no one else before the reveal, and everyone after it", async () => {
  const s = await session()
  // The facilitator's frame for the ideas, on the shared board.
  boardRecordStore(s.facilitator.board.doc).set('shape:ideas', frame('ideas', 'Idéer') as never)
  await waitFor(() => readBoardRecords(s.b.board.doc).some((r) => r.id === 'shape:ideas'), 'frame')

  const secretCard = { ...card('secret', 'idea', SECRET, { parent: 'ideas', author: 'Eva' }), meta: { private: true, mine: 1 } }
  boardRecordStore(s.a.priv.doc).set('shape:secret', secretCard as never)
  boardRecordStore(s.a.priv.doc).set('shape:second', card('second', 'idea', 'Andra idén', { parent: 'gone-frame' }) as never)
  const channel = privateChannel(s.tokenA)!
  await waitFor(
    () => server.app.sync.withDoc(s.w.id, channel, (doc) => texts(doc).includes(SECRET)),
    "the server has A's private card",
  )
  // Give the server time to relay anything it wrongly would.
  await new Promise((r) => setTimeout(r, 100))

  for (const [who, c] of [
    ["B's board", s.b.board],
    ["B's control", s.b.control],
    ["B's private", s.b.priv],
    ["the facilitator's board", s.facilitator.board],
    ["the facilitator's control", s.facilitator.control],
    ["A's own board", s.a.board],
  ] as const) {
    assert.not.ok(holds(c, SECRET), `${who} holds nothing of the private card`)
  }
  // The stored document name does not give the token away.
  const names = server.app.db.prepare('SELECT doc FROM doc_updates UNION SELECT doc FROM doc_states').all() as Array<{ doc: string }>
  assert.ok(names.some((n) => n.doc === `${s.w.id}/${channel}`))
  assert.not.ok(names.some((n) => n.doc.includes(s.tokenA)))

  // A's private document survives a reconnect with the same token.
  const again = connect(`${s.w.id}/private`, { key: s.w.participantKey, token: s.tokenA })
  await synced(again)
  assert.ok(texts(again.doc).includes(SECRET))
  again.destroy()

  assert.is((await reveal(s.w, s.w.participantKey)).status, 403, 'participants cannot reveal')
  const res = await reveal(s.w)
  assert.is(res.status, 200)
  assert.equal(await res.json(), { revealed: 2, authors: 1 })

  for (const c of [s.b.board, s.facilitator.board, s.a.board]) {
    await waitFor(() => texts(c.doc).includes(SECRET), 'revealed card on every board')
  }
  const fresh = connect(s.w.id, { key: s.w.participantKey })
  await synced(fresh)
  const records = readBoardRecords(fresh.doc) as unknown as Array<{
    id: string
    parentId: string
    x: number
    y: number
    isLocked: boolean
    props: { author?: string; text?: string }
    meta: Record<string, unknown>
  }>
  const secret = records.find((r) => r.props?.text === SECRET)!
  const second = records.find((r) => r.props?.text === "Andra idén")!
  assert.is.not(secret.id, 'shape:secret', 'the server makes a new card: a private id never reaches the board')
  assert.equal(secret.meta, {}, 'the private mark is gone; the server chose the rest')
  assert.is(secret.isLocked, false)
  assert.is(secret.parentId, 'shape:ideas', 'in the frame it was written in')
  assert.is(secret.props.author, 'Eva', 'a named workshop keeps the author')
  assert.is(second.parentId, 'shape:ideas', "a card whose frame is gone goes with its writer's other cards")
  assert.ok(second.y !== secret.y || Math.abs(second.x - secret.x) >= 200, 'not on top of each other')
  assert.not.ok(records.some((r) => r.id === 'shape:second' || r.id === 'shape:secret'))

  await waitFor(() => texts(s.a.priv.doc).length === 0, "A's private document is emptied")
  await waitFor(() => readControl(s.b.control.doc).lastReveal?.count === 2, 'the control document tells of the reveal')

  // A second reveal finds nothing new.
  assert.equal(await (await reveal(s.w)).json(), { revealed: 0, authors: 0 })
})

test('in an anonymous workshop revealed cards carry no author', async () => {
  const s = await session({ anonymous: true })
  boardRecordStore(s.a.priv.doc).set('shape:anon', card('anon', 'idea', 'Anonym idé', { author: 'Eva' }) as never)
  await waitFor(
    () => server.app.sync.withDoc(s.w.id, privateChannel(s.tokenA)!, (doc) => texts(doc).length === 1),
    'private card stored',
  )
  assert.equal(await (await reveal(s.w)).json(), { revealed: 1, authors: 1 })
  await waitFor(() => texts(s.b.board.doc).includes('Anonym idé'), 'revealed')
  const record = readBoardRecords(s.b.board.doc).find((r) => (r as unknown as { props: { text?: string } }).props?.text === 'Anonym idé') as unknown as { props: { author: string } }
  assert.is(record.props.author, '')
})

test('a private connection needs a well-formed token; tokens keep documents apart', async () => {
  const w = await server.createWorkshop()
  const none = connect(`${w.id}/private`, { key: w.participantKey }, { reconnect: false })
  const short = connect(`${w.id}/private`, { key: w.participantKey, token: 'abc' }, { reconnect: false })
  const wrongKey = connect(`${w.id}/private`, { key: 'nope', token: newToken() }, { reconnect: false })
  await waitFor(() => none.closes.length > 0 && short.closes.length > 0 && wrongKey.closes.length > 0, 'refusals')
  assert.is(none.closes[0], CLOSE_BAD_TOKEN)
  assert.is(short.closes[0], CLOSE_BAD_TOKEN)
  assert.is(wrongKey.closes[0], 4403, 'the key is checked first')

  const a = connect(`${w.id}/private`, { key: w.participantKey, token: newToken() })
  const b = connect(`${w.id}/private`, { key: w.participantKey, token: newToken() })
  await synced(a, b)
  a.doc.getMap('x').set('mine', SECRET)
  await new Promise((r) => setTimeout(r, 150))
  assert.not.ok(holds(b, SECRET))
})

test.run()
