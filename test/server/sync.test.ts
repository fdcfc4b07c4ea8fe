import { test } from 'uvu'
import * as assert from 'uvu/assert'
import WebSocket from 'ws'
import { DOC_VERSION } from '../../workshops/doc/layout'
import { CLOSE_NO_KEY, CLOSE_UNKNOWN_WORKSHOP, CLOSE_WRONG_KEY } from '../../workshops/doc/wire'
import { cardText, writeCard } from '../helpers/boardEdits'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

let server: TestServer
const clients: YClient[] = []
const client = (room: string, key: string | null, opts?: { reconnect?: boolean }) => {
  const c = connectClient(server.wsUrl, room, key, opts)
  clients.push(c)
  return c
}

test.before(async () => {
  server = await startTestServer()
})
test.after.each(() => {
  for (const c of clients.splice(0)) c.destroy()
})
test.after(async () => {
  await server.close({ removeData: true })
})

test('two clients editing one workshop see the same document', async () => {
  const w = await server.createWorkshop()
  const a = client(w.id, w.facilitatorKey)
  const b = client(w.id, w.participantKey)
  await Promise.all([waitForSync(a), waitForSync(b)])
  writeCard(a.doc, 'fromA', 'Vi har funnit att chefer …')
  writeCard(b.doc, 'fromB', 'Hur skulle vi kunna stödja cheferna?')
  await waitFor(() => [a, b].every((c) => cardText(c.doc, 'fromA') && cardText(c.doc, 'fromB')), 'both edits on both sides')
  assert.equal(a.doc.getArray('records').toJSON(), b.doc.getArray('records').toJSON())
  assert.equal(cardText(b.doc, 'fromA'), 'Vi har funnit att chefer …')
})

test('a late joiner receives the full state', async () => {
  const w = await server.createWorkshop()
  const a = client(w.id, w.participantKey)
  await waitForSync(a)
  for (let i = 0; i < 50; i++) writeCard(a.doc, `k${i}`, `kort ${i} åäö`)
  const late = client(w.id, w.participantKey)
  await waitForSync(late)
  await waitFor(() => cardText(late.doc, 'k49') === 'kort 49 åäö', 'late joiner has all 50 cards')
  for (let i = 0; i < 50; i++) assert.is(cardText(late.doc, `k${i}`), `kort ${i} åäö`)
})

test('the board of a new workshop is already set up by the server', async () => {
  const w = await server.createWorkshop()
  const a = client(w.id, w.participantKey)
  await waitForSync(a)
  const meta = a.doc.getMap('meta')
  assert.is(meta.get('docVersion'), DOC_VERSION)
  const ids = a.doc.getArray<{ key: string }>('records').toArray().map((e) => e.key)
  assert.ok(ids.includes('document:document'), 'document record present')
  assert.ok(ids.some((id) => id.startsWith('page:')), 'a page present')
})

test('a missing key is refused with 4401, a wrong key with 4403, an unknown workshop with 4404', async () => {
  const w = await server.createWorkshop()
  const noKey = client(w.id, null, { reconnect: false })
  const wrongKey = client(w.id, 'not-the-key', { reconnect: false })
  const unknown = client('AAAAAAAAAAAAAAAAAAAAAA', w.participantKey, { reconnect: false })
  await waitFor(() => noKey.closes.length > 0 && wrongKey.closes.length > 0 && unknown.closes.length > 0, 'three refusals')
  assert.is(noKey.closes[0], CLOSE_NO_KEY)
  assert.is(wrongKey.closes[0], CLOSE_WRONG_KEY)
  assert.is(unknown.closes[0], CLOSE_UNKNOWN_WORKSHOP)
  assert.not.ok(wrongKey.provider.synced, 'a refused client never syncs')
})

test('a refused client learns nothing of the board', async () => {
  const w = await server.createWorkshop()
  const owner = client(w.id, w.participantKey)
  await waitForSync(owner)
  writeCard(owner.doc, 'secret', 'känsligt citat')
  const intruder = client(w.id, 'guess', { reconnect: false })
  await waitFor(() => intruder.closes.length > 0, 'refusal')
  assert.is(cardText(intruder.doc, 'secret'), undefined)
  assert.is(intruder.doc.getArray('records').length, 0)
})

function rawSocket(path: string, headers: Record<string, string> = {}): Promise<{ status: 'open' | number; ws: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}${path}`, { headers })
    ws.on('open', () => resolve({ status: 'open', ws }))
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, ws }))
    ws.on('error', () => {})
  })
}

test('WebSocket upgrades from a foreign origin are refused; our own origin and scripts are let in', async () => {
  const w = await server.createWorkshop()
  const path = `/sync/${w.id}?key=${w.participantKey}`
  const foreign = await rawSocket(path, { origin: 'https://evil.example' })
  assert.is(foreign.status, 403)
  const own = await rawSocket(path, { origin: server.url })
  assert.is(own.status, 'open')
  own.ws.close()
  const script = await rawSocket(path)
  assert.is(script.status, 'open')
  script.ws.close()
})

test('ALLOWED_ORIGINS lets a listed origin in', async () => {
  const other = await startTestServer({ ALLOWED_ORIGINS: 'https://intranet.example.se' })
  try {
    const w = await other.createWorkshop()
    const ws = new WebSocket(`${other.wsUrl}/sync/${w.id}?key=${w.participantKey}`, { origin: 'https://intranet.example.se' })
    await new Promise<void>((ok, fail) => {
      ws.on('open', () => ok())
      ws.on('unexpected-response', (_q, res) => fail(new Error(`status ${res.statusCode}`)))
    })
    ws.close()
  } finally {
    await other.close({ removeData: true })
  }
})

test('unknown sync paths are refused', async () => {
  const w = await server.createWorkshop()
  const bad = await rawSocket(`/sync/${w.id}/nonsense?key=${w.participantKey}`)
  assert.is(bad.status, 404)
  const traversal = await rawSocket(`/sync/..%2F..%2Fetc?key=x`)
  assert.is(traversal.status, 404)
})

test('an empty room is unloaded from memory and its content is kept', async () => {
  const w = await server.createWorkshop()
  const a = client(w.id, w.participantKey)
  await waitForSync(a)
  writeCard(a.doc, 'kept', 'ja')
  const watcher = client(w.id, w.facilitatorKey)
  await waitFor(() => cardText(watcher.doc, 'kept') === 'ja', 'the server has the card')
  watcher.destroy()
  assert.ok(server.app.sync.loadedRoomCount >= 1)
  a.destroy()
  // Every other test's clients are gone too, so every room unloads.
  await waitFor(() => server.app.sync.loadedRoomCount === 0, 'rooms unloaded', 3000)
  const b = client(w.id, w.participantKey)
  await waitForSync(b)
  await waitFor(() => cardText(b.doc, 'kept') === 'ja', 'content back after reload')
})

test.run()
