import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pino } from 'pino'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import { createApp, type App } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { pendingBytes } from '../../server/sync/guard/pending'
import { boardMeta, readBoardRecords } from '../../workshops/doc/boardDoc'
import { DOC_VERSION, META_DOC_VERSION, META_TLDRAW_SCHEMA } from '../../workshops/doc/layout'
import { CLOSE_TOO_MANY_REFUSED, type Notice } from '../../workshops/doc/wire'
import { readControl, setBoardLock } from '../../workshops/facilitation/control'
import { cardText, recordOf, recordsOf, writeCard, writeRecord } from '../helpers/boardEdits'
import { contentJsonUpdate, deleteRangeFlood, openRawPeer, updateFor, updateMessage } from '../helpers/rawPeer'
import { createWorkshopAt, ROOT, TEST_ADMIN_TOKEN, tempDataDir, type CreatedWorkshop } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

// Servers in this process whose log lines the tests read; each test may start one with its own limits.
interface Server {
  app: App
  url: string
  wsUrl: string
  dataDir: string
  log: Array<{ msg: string; role?: string; refusedLastMinute?: number }>
}
const servers: Server[] = []
const clients: YClient[] = []
process.setMaxListeners(80)

async function start(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = tempDataDir()
  const log: Server['log'] = []
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', UNLOAD_AFTER_MS: '200', ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env, DATA_DIR: dataDir }, ROOT)
  const app = createApp(config, pino({ level: 'info', base: undefined }, { write: (line: string) => void log.push(JSON.parse(line)) }))
  const port = await app.listen()
  const s = { app, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}`, dataDir, log }
  servers.push(s)
  return s
}
let shared: Server
test.before(async () => {
  shared = await start()
})
test.after.each(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of servers.splice(1)) await s.app.close()
})
test.after(async () => {
  await shared.app.close()
})

function open(s: Server, room: string, key: string): YClient {
  const c = connectClient(s.wsUrl, room, key, { notices: true })
  clients.push(c)
  return c
}

const STEP_FRAME = 'shape:step-write-insights'
const PERSONA_FRAME = 'shape:tpl-persona'
const JOURNEY_FRAME = 'shape:tpl-journey'

interface Board {
  s: Server
  w: CreatedWorkshop
  facilitator: YClient
  participant: YClient
}

/** A WS2 board (persona locked, journey pinned) with a facilitator and a participant, both synced. */
async function board(s = shared, method = 'ws2'): Promise<Board> {
  const w = await createWorkshopAt(s.url, { method })
  const facilitator = open(s, w.id, w.facilitatorKey)
  const participant = open(s, w.id, w.participantKey)
  await Promise.all([waitForSync(facilitator), waitForSync(participant)])
  return { s, w, facilitator, participant }
}

const serverRecord = (b: Board, id: string) =>
  b.s.app.sync.withDoc(b.w.id, 'board', (doc) => readBoardRecords(doc).find((r) => r.id === id)) as Record<string, unknown> | undefined
const personaCard = (doc: Y.Doc) =>
  readBoardRecords(doc).find((r) => r.typeName === 'shape' && r.type === 'card' && r.parentId === PERSONA_FRAME) as unknown as {
    id: string
    x: number
    isLocked: boolean
    props: { text: string }
  }

/**
 * Messages of one socket are handled in order: once `watcher` sees a
 * presence marker that `writer` set after its edit, the server has handled
 * the edit (a barrier that works on a locked board too).
 */
let markers = 0
async function handled(writer: YClient, watcher: YClient): Promise<void> {
  const marker = ++markers
  writer.provider.awareness.setLocalStateField('marker', marker)
  await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((st) => st.marker === marker), `marker ${marker}`)
}

const refusedFor = (notices: Notice[], reason: string) => notices.some((n) => n.type === 'refused' && (n.reasons[reason] ?? 0) > 0)

async function lockBoard(b: Board, locked = true): Promise<void> {
  const control = open(b.s, `${b.w.id}/control`, b.w.facilitatorKey)
  await waitForSync(control)
  setBoardLock(control.doc, locked)
  await waitFor(() => readControl(b.s.app.sync.withDoc(b.w.id, 'control', (d) => d)).locks.board === locked, 'lock on the server')
}

// 1. Locks bypassed by re-encoding the message header.

test('1. a participant edit sent with padded varint headers is judged like any other', async () => {
  const b = await board()
  const raw = await openRawPeer(b.s.wsUrl, `/sync/${b.w.id}?key=${b.w.participantKey}`)
  const persona = serverRecord(b, PERSONA_FRAME)!
  const card = personaCard(b.participant.doc)
  raw.send(updateMessage(updateFor(b.participant.doc, (d) => writeRecord(d, { ...persona, isLocked: false } as never)), 'padded'))
  raw.send(updateMessage(updateFor(b.participant.doc, (d) => writeRecord(d, { ...card, props: { ...card.props, text: 'Omskriven' } } as never)), 'padded'))
  await waitFor(() => raw.notices.filter((n) => n.type === 'refused').length === 2, 'both refused')
  assert.ok(refusedFor(raw.notices, 'lock-change') && refusedFor(raw.notices, 'locked'))
  assert.is(serverRecord(b, PERSONA_FRAME)!.isLocked, true, 'the persona frame is still locked')
  assert.is(cardText(b.facilitator.doc, card.id), card.props.text, 'the locked card is unchanged')

  await lockBoard(b)
  const step = serverRecord(b, STEP_FRAME)!
  raw.send(updateMessage(updateFor(b.participant.doc, (d) => writeRecord(d, { ...step, x: (step.x as number) + 500 } as never)), 'padded'))
  await waitFor(() => refusedFor(raw.notices, 'board-locked'), 'refused on a locked board')
  assert.is(serverRecord(b, STEP_FRAME)!.x, step.x)
  raw.close()
})

// 2. Locks bypassed by content type.

test('2. a record written as ContentJSON is judged like any other', async () => {
  const b = await board()
  const raw = await openRawPeer(b.s.wsUrl, `/sync/${b.w.id}?key=${b.w.participantKey}`)
  const card = personaCard(b.participant.doc)
  const forged = { ...card, props: { ...card.props, text: 'Skrivet som JSON' } }
  raw.send(updateMessage(contentJsonUpdate(b.participant.doc, forged, { replace: true })))
  raw.send(updateMessage(contentJsonUpdate(b.participant.doc, { ...serverRecord(b, PERSONA_FRAME)!, id: PERSONA_FRAME, isLocked: false } as { id: string }, { replace: true })))
  await waitFor(() => refusedFor(raw.notices, 'locked') && refusedFor(raw.notices, 'lock-change'), 'refused')
  await handled(b.participant, b.facilitator)
  assert.is(cardText(b.facilitator.doc, card.id), card.props.text)
  assert.is(serverRecord(b, PERSONA_FRAME)!.isLocked, true, 'the lock stays')

  // The same encoding for an allowed edit goes through: the rules are about records, not bytes.
  writeCard(b.participant.doc, 'mine', 'Min lapp')
  await waitFor(() => cardText(b.facilitator.doc, 'mine') === 'Min lapp', 'own card')
  const mine = recordOf(b.participant.doc, 'mine') as { id: string; props: object }
  raw.send(updateMessage(contentJsonUpdate(b.participant.doc, { ...mine, props: { ...mine.props, text: 'Ändrad som JSON' } } as { id: string }, { replace: true })))
  await waitFor(() => cardText(b.facilitator.doc, 'mine') === 'Ändrad som JSON', 'a JSON-encoded edit of an unlocked card is kept')
  raw.close()
})

// 3. One message stalls the whole server.

test('3. a message of a million delete ranges is refused before any work, and nobody else notices', async () => {
  const b = await board()
  const other = await board()
  for (let i = 0; i < 200; i++) writeCard(b.participant.doc, `small-${i}`, String(i))
  await waitFor(() => cardText(b.facilitator.doc, 'small-199') === '199', 'the small items are there')
  const raw = await openRawPeer(b.s.wsUrl, `/sync/${b.w.id}?key=${b.w.participantKey}`)
  const flood = deleteRangeFlood(b.participant.doc.clientID, 1_000_000)
  assert.ok(flood.length > 3_000_000, `a ${flood.length}-byte message`)
  raw.send(updateMessage(flood))
  // Another room goes on meanwhile; and this one.
  writeCard(other.participant.doc, 'meanwhile', 'in another room')
  await waitFor(() => refusedFor(raw.notices, 'message-too-large'), 'refused as too large')
  await waitFor(() => cardText(other.facilitator.doc, 'meanwhile') === 'in another room', 'the other room syncs')
  assert.is((await fetch(`${b.s.url}/healthz`)).status, 200)
  assert.is(cardText(b.facilitator.doc, 'small-0'), '0', 'nothing was deleted')
  raw.close()
})

// 4. The board can be bricked for good.

test("4. nobody but the server writes the board's meta: a participant's docVersion 99 and fake schema are taken back", async () => {
  const b = await board()
  const schema = boardMeta(b.facilitator.doc).get(META_TLDRAW_SCHEMA)
  b.participant.doc.transact(() => {
    boardMeta(b.participant.doc).set(META_DOC_VERSION, 99)
    boardMeta(b.participant.doc).set(META_TLDRAW_SCHEMA, { schemaVersion: 2, sequences: {} })
  })
  await waitFor(() => refusedFor(b.participant.notices, 'server-only'), 'refused')
  await waitFor(() => boardMeta(b.participant.doc).get(META_DOC_VERSION) === DOC_VERSION, "the participant's own copy goes back")
  assert.equal(boardMeta(b.participant.doc).get(META_TLDRAW_SCHEMA), schema)
  const fresh = open(b.s, b.w.id, b.w.participantKey)
  await waitForSync(fresh)
  assert.is(boardMeta(fresh.doc).get(META_DOC_VERSION), DOC_VERSION)
  assert.equal(boardMeta(fresh.doc).get(META_TLDRAW_SCHEMA), schema)
  assert.ok(readBoardRecords(fresh.doc).some((r) => r.id === PERSONA_FRAME), 'the board still loads with its shapes')
  // A facilitator is held to the same.
  boardMeta(b.facilitator.doc).set(META_DOC_VERSION, 99)
  await waitFor(() => refusedFor(b.facilitator.notices, 'server-only'), 'refused for the facilitator too')
  assert.equal(b.participant.closes, [], 'no one was disconnected')
})

// 5. Reveal overwrites the board: see also facilitation-private.test.ts.

test('5. a private document takes valid method cards only; the reveal never overwrites a board card', async () => {
  const b = await board(shared, 'ws3')
  const token = 'tok-' + 'x'.repeat(30)
  const priv = open(b.s, `${b.w.id}/private`, b.w.participantKey)
  priv.destroy()
  const mine = connectClient(b.s.wsUrl, `${b.w.id}/private`, b.w.participantKey, { notices: true, params: { token } })
  clients.push(mine)
  await waitForSync(mine)
  // Someone else's card on the board, which a private card will try to take over by its id.
  writeCard(b.facilitator.doc, 'theirs', 'Processledarens insikt', { kind: 'insight' })
  await waitFor(() => !!serverRecord(b, 'shape:theirs'), 'the board card')
  writeCard(mine.doc, 'theirs', 'Övertagen!', { kind: 'insight' })
  writeCard(mine.doc, 'huge', 'x'.repeat(1_000_000), { kind: 'idea' })
  writeRecord(mine.doc, { ...(recordOf(mine.doc, 'theirs') as object), id: 'shape:locked', isLocked: true } as never)
  writeRecord(mine.doc, { ...(serverRecord(b, STEP_FRAME.replace('write-insights', 'private-ideas')) ?? {}), id: 'shape:aframe', typeName: 'shape', type: 'frame' } as never)
  await waitFor(() => refusedFor(mine.notices, 'record-too-large') && refusedFor(mine.notices, 'lock-change'), 'refused in the private document')
  const res = await fetch(`${b.s.url}/api/workshops/${b.w.id}/reveal`, { method: 'POST', headers: { authorization: `Bearer ${b.w.facilitatorKey}` } })
  assert.equal(await res.json(), { revealed: 1, authors: 1 })
  await waitFor(() => readBoardRecords(b.facilitator.doc).some((r) => (r as { props?: { text?: string } }).props?.text === 'Övertagen!'), 'revealed')
  assert.is(cardText(b.facilitator.doc, 'theirs'), 'Processledarens insikt', 'the board card with that id is untouched')
  const texts = readBoardRecords(b.facilitator.doc).map((r) => (r as { props?: { text?: string } }).props?.text ?? '')
  assert.ok(texts.every((t) => t.length <= 4000), 'no oversized card')
})

// 6. No limits on what a document holds.

test('6a. a 7 MB card is refused and goes nowhere: not into the database, not to anyone', async () => {
  const b = await board()
  const file = join(b.s.dataDir, 'samverkstad.sqlite')
  const size = () => statSync(file).size + statSync(`${file}-wal`).size
  const before = size()
  for (let i = 0; i < 3; i++) writeCard(b.participant.doc, `big-${i}`, 'x'.repeat(7 * 1024 * 1024))
  await waitFor(() => b.participant.notices.filter((n) => n.type === 'refused').length >= 3, 'refused')
  assert.ok(refusedFor(b.participant.notices, 'record-too-large'))
  await waitFor(() => cardText(b.participant.doc, 'big-2') === undefined, "gone from the participant's own copy")
  await handled(b.participant, b.facilitator)
  assert.is(cardText(b.facilitator.doc, 'big-0'), undefined)
  assert.ok(size() - before < 1024 * 1024, `the database grew by ${size() - before} bytes`)
  // Everything else the participant does still reaches everyone: nothing is resent, nothing is stuck.
  writeCard(b.participant.doc, 'after', 'Nästa kort')
  await waitFor(() => cardText(b.facilitator.doc, 'after') === 'Nästa kort', 'a later card arrives')
  assert.equal(b.participant.closes, [], 'never disconnected')
})

test('6b. a board holds at most MAX_BOARD_RECORDS records; pending updates are capped and never sent to joiners', async () => {
  const s = await start({ MAX_BOARD_RECORDS: '150', MAX_PENDING_BYTES_PER_SOCKET: '65536', MAX_PENDING_BYTES_PER_ROOM: '131072' })
  const b = await board(s)
  const start0 = readBoardRecords(b.facilitator.doc).length
  b.participant.doc.transact(() => {
    for (let i = 0; i < 150; i++) writeCard(b.participant.doc, `n-${i}`, String(i))
  })
  await waitFor(() => refusedFor(b.participant.notices, 'board-full'), 'refused when full')
  await handled(b.participant, b.facilitator)
  assert.is(readBoardRecords(b.facilitator.doc).length, 150, `the board stops at 150 records (started at ${start0})`)

  // Updates whose dependencies never arrive: structs of a client starting far beyond what the server has.
  const raw = await openRawPeer(s.wsUrl, `/sync/${b.w.id}?key=${b.w.participantKey}`)
  const orphan = new Y.Doc()
  orphan.clientID = 424242
  const updates: Uint8Array[] = []
  orphan.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < 40; i++) orphan.getArray('records').push([{ key: `shape:o${i}`, val: { pad: 'p'.repeat(20_000) } }])
  // Every update after the first depends on the one before, which the server never gets.
  for (const u of updates.slice(1)) raw.send(updateMessage(u))
  await waitFor(() => refusedFor(raw.notices, 'message-too-large'), 'pending over the limit is refused')
  const pending = s.app.sync.withDoc(b.w.id, 'board', (doc) => pendingBytes(doc.store))
  assert.ok(pending <= 131072, `${pending} bytes pending`)
  const late = open(s, b.w.id, b.w.participantKey)
  await waitForSync(late)
  assert.is(late.doc.store.pendingStructs, null, 'a joiner gets nothing that is pending')
  assert.not.ok(Buffer.from(Y.encodeStateAsUpdate(late.doc)).includes('ppppp'))
  raw.close()
})

// 7. Rules work on Yjs blocks, not records.

test('7a. resizing an unlocked step frame beside locked template records is never refused', async () => {
  const b = await board()
  const step = recordOf(b.participant.doc, STEP_FRAME) as { props: { w: number } }
  writeRecord(b.participant.doc, { ...step, props: { ...step.props, w: step.props.w + 300 } } as never)
  await waitFor(() => (recordOf(b.facilitator.doc, STEP_FRAME) as { props: { w: number } }).props.w === step.props.w + 300, 'resized')
  await handled(b.participant, b.facilitator)
  assert.not.ok(b.participant.notices.some((n) => n.type === 'refused'), 'nothing refused')
})

test('7b. a duplicate of a template record throws nobody out; pinned frames cannot be moved or shrunk', async () => {
  const b = await board()
  const third = open(b.s, b.w.id, b.w.participantKey)
  await waitForSync(third)
  recordsOf(third.doc)
  const raw = await openRawPeer(b.s.wsUrl, `/sync/${b.w.id}?key=${b.w.participantKey}`)
  const persona = recordOf(b.participant.doc, PERSONA_FRAME) as { id: string }
  // The same record once more, appended without deleting the first: a duplicate entry.
  raw.send(updateMessage(contentJsonUpdate(b.participant.doc, persona, { replace: false })))
  const journey = recordOf(b.participant.doc, JOURNEY_FRAME) as { id: string; x: number; props: { w: number; h: number } }
  const pinnedRefusals = () => raw.notices.filter((n) => n.type === 'refused' && (n.reasons.pinned ?? 0) > 0).length
  raw.send(updateMessage(updateFor(b.participant.doc, (d) => writeRecord(d, { ...journey, x: journey.x + 5000 } as never))))
  await waitFor(() => pinnedRefusals() === 1, 'the move is refused')
  // Built on the board as it is now (the server wrote the frame back), the next attempt is judged again.
  await handled(third, b.participant)
  raw.send(updateMessage(updateFor(b.participant.doc, (d) => writeRecord(d, { ...journey, props: { ...journey.props, w: 1, h: 1 } } as never))))
  await waitFor(() => pinnedRefusals() === 2, 'the resize is refused')
  await handled(third, b.facilitator)
  assert.equal(recordOf(b.facilitator.doc, JOURNEY_FRAME), journey, 'the journey frame is where it was, as large')
  assert.equal(recordOf(b.facilitator.doc, PERSONA_FRAME), persona)
  for (const c of [b.participant, third, b.facilitator]) {
    assert.equal(c.closes, [], 'nobody was disconnected')
    assert.not.ok(c.notices.some((n) => n.type === 'refused'), 'no well-behaved client was refused anything')
  }
  raw.close()
})

// 8. Presence can be forged.

test("8. presence: nobody can speak for someone else's id, the role comes from the key, one socket is a few people at most", async () => {
  const b = await board()
  b.facilitator.provider.awareness.setLocalStateField('user', { id: 'f', name: 'Processledaren', color: '#1864ab', role: 'facilitator' })
  const fid = b.facilitator.doc.clientID
  await waitFor(() => (b.participant.provider.awareness.getStates().get(fid)?.user as { name?: string })?.name === 'Processledaren', 'real name')
  const raw = await openRawPeer(b.s.wsUrl, `/sync/${b.w.id}?key=${b.w.participantKey}`)
  raw.sendPresence(fid, 1000, { user: { id: 'f', name: 'Hacked name', color: '#000000', role: 'participant' } })
  raw.sendPresence(5555, 1, { user: { id: 'x', name: 'Falsk processledare', color: '#000000', role: 'facilitator' } })
  for (let i = 0; i < 200; i++) raw.sendPresence(10_000 + i, 1, { user: { id: `fake${i}`, name: `Fake ${i}`, color: '#000000', role: 'participant' }, ready: 'step' })
  await waitFor(() => b.participant.provider.awareness.getStates().has(5555), "the attacker's own state arrives")
  await handled(b.facilitator, b.participant)
  const states = b.participant.provider.awareness.getStates()
  assert.is((states.get(fid)?.user as { name: string }).name, 'Processledaren', "the facilitator's state is untouched")
  assert.is((states.get(5555)?.user as { role: string }).role, 'participant', 'the role is stamped from the key')
  const fakes = [...states.keys()].filter((id) => id >= 10_000 && id < 10_200)
  assert.ok(fakes.length <= 3, `${fakes.length} fake people`)
  assert.is((b.facilitator.provider.awareness.getLocalState()?.user as { name: string }).name, 'Processledaren', "the facilitator's own client keeps its state")
  raw.close()
})

// 9. Votes are unlimited.

test('9. a voter is a seat the server issued to an open board connection; inventing ids gives nothing', async () => {
  const b = await board()
  writeCard(b.facilitator.doc, 'c1', 'Hur skulle vi kunna …?', { kind: 'challenge' })
  await waitFor(() => !!serverRecord(b, 'shape:c1'), 'card')
  const call = (path: string, key: string, body: unknown) =>
    fetch(`${b.s.url}/api/workshops/${b.w.id}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  assert.is((await call('/vote', b.w.facilitatorKey, { action: 'open', target: { kind: 'challenge' } })).status, 201)
  let invented = 0
  for (let i = 0; i < 40; i++) {
    const res = await call('/votes', b.w.participantKey, { voter: `made-up-${i}-aaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbb`, cardId: 'shape:c1', action: 'add' })
    if (res.status === 200) invented++
  }
  assert.is(invented, 0, 'no invented voter got a dot')
  const seatNotice = b.participant.notices.find((n) => n.type === 'seat')
  assert.ok(seatNotice && seatNotice.type === 'seat')
  const seat = seatNotice.seat
  assert.is((await call('/votes', b.w.participantKey, { voter: seat, cardId: 'shape:c1', action: 'add' })).status, 200)
  const control = open(b.s, `${b.w.id}/control`, b.w.participantKey)
  await waitFor(() => readControl(control.doc).vote?.voters === 1, 'everyone sees "1 has voted"')
  // A seat of another workshop, or of a connection that is gone, counts for nothing.
  const elsewhere = await board()
  const foreign = elsewhere.participant.notices.find((n) => n.type === 'seat')
  assert.is((await call('/votes', b.w.participantKey, { voter: foreign && foreign.type === 'seat' ? foreign.seat : '', cardId: 'shape:c1', action: 'add' })).status, 403)
  b.participant.destroy()
  await waitFor(() => !b.s.app.sync.isSeatOnline(b.w.id, seat), 'the connection is gone')
  assert.is((await call('/votes', b.w.participantKey, { voter: seat, cardId: 'shape:c1', action: 'remove' })).status, 403)
  const closed = await (await call('/vote', b.w.facilitatorKey, { action: 'close' })).json()
  assert.equal(closed.result.counts, { 'shape:c1': 1 })
  assert.is(closed.result.voters, 1)
})

// 11. Deleted is not gone.

test('11. after DELETE, no text of the workshop is left in the database file or its WAL', async () => {
  const s = await start()
  const b = await board(s)
  const SECRET = 'Jag vågade inte säga något till min chef (raderas 9f2c)'
  for (let i = 0; i < 9; i++) writeCard(b.participant.doc, 'secret', `${SECRET} ${i}`, { kind: 'quote' })
  await waitFor(() => cardText(b.facilitator.doc, 'secret') === `${SECRET} 8`, 'written')
  // Compaction and an unload put the text into the state row as well.
  for (const c of clients.splice(0)) c.destroy()
  await waitFor(() => s.app.sync.loadedRoomCount === 0, 'unloaded')
  const file = join(s.dataDir, 'samverkstad.sqlite')
  const holds = () => [file, `${file}-wal`].some((f) => readFileSync(f).includes(Buffer.from(SECRET)))
  assert.ok(holds(), 'the text is there before (the test can see it)')
  const res = await fetch(`${s.url}/api/workshops/${b.w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${b.w.facilitatorKey}` } })
  assert.is(res.status, 204)
  assert.not.ok(holds(), 'the text is gone from the file and the WAL right after DELETE')
  await s.app.close()
  servers.splice(servers.indexOf(s), 1)
  assert.not.ok(readFileSync(file).includes(Buffer.from(SECRET)), 'and after a clean shutdown')
})

// 12. Log flooding.

test('12. refused writes are logged once a minute per socket with a count; a socket that keeps at it is closed', async () => {
  const b = await board()
  const control = open(b.s, `${b.w.id}/control`, b.w.participantKey)
  await waitForSync(control)
  const before = b.s.log.filter((l) => l.msg === 'refused writes').length
  const timerBefore = readControl(control.doc).timer
  for (let i = 0; i < 20_000 && !control.closes.length; i++) control.doc.getMap('timer').set('current', { forged: i })
  await waitFor(() => control.closes.includes(CLOSE_TOO_MANY_REFUSED), 'closed with 4429', 10_000)
  const lines = b.s.log.filter((l) => l.msg === 'refused writes').length - before
  assert.ok(lines <= 1, `${lines} log lines`)
  assert.ok(b.s.log.some((l) => l.msg === 'closed a socket that kept sending refused writes'))
  assert.equal(readControl(b.s.app.sync.withDoc(b.w.id, 'control', (d) => d)).timer, timerBefore, 'nothing was written')
})

test.run()
