import { test } from 'uvu'
import * as assert from 'uvu/assert'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { cardText, writeCard } from '../helpers/boardEdits'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

const clients: YClient[] = []
const servers: TestServer[] = []
async function server(env?: Record<string, string>) {
  const s = await startTestServer(env)
  servers.push(s)
  return s
}
function client(s: TestServer, room: string, key: string) {
  const c = connectClient(s.wsUrl, room, key)
  clients.push(c)
  return c
}

test.after.each(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of servers.splice(0)) await s.close({ removeData: true })
})

test('edits survive a clean restart of the server', async () => {
  const first = await startTestServer()
  const w = await first.createWorkshop()
  const a = connectClient(first.wsUrl, w.id, w.participantKey)
  await waitForSync(a)
  writeCard(a.doc, 'c1', 'Jag känner frustration när det saknas vikarier.', { kind: 'quote' })
  const observer = connectClient(first.wsUrl, w.id, w.facilitatorKey)
  await waitFor(() => cardText(observer.doc, 'c1') !== undefined, 'edit relayed')
  a.destroy()
  observer.destroy()
  await first.close()

  const second = await server({ DATA_DIR: first.dataDir })
  const b = client(second, w.id, w.participantKey)
  await waitForSync(b)
  await waitFor(() => cardText(b.doc, 'c1') !== undefined, 'edit after restart')
  assert.is(cardText(b.doc, 'c1'), 'Jag känner frustration när det saknas vikarier.')
})

test('a compacted document loads the same as its log (more edits than one compaction)', async () => {
  const s = await server()
  const w = await s.createWorkshop()
  const a = client(s, w.id, w.participantKey)
  await waitForSync(a)
  for (let i = 0; i < 1200; i++) writeCard(a.doc, `k${i % 40}`, String(i))
  const watcher = client(s, w.id, w.facilitatorKey)
  await waitFor(() => cardText(watcher.doc, 'k39') === '1199', 'all edits relayed', 8000)
  const rows = s.app.db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(w.id) as { n: number }
  assert.ok(rows.n < 1200, `the update log was compacted (${rows.n} rows left)`)
  const late = client(s, w.id, w.participantKey)
  await waitForSync(late)
  await waitFor(() => cardText(late.doc, 'k39') === '1199', 'late joiner sees the last values')
  for (let k = 0; k < 40; k++) assert.is(cardText(late.doc, `k${k}`), cardText(a.doc, `k${k}`))
})

function openRaw(s: TestServer, path: string): Promise<WebSocket> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(`${s.wsUrl}${path}`)
    ws.on('open', () => ok(ws))
    ws.on('error', fail)
  })
}

function closedWith(ws: WebSocket): Promise<number> {
  return new Promise((ok) => ws.on('close', (code) => ok(code)))
}

test('a malformed message closes only that socket; the room keeps syncing', async () => {
  const s = await server()
  const w = await s.createWorkshop()
  const a = client(s, w.id, w.participantKey)
  const b = client(s, w.id, w.participantKey)
  await Promise.all([waitForSync(a), waitForSync(b)])
  const bad = await openRaw(s, `/sync/${w.id}?key=${w.participantKey}`)
  const closed = closedWith(bad)
  const garbage = encoding.createEncoder()
  encoding.writeVarUint(garbage, 0) // sync
  encoding.writeVarUint(garbage, 2) // update
  encoding.writeVarUint(garbage, 5000) // claims 5000 bytes …
  encoding.writeUint8Array(garbage, new Uint8Array([1, 2, 3])) // … sends three
  bad.send(encoding.toUint8Array(garbage))
  const code = await closed
  assert.is(code, 4400)
  writeCard(a.doc, 'after', 'still works')
  await waitFor(() => cardText(b.doc, 'after') === 'still works', 'sync after a bad socket')
})

test('a message over the size limit closes only that socket', async () => {
  const s = await server({ MAX_MESSAGE_BYTES: '65536' })
  const w = await s.createWorkshop()
  const a = client(s, w.id, w.participantKey)
  const b = client(s, w.id, w.participantKey)
  await Promise.all([waitForSync(a), waitForSync(b)])
  const big = await openRaw(s, `/sync/${w.id}?key=${w.participantKey}`)
  const closed = closedWith(big)
  big.send(new Uint8Array(200_000))
  assert.is(await closed, 1009, 'closed as "message too big"')
  writeCard(a.doc, 'after', 'still works')
  await waitFor(() => cardText(b.doc, 'after') === 'still works', 'sync after an oversized message')
})

test('a participant whose link was replaced is disconnected and cannot come back', async () => {
  const s = await server()
  const w = await s.createWorkshop()
  const p = client(s, w.id, w.participantKey)
  await waitForSync(p)
  const res = await fetch(`${s.url}/api/workshops/${w.id}/participant-link`, {
    method: 'POST',
    headers: { authorization: `Bearer ${w.facilitatorKey}` },
  })
  assert.is(res.status, 200)
  const { participantUrl } = (await res.json()) as { participantUrl: string }
  await waitFor(() => p.closes.includes(4410), 'old participant closed with 4410')
  const old = connectClient(s.wsUrl, w.id, w.participantKey, { reconnect: false })
  clients.push(old)
  await waitFor(() => old.closes.length > 0, 'old key refused')
  assert.is(old.closes[0], 4403)
  const fresh = client(s, w.id, new URL(participantUrl).hash.slice(5))
  await waitForSync(fresh)
})

test.run()
