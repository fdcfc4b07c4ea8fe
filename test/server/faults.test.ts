import { Writable } from 'node:stream'
import * as encoding from 'lib0/encoding'
import { pino } from 'pino'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createApp } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { DocStore } from '../../server/store/docStore'
import { CLOSE_BAD_MESSAGE,
  CLOSE_TOO_MANY_REFUSED, CLOSE_STORAGE_FAILED } from '../../workshops/doc/wire'
import { testCards } from '../helpers/boardEdits'
import { makeRandom } from '../helpers/seededRandom'
import { startProcessServer } from '../helpers/processServer'
import { createWorkshopAt, ROOT, startTestServer, tempDataDir, TEST_ADMIN_TOKEN } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

// 200 providers each add a process 'exit' listener.
process.setMaxListeners(Math.max(process.getMaxListeners(), 300))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function entries(client: YClient) {
  return testCards(client.doc)
}

function frame(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder()
  for (const part of parts) part(e)
  return encoding.toUint8Array(e)
}

const syncFrame = (syncType: number, payload: Uint8Array) =>
  frame(
    (e) => encoding.writeVarUint(e, 0),
    (e) => encoding.writeVarUint(e, syncType),
    (e) => encoding.writeVarUint8Array(e, payload),
  )

/**
 * Frames a broken or hostile client might send. Each generator returns a
 * binary frame, or a string for a text frame.
 */
function badFrameSource(seed: number) {
  const random = makeRandom(seed)
  const int = (n: number) => Math.floor(random() * n)
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256))

  // A document that belongs to no room here: its updates are valid Yjs, some only apply after others.
  const other = new Y.Doc()
  const otherUpdates: Uint8Array[] = []
  other.on('update', (u: Uint8Array) => otherUpdates.push(u))
  const otherCards = testCards(other)
  for (let i = 0; i < 100; i++) otherCards.set(`other-${i}`, 'x'.repeat(int(100)))
  const otherState = Y.encodeStateAsUpdate(other)
  const otherAwareness = new awarenessProtocol.Awareness(other)
  otherAwareness.setLocalState({ user: { name: 'intruder' }, cursor: { x: 1, y: 2 } })
  const otherAwarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(otherAwareness, [other.clientID])
  otherAwareness.destroy()
  other.destroy()
  const fullUpdateFrame = syncFrame(2, otherState)

  const generators: Array<() => Uint8Array | string> = [
    // random bytes, the empty frame included
    () => bytes(int(257)),
    // truncated sync messages
    () => fullUpdateFrame.slice(0, 1 + int(fullUpdateFrame.length - 2)),
    () => syncFrame(0, otherState).slice(0, 2 + int(4)),
    // unknown message types
    () => frame((e) => encoding.writeVarUint(e, 4 + int(1000)), (e) => encoding.writeUint8Array(e, bytes(int(20)))),
    () => frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 3 + int(100)), (e) => encoding.writeVarUint8Array(e, bytes(8))),
    // absurd varint length prefixes and varints that never end
    () => Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]),
    () => Uint8Array.from([1, 0xff, 0xff, 0xff, 0x7f, 0]),
    () => Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
    () => syncFrame(2, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f])),
    () => syncFrame(2, Uint8Array.from([1, 0xff, 0xff, 0xff, 0x7f, int(1000), 0])),
    () => syncFrame(0, Uint8Array.from([0xff, 0xff, 0xff, 0x7f, 1, 2])),
    () => frame((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, Uint8Array.from([1, 5, 0xff, 0xff, 0x7f, 3]))),
    // text frames
    () => 'not a binary frame',
    // valid messages built from another room's document
    () => syncFrame(2, otherUpdates[int(otherUpdates.length)]),
    () => fullUpdateFrame,
    () => syncFrame(0, Y.encodeStateVector(new Y.Doc())),
    () => frame((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, otherAwarenessUpdate)),
  ]
  return {
    next: () => generators[int(generators.length)](),
    /** Always refused: an unknown message type. */
    certainlyBad: () => Uint8Array.from([99, 1, 2, 3]),
  }
}

interface RawResult {
  code: number
  byServer: boolean
}

/** Opens a raw socket, sends `frames` at once and waits until the server closes it. */
function rawSocket(url: string, frames: Array<Uint8Array | string>, timeoutMs: number): Promise<RawResult> {
  return new Promise((ok) => {
    const ws = new WebSocket(url)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      ws.terminate()
    }, timeoutMs)
    ws.on('error', () => {})
    ws.on('open', () => {
      for (const f of frames) ws.send(f, { binary: typeof f !== 'string' })
    })
    // The server's close code; 1006 means the connection ended without a close frame.
    ws.on('close', (code) => {
      clearTimeout(timer)
      ok({ code, byServer: !timedOut && code !== 1006 })
    })
  })
}

test('10,000 malformed frames: the server stays up, closes each bad socket, good clients keep syncing', async () => {
  const MAX = 1024 * 1024
  const server = await startProcessServer({ env: { MAX_MESSAGE_BYTES: String(MAX) } })
  const clients: YClient[] = []
  try {
    const a = await server.createWorkshop({ title: 'A' })
    const b = await server.createWorkshop({ title: 'B' })
    const a1 = connectClient(server.wsUrl, a.id, a.participantKey)
    const a2 = connectClient(server.wsUrl, a.id, a.facilitatorKey)
    const b1 = connectClient(server.wsUrl, b.id, b.participantKey)
    clients.push(a1, a2, b1)
    await Promise.all(clients.map((c) => waitForSync(c)))
    entries(a1).set('before', 1)
    await waitFor(() => entries(a2).has('before'), 'edit before the storm')
    await sleep(300)
    const rssBefore = server.rssBytes()

    const SOCKETS = 200
    const FRAMES_PER_SOCKET = 50
    const CONCURRENCY = 20
    const source = badFrameSource(20261125)
    const results: RawResult[] = []
    let sent = 0
    const urlA = `${server.wsUrl}/sync/${a.id}?key=${a.participantKey}`
    const urlB = `${server.wsUrl}/sync/${b.id}?key=${b.participantKey}`
    for (let start = 0; start < SOCKETS; start += CONCURRENCY) {
      const batch: Promise<RawResult>[] = []
      for (let s = start; s < Math.min(SOCKETS, start + CONCURRENCY); s++) {
        const frames: Array<Uint8Array | string> = []
        for (let f = 0; f < FRAMES_PER_SOCKET - 1; f++) frames.push(source.next())
        frames.push(source.certainlyBad())
        sent += frames.length
        batch.push(rawSocket(s % 2 === 0 ? urlA : urlB, frames, 10_000))
      }
      results.push(...(await Promise.all(batch)))
    }
    // Two sockets send one frame over MAX_MESSAGE_BYTES (the reference server crashes on this).
    for (let i = 0; i < 2; i++) {
      results.push(await rawSocket(urlA, [new Uint8Array(MAX + 1024)], 10_000))
      sent++
    }

    assert.ok(sent >= 10_000, `sent ${sent} frames`)
    assert.not.ok(server.exited, `server exited:\n${server.output.slice(-20).join('\n')}`)
    const notClosedByServer = results.filter((r) => !r.byServer)
    assert.is(notClosedByServer.length, 0, `${notClosedByServer.length} bad sockets were not closed by the server`)
    const codes = new Set(results.map((r) => r.code))
    for (const code of codes) assert.ok(code === CLOSE_BAD_MESSAGE || code === CLOSE_TOO_MANY_REFUSED || code === 1009, `unexpected close code ${code}`)
    assert.ok(codes.has(CLOSE_BAD_MESSAGE))

    // Good clients were never dropped and still sync, in both rooms.
    for (const c of clients) assert.equal(c.closes, [], 'a well-behaved client was disconnected')
    entries(a1).set('after-storm', 'from a1')
    entries(a2).set('after-storm-2', 'from a2')
    await waitFor(() => entries(a2).get('after-storm') === 'from a1', 'a1 → a2 after the storm')
    await waitFor(() => entries(a1).get('after-storm-2') === 'from a2', 'a2 → a1 after the storm')
    entries(b1).set('after-storm', 'from b1')
    const b2 = connectClient(server.wsUrl, b.id, b.facilitatorKey)
    clients.push(b2)
    await waitForSync(b2)
    await waitFor(() => entries(b2).get('after-storm') === 'from b1', 'b1 → b2 after the storm')

    await sleep(500)
    const grownMb = (server.rssBytes() - rssBefore) / 1024 / 1024
    assert.ok(grownMb < 100, `RSS grew by ${grownMb.toFixed(1)} MB`)
    assert.not.ok(server.exited)
  } finally {
    for (const c of clients) c.destroy()
    await server.stop({ removeData: true })
  }
})

test('kill -9 while 50 clients edit: every edit that was relayed survives the restart', async () => {
  const server = await startProcessServer()
  const clients: YClient[] = []
  const timers: NodeJS.Timeout[] = []
  try {
    const w = await server.createWorkshop()
    const observer = connectClient(server.wsUrl, w.id, w.facilitatorKey, { reconnect: false })
    clients.push(observer)
    const writers: YClient[] = []
    for (let i = 0; i < 50; i++) writers.push(connectClient(server.wsUrl, w.id, w.participantKey, { reconnect: false }))
    clients.push(...writers)
    await Promise.all(clients.map((c) => waitForSync(c, 15_000)))

    const relayed = new Set<string>()
    entries(observer).onRemoteChange((keys) => {
      for (const key of keys) relayed.add(key)
    })
    let written = 0
    writers.forEach((writer, i) => {
      let n = 0
      const write = () => {
        if (n >= 200) return
        entries(writer).set(`w${i}-${n++}`, { by: i, at: Date.now() })
        written++
      }
      // Staggered so that edits arrive as a stream, 500 per second in all.
      timers.push(setTimeout(() => timers.push(setInterval(write, 100)), i * 2))
    })

    await waitFor(() => relayed.size >= 400, 'a stream of relayed edits', 15_000)
    await server.kill()
    for (const t of timers) clearInterval(t)
    const seen = new Set(relayed)
    for (const c of clients.splice(0)) c.destroy()
    assert.ok(seen.size >= 400)

    await server.restart()
    const fresh = connectClient(server.wsUrl, w.id, w.facilitatorKey)
    clients.push(fresh)
    await waitForSync(fresh, 10_000)
    const missing = [...seen].filter((key) => !entries(fresh).has(key))
    assert.is(missing.length, 0, `${missing.length} of ${seen.size} relayed edits were lost (e.g. ${missing.slice(0, 5).join(', ')}); ${written} written`)
  } finally {
    for (const t of timers) clearInterval(t)
    for (const c of clients) c.destroy()
    await server.stop({ removeData: true })
  }
})

test('200 clients reconnect at once after a restart and converge, offline edits included', async () => {
  const server = await startProcessServer()
  const clients: YClient[] = []
  try {
    const w = await server.createWorkshop()
    for (let i = 0; i < 200; i++) clients.push(connectClient(server.wsUrl, w.id, w.participantKey))
    await Promise.all(clients.map((c) => waitForSync(c, 30_000)))
    clients.forEach((c, i) => entries(c).set(`online-${i}`, i))
    await waitFor(() => clients.every((c) => entries(c).size === 200), 'every client sees every online edit', 30_000)

    await server.kill()
    await waitFor(() => clients.every((c) => !c.provider.wsconnected), 'clients notice the server is gone', 10_000)
    for (let i = 0; i < 20; i++) entries(clients[i * 10]).set(`offline-${i}`, i)
    await server.restart()

    const expected = 220
    await waitFor(
      () => clients.every((c) => c.provider.synced && entries(c).size === expected),
      'every client reconnects and holds every edit',
      60_000,
    )
    const vector = Buffer.from(Y.encodeStateVector(clients[0].doc)).toString('base64')
    for (const c of clients) assert.is(Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'), vector)
    const reference = JSON.stringify(entries(clients[0]).toJSON())
    for (const c of clients) assert.is(JSON.stringify(entries(c).toJSON()), reference)

    // And the server kept them: a new client gets all of them.
    const fresh = connectClient(server.wsUrl, w.id, w.facilitatorKey)
    clients.push(fresh)
    await waitForSync(fresh, 10_000)
    await waitFor(() => entries(fresh).size === expected, 'a fresh client sees every edit')
  } finally {
    for (const c of clients) c.destroy()
    await server.stop({ removeData: true })
  }
})

test('disk full: the edit is not relayed, clients get 4500, and it is stored once the disk has room', async () => {
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
      done()
    },
  })
  const dataDir = tempDataDir()
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', UNLOAD_AFTER_MS: '200', ADMIN_TOKEN: TEST_ADMIN_TOKEN, DATA_DIR: dataDir }, ROOT)
  const app = createApp(config, pino({ level: 'warn', base: undefined }, sink))
  const port = await app.listen()
  const url = `http://127.0.0.1:${port}`
  const wsUrl = `ws://127.0.0.1:${port}`
  const clients: YClient[] = []
  try {
    const w = await createWorkshopAt(url)
    const a = connectClient(wsUrl, w.id, w.participantKey)
    const b = connectClient(wsUrl, w.id, w.participantKey)
    clients.push(a, b)
    await Promise.all(clients.map((c) => waitForSync(c)))
    entries(a).set('before', 'stored')
    await waitFor(() => entries(b).get('before') === 'stored', 'edit before the disk fills')

    // The database may not grow by a single page: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = app.db.pragma('page_count', { simple: true }) as number
    app.db.pragma(`max_page_count = ${pages}`)
    // Large enough to need new pages: twenty cards of 3,500 characters in one transaction.
    a.doc.transact(() => {
      for (let i = 0; i < 20; i++) entries(a).set(i === 19 ? 'during' : `during-${i}`, 'x'.repeat(3500))
    })

    await waitFor(() => a.closes.includes(CLOSE_STORAGE_FAILED), 'the writer gets 4500')
    await waitFor(() => b.closes.includes(CLOSE_STORAGE_FAILED), 'the other client gets 4500')
    await sleep(500)
    assert.not.ok(entries(b).has('during'), 'an edit that could not be stored was relayed')
    const failures = logLines.filter((line) => line.includes('storage failed'))
    assert.ok(failures.length > 0, 'the log says storage failed')
    assert.match(failures[0], /SQLITE_FULL/)
    assert.is(JSON.parse(failures[0]).room, w.id)

    app.db.pragma('max_page_count = 1073741823')
    // Both clients reconnect by themselves; the writer resends its edit.
    await waitFor(() => entries(b).has('during'), 'the edit arrives once storage works', 10_000)
    const fresh = connectClient(wsUrl, w.id, w.facilitatorKey)
    clients.push(fresh)
    await waitForSync(fresh)
    await waitFor(() => entries(fresh).has('during'), 'a fresh client gets the edit')
    const stored = new DocStore(app.db).load(w.id)
    assert.is((testCards(stored.ydoc).get('during') as string).length, 3500, 'the edit is in the store')
    assert.is(testCards(stored.ydoc).get('before'), 'stored')
    stored.ydoc.destroy()
  } finally {
    for (const c of clients) c.destroy()
    await app.close()
  }
})

test('disk full: a socket of the failed room that closes late does not keep the next room in memory', async () => {
  const server = await startTestServer()
  const { app } = server
  const clients: YClient[] = []
  let stuck: WebSocket | null = null
  try {
    const w = await server.createWorkshop()
    const a = connectClient(server.wsUrl, w.id, w.participantKey)
    clients.push(a)
    await waitForSync(a)
    // A socket that stops reading: it does not answer the server's close frame, so its close comes late.
    const raw = new WebSocket(`${server.wsUrl}/sync/${w.id}?key=${w.participantKey}`)
    stuck = raw
    raw.on('error', () => {})
    await new Promise((ok, fail) => {
      raw.once('open', ok)
      raw.once('error', fail)
    })
    ;(raw as unknown as { _socket: { pause(): void } })._socket.pause()

    const pages = app.db.pragma('page_count', { simple: true }) as number
    app.db.pragma(`max_page_count = ${pages}`)
    a.doc.transact(() => {
      for (let i = 0; i < 20; i++) entries(a).set(`during-${i}`, 'x'.repeat(3500))
    })
    await waitFor(() => a.closes.includes(CLOSE_STORAGE_FAILED), 'the writer gets 4500')
    app.db.pragma('max_page_count = 1073741823')
    // The writer is back in a new room, which stored its edit.
    await waitFor(() => a.provider.synced && a.closes.length > 0 && a.provider.wsconnected, 'the writer reconnects', 10_000)
    await sleep(300)
    assert.is(new DocStore(app.db).updateCount(w.id) > 0, true, 'the edit is stored')

    // Now the stuck socket of the failed room goes away, and then the last client of the new room leaves.
    raw.terminate()
    await sleep(50)
    for (const c of clients.splice(0)) c.destroy()
    await waitFor(() => app.sync.loadedRoomCount === 0, 'every room unloaded after its last client left', 3000)
  } finally {
    stuck?.terminate()
    for (const c of clients) c.destroy()
    await server.close({ removeData: true })
  }
})

test.run()
