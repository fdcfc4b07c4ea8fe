import { rmSync } from 'node:fs'
import * as decoding from 'lib0/decoding'
import { pino } from 'pino'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createApp, type App } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { MSG_NOTICE, type Notice } from '../../workshops/doc/wire'
import {
  goToStep,
  readControl,
  readLocks,
  setBoardLock,
  setFrameLock,
  turnOnAnonymous,
  writeFollow,
  writeReveal,
  writeSummon,
  writeTimer,
  writeVote,
  writeVoteResult,
  type ControlState,
} from '../../workshops/facilitation/control'
import { startTimer } from '../../workshops/facilitation/timer'
import { createWorkshopAt, ROOT, tempDataDir, type CreatedWorkshop, TEST_ADMIN_TOKEN } from '../helpers/testServer'
import { waitFor } from '../helpers/yClient'
import { card } from '../unit/helpers/boardRecords'

// A real server in this process whose log lines the tests can read.
let app: App
let url: string
let wsUrl: string
let dataDir: string
const logLines: Array<{ msg: string; role?: string; room?: string }> = []
const logged = (msg: string) => logLines.filter((l) => l.msg === msg)

interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: number[]
  notices: Notice[]
  destroy(): void
}
const clients: Client[] = []

function connect(room: string, key: string, opts: { reconnect?: boolean } = {}): Client {
  const doc = new Y.Doc()
  const closes: number[] = []
  const notices: Notice[] = []
  const provider = new WebsocketProvider(`${wsUrl}/sync`, room, doc, {
    params: { key, notices: '1' },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 300,
    shouldReconnect: () => opts.reconnect ?? true,
  })
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  provider.messageHandlers[MSG_NOTICE] = (_e, decoder) => void notices.push(JSON.parse(decoding.readVarString(decoder)))
  const c = {
    doc,
    provider,
    closes,
    notices,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  clients.push(c)
  return c
}

const synced = (...cs: Client[]) => Promise.all(cs.map((c) => waitFor(() => c.provider.synced, 'sync')))

/**
 * Messages of one socket are handled in order, so once `observer` sees a
 * presence marker that `writer` set after its edit, the server has handled the edit.
 */
let markers = 0
async function handled(writer: Client, observer: Client): Promise<void> {
  const marker = ++markers
  writer.provider.awareness.setLocalStateField('marker', marker)
  await waitFor(
    () => [...observer.provider.awareness.getStates().values()].some((s) => s.marker === marker),
    `presence marker ${marker}`,
  )
}

test.before(async () => {
  // Each y-websocket provider adds a process exit listener.
  process.setMaxListeners(40)
  dataDir = tempDataDir()
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', UNLOAD_AFTER_MS: '200', ADMIN_TOKEN: TEST_ADMIN_TOKEN, DATA_DIR: dataDir }, ROOT)
  const log = pino({ level: 'info', base: undefined }, { write: (line: string) => void logLines.push(JSON.parse(line)) })
  app = createApp(config, log)
  const port = await app.listen()
  url = `http://127.0.0.1:${port}`
  wsUrl = `ws://127.0.0.1:${port}`
})
test.after.each(() => {
  for (const c of clients.splice(0)) c.destroy()
})
test.after(async () => {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const NOW = Date.UTC(2026, 10, 25, 9, 0)

type Write = [string, (doc: Y.Doc) => void, (c: ControlState) => boolean]

/** The parts of the facilitation state only the server writes: votes and their results, reveals. */
const SERVER_WRITES: Write[] = [
  [
    "a vote's state",
    (d) =>
      writeVote(d, {
        id: 'forged',
        status: 'open',
        target: { kind: 'challenge' },
        dotsPerPerson: 99,
        allowStacking: true,
        openedAt: NOW,
        closedAt: null,
      }),
    (c) => c.vote?.id === 'forged',
  ],
  [
    'vote results',
    (d) =>
      writeVoteResult(d, {
        voteId: 'forged',
        target: { kind: 'challenge' },
        dotsPerPerson: 3,
        allowStacking: false,
        openedAt: NOW,
        closedAt: NOW,
        counts: { 'shape:mine': 50 },
        ranked: [{ cardId: 'shape:mine', count: 50 }],
        voters: 1,
      }),
    (c) => 'forged' in c.voteResults,
  ],
  ['a reveal', (d) => writeReveal(d, { at: NOW, count: 3 }), (c) => c.lastReveal !== null],
]

/** The parts facilitators write. */
const FACILITATOR_WRITES: Write[] = [
  ['the step', (d) => goToStep(d, 2, 'vote-challenges', NOW), (c) => c.agenda.stepIndex === 2],
  ['the timer', (d) => writeTimer(d, startTimer(10 * 60_000, NOW)), (c) => c.timer.state === 'running'],
  ['the board lock', (d) => setBoardLock(d, true), (c) => c.locks.board],
  ['a frame lock', (d) => setFrameLock(d, 'shape:anna', true), (c) => c.locks.frames.includes('shape:anna')],
  ['follow', (d) => writeFollow(d, { facilitatorUserId: 'me', active: true }), (c) => c.follow.active],
  ['a summon', (d) => writeSummon(d, { id: 's1', by: 'me', at: NOW, frameId: 'shape:x' }), (c) => c.summon !== null],
  ['the settings', (d) => turnOnAnonymous(d), (c) => c.settings.anonymous],
]

/** Every part of the facilitator state, each written the way a (hostile) client would. */
const WRITES: Write[] = [...FACILITATOR_WRITES, ...SERVER_WRITES]

test('GET /api/time answers the server clock', async () => {
  const before = Date.now()
  const res = await fetch(`${url}/api/time`)
  const after = Date.now()
  assert.is(res.status, 200)
  assert.is(res.headers.get('cache-control'), 'no-store')
  const { now } = (await res.json()) as { now: number }
  assert.ok(now >= before && now <= after, 'the server clock, read during the request')
})

test('a participant key cannot change any facilitator state; the socket is told, the log says it once', async () => {
  const w = await createWorkshopAt(url)
  const room = `${w.id}/control`
  const facilitator = connect(room, w.facilitatorKey)
  const participant = connect(room, w.participantKey)
  await synced(facilitator, participant)
  const refusedBefore = logged('refused writes').length
  for (const [what, write, changed] of WRITES) {
    const noticesBefore = participant.notices.length
    write(participant.doc)
    assert.ok(changed(readControl(participant.doc)), `${what}: the raw client changed its own copy`)
    await handled(participant, facilitator)
    assert.not.ok(changed(readControl(facilitator.doc)), `${what}: the facilitator sees no change`)
    const fresh = connect(room, w.participantKey)
    await synced(fresh)
    assert.not.ok(changed(readControl(fresh.doc)), `${what}: a fresh client sees no change`)
    assert.not.ok(
      changed(app.sync.withDoc(w.id, 'control', readControl)),
      `${what}: the server's document is unchanged`,
    )
    fresh.destroy()
    assert.ok(participant.notices.slice(noticesBefore).some((n) => n.type === 'refused'), `${what}: the participant is told`)
  }
  const refusals = logged('refused writes').slice(refusedBefore)
  assert.is(refusals.length, 1, 'one log line for the socket in this minute, not one per write')
  assert.is(refusals[0].role, 'participant')
  assert.equal(participant.closes, [], 'refused writes alone do not close the socket')
})

test('the same writes from a facilitator key reach everyone; what only the server writes does not', async () => {
  const w = await createWorkshopAt(url)
  const room = `${w.id}/control`
  const facilitator = connect(room, w.facilitatorKey)
  const participant = connect(room, w.participantKey)
  await synced(facilitator, participant)
  for (const [, write] of WRITES) write(facilitator.doc)
  for (const [what, , changed] of FACILITATOR_WRITES) {
    await waitFor(() => changed(readControl(participant.doc)), `${what} reaches the participant`)
  }
  await handled(facilitator, participant)
  await waitFor(() => facilitator.notices.some((n) => n.type === 'refused' && n.reasons['server-only'] > 0), 'the facilitator is told')
  const fresh = connect(room, w.participantKey)
  await synced(fresh)
  for (const [what, , changed] of FACILITATOR_WRITES) assert.ok(changed(readControl(fresh.doc)), `${what}: a fresh client sees it`)
  for (const [what, , changed] of SERVER_WRITES) {
    assert.not.ok(changed(readControl(fresh.doc)), `${what}: only the server writes it`)
    assert.not.ok(changed(readControl(facilitator.doc)), `${what}: taken back in the facilitator's own copy too`)
  }
})

async function lockBoard(w: CreatedWorkshop, locked: boolean): Promise<void> {
  const control = connect(`${w.id}/control`, w.facilitatorKey)
  await synced(control)
  setBoardLock(control.doc, locked)
  await waitFor(() => app.sync.withDoc(w.id, 'control', readLocks).board === locked, 'lock reaches the server')
}

const cardTexts = (doc: Y.Doc) =>
  readBoardRecords(doc)
    .filter((r) => r.typeName === 'shape')
    .map((r) => (r as unknown as { props: { text?: string } }).props.text)

test('a locked board refuses participant edits (taken back, the socket told why, logged); the facilitator may still edit', async () => {
  const w = await createWorkshopAt(url)
  const facilitator = connect(w.id, w.facilitatorKey)
  const reader = connect(w.id, w.participantKey)
  await synced(facilitator, reader)
  await lockBoard(w, true)

  // A participant connecting to a locked board is let in: its catch-up changes nothing.
  const hostile = connect(w.id, w.participantKey, { reconnect: false })
  await synced(hostile)
  await handled(hostile, facilitator)
  assert.equal(hostile.closes, [], 'a catch-up that changes nothing is not refused')

  const refusedBefore = logged('refused writes').length
  boardRecordStore(hostile.doc).set('shape:sneaky', card('sneaky', 'note', 'Skrivet på låst tavla') as never)
  await waitFor(() => hostile.notices.some((n) => n.type === 'refused' && n.reasons['board-locked'] === 1), 'the participant is told why')
  await waitFor(() => !cardTexts(hostile.doc).includes('Skrivet på låst tavla'), "the card leaves the participant's own copy")
  assert.equal(hostile.closes, [], 'still connected')
  assert.ok(logged('refused writes').length > refusedBefore, 'logged')

  boardRecordStore(facilitator.doc).set('shape:allowed', card('allowed', 'note', 'Processledarens lapp') as never)
  await waitFor(() => cardTexts(reader.doc).includes('Processledarens lapp'), 'facilitator edit reaches participants')
  const fresh = connect(w.id, w.participantKey)
  await synced(fresh)
  assert.ok(cardTexts(fresh.doc).includes('Processledarens lapp'))
  assert.not.ok(cardTexts(fresh.doc).includes('Skrivet på låst tavla'), 'the refused edit is nowhere')
  assert.not.ok(cardTexts(facilitator.doc).includes('Skrivet på låst tavla'))

  // Unlocked, a participant's edit goes through again.
  await lockBoard(w, false)
  boardRecordStore(reader.doc).set('shape:after', card('after', 'note', 'Efter upplåsning') as never)
  await waitFor(() => cardTexts(facilitator.doc).includes('Efter upplåsning'), 'participant edit after unlock')
})

test('the private and control channels are still refused without a valid key', async () => {
  const w = await createWorkshopAt(url)
  const wrong = connect(`${w.id}/control`, 'not-the-key', { reconnect: false })
  await waitFor(() => wrong.closes.length > 0, 'refusal')
  assert.is(wrong.closes[0], 4403)
})

test('channel names from the object prototype are unknown paths, not a crash', async () => {
  const w = await createWorkshopAt(url)
  for (const channel of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
    const status = await new Promise<number | 'open'>((resolve) => {
      const ws = new WebSocket(`${wsUrl}/sync/${w.id}/${channel}?key=${w.participantKey}`)
      ws.on('open', () => {
        ws.close()
        resolve('open')
      })
      ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0))
      ws.on('error', () => {})
    })
    assert.is(status, 404, channel)
  }
  const res = await fetch(`${url}/healthz`)
  assert.is(res.status, 200, 'the server is still up')
})

test.run()
