import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import { createWorkshopFacts } from '../../server/facilitation/workshopFacts'
import { DocStore } from '../../server/store/docStore'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { finishAgenda, goToStep, readAgenda, readControl } from '../../workshops/facilitation/control'
import { startTestServer, type CreatedWorkshop, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'
import { card, frame } from '../unit/helpers/boardRecords'

let server: TestServer
const clients: YClient[] = []
const client = (room: string, key: string) => {
  const c = connectClient(server.wsUrl, room, key)
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

// Voters are seats the server gives open board connections (set by boardWithCards).
let VOTER_A = ''
let VOTER_B = ''
let VOTER_C = ''

/** A board connection that asks for notices, and the seat the server gives it. */
async function seat(w: CreatedWorkshop, key = w.participantKey): Promise<string> {
  const c = connectClient(server.wsUrl, w.id, key, { notices: true })
  clients.push(c)
  await waitFor(() => c.notices.some((n) => n.type === 'seat'), 'a seat')
  const notice = c.notices.find((n) => n.type === 'seat')
  return notice && notice.type === 'seat' ? notice.seat : ''
}

interface Answer {
  status: number
  body: Record<string, unknown>
}

async function call(method: string, path: string, key: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const vote = (w: CreatedWorkshop, body: unknown, key = w.facilitatorKey) => call('POST', `/api/workshops/${w.id}/vote`, key, body)
const dot = (w: CreatedWorkshop, voter: string, cardId: string, action: 'add' | 'remove' = 'add', key = w.participantKey) =>
  call('POST', `/api/workshops/${w.id}/votes`, key, { voter, cardId: `shape:${cardId}`, action })
const mine = (w: CreatedWorkshop, voter: string) =>
  call('GET', `/api/workshops/${w.id}/votes/mine?voter=${voter}`, w.participantKey)

/** A WS2 board with four challenges, an insight, and a frame with two ideas; waits until the server has it. */
async function boardWithCards(): Promise<{ w: CreatedWorkshop; facilitator: YClient; control: YClient }> {
  const w = await server.createWorkshop()
  const facilitator = client(w.id, w.facilitatorKey)
  const control = client(`${w.id}/control`, w.participantKey)
  await Promise.all([waitForSync(facilitator), waitForSync(control)])
  const store = boardRecordStore(facilitator.doc)
  const records = [
    card('c1', 'challenge', 'Hur skulle vi kunna stödja cheferna att tidigt upptäcka medarbetare som inte mår bra?', { y: 0 }),
    card('c2', 'challenge', 'Hur skulle vi kunna få cheferna att känna sig trygga i samtalet?', { y: 200 }),
    card('c3', 'challenge', 'Hur skulle vi kunna göra HR lätt att nå?', { y: 400 }),
    card('c4', 'challenge', 'Hur skulle vi kunna korta vägen tillbaka?', { y: 600 }),
    card('i1', 'insight', 'Vi har funnit att chefer känner sig otrygga …', { y: 800 }),
    frame('f1', 'Idéer', { x: 1000 }),
    card('d1', 'idea', 'Samtalsguide', { parent: 'f1' }),
    card('d2', 'idea', 'Mentorskap', { parent: 'f1', x: 300 }),
  ]
  facilitator.doc.transact(() => {
    for (const r of records) store.set(r.id, r as never)
  })
  await waitFor(
    () => server.app.sync.withDoc(w.id, 'board', (doc) => readBoardRecords(doc).some((r) => r.id === 'shape:d2')),
    'cards on the server',
  )
  ;[VOTER_A, VOTER_B, VOTER_C] = await Promise.all([seat(w), seat(w, w.facilitatorKey), seat(w)])
  return { w, facilitator, control }
}

test('only the facilitator key opens and closes a vote; bad bodies are refused', async () => {
  const { w } = await boardWithCards()
  assert.is((await vote(w, { action: 'open', target: { kind: 'challenge' } }, w.participantKey)).status, 403)
  assert.is((await vote(w, { action: 'open', target: {} })).status, 400)
  assert.is((await vote(w, { action: 'open', target: { kind: 'poem' } })).status, 400)
  assert.is((await vote(w, { action: 'open', target: { frameId: 'shape:nowhere' } })).status, 400)
  assert.is((await vote(w, { action: 'open', target: { kind: 'idea' }, dotsPerPerson: 0 })).status, 400)
  assert.is((await vote(w, { action: 'close' })).status, 409, 'nothing to close')
  const opened = await vote(w, { action: 'open', target: { kind: 'challenge' } })
  assert.is(opened.status, 201)
  const state = opened.body.vote as Record<string, unknown>
  assert.is(state.dotsPerPerson, 3, 'three dots by default')
  assert.is(state.allowStacking, false)
  assert.is((await vote(w, { action: 'open', target: { kind: 'idea' } })).status, 409, 'one open vote at a time')
  assert.is((await vote(w, { action: 'close' }, w.participantKey)).status, 403)
  assert.is((await vote(w, { action: 'close' })).status, 200)
})

test("dots are limited, stay secret until the vote closes, and are counted right after", async () => {
  const { w, control } = await boardWithCards()
  const opened = await vote(w, { action: 'open', target: { kind: 'challenge' }, dotsPerPerson: 3 })
  const voteId = (opened.body.vote as { id: string }).id
  await waitFor(() => readControl(control.doc).vote?.status === 'open', 'participants see the open vote')

  assert.equal((await dot(w, VOTER_A, 'c1')).body, { voteId, myDots: { 'shape:c1': 1 }, left: 2 })
  const twice = await dot(w, VOTER_A, 'c1')
  assert.is(twice.status, 409, 'no second dot on one card without stacking')
  assert.match(String(twice.body.error), /one dot per card/)
  assert.is((await dot(w, VOTER_A, 'i1')).status, 409, 'an insight is not in a vote on challenges')
  assert.is((await dot(w, VOTER_A, 'nope')).status, 404, 'no such card')
  await dot(w, VOTER_A, 'c2')
  assert.equal((await dot(w, VOTER_A, 'c3')).body, {
    voteId,
    myDots: { 'shape:c1': 1, 'shape:c2': 1, 'shape:c3': 1 },
    left: 0,
  })
  const fourth = await dot(w, VOTER_A, 'c4')
  assert.is(fourth.status, 409, 'three dots per person')
  assert.match(String(fourth.body.error), /no dots left/)

  // Taking one back frees it.
  assert.equal((await dot(w, VOTER_A, 'c2', 'remove')).body.left, 1)
  assert.is((await dot(w, VOTER_A, 'c2', 'remove')).status, 409, 'no dot left there to remove')
  await dot(w, VOTER_A, 'c4')

  await dot(w, VOTER_B, 'c1', 'add', w.facilitatorKey)
  await dot(w, VOTER_B, 'c3')

  // Before the close nobody sees anyone else's dots.
  assert.equal((await mine(w, VOTER_B)).body, { voteId, myDots: { 'shape:c1': 1, 'shape:c3': 1 }, left: 1 })
  assert.equal((await mine(w, VOTER_C)).body, { voteId, myDots: {}, left: 3 }, 'another voter sees nothing of theirs')
  const fresh = client(`${w.id}/control`, w.participantKey)
  await waitForSync(fresh)
  for (const doc of [control.doc, fresh.doc]) {
    const state = readControl(doc)
    assert.equal(state.voteResults, {})
    assert.is(state.vote?.status, 'open')
    assert.not.ok(Buffer.from(Y.encodeStateAsUpdate(doc)).includes('shape:c'), 'no card id anywhere in the control document')
  }

  const closed = await vote(w, { action: 'close' })
  assert.is(closed.status, 200)
  const result = closed.body.result as { counts: Record<string, number>; ranked: unknown; voters: number }
  assert.equal(result.counts, { 'shape:c1': 2, 'shape:c3': 2, 'shape:c4': 1 })
  assert.equal(result.ranked, [
    { cardId: 'shape:c1', count: 2 },
    { cardId: 'shape:c3', count: 2 },
    { cardId: 'shape:c4', count: 1 },
  ])
  assert.is(result.voters, 2)

  await waitFor(() => readControl(control.doc).vote?.status === 'closed', 'participants see the close')
  await waitFor(() => voteId in readControl(control.doc).voteResults, 'participants see the results')
  assert.equal(readControl(control.doc).voteResults[voteId].counts, result.counts)

  assert.is((await dot(w, VOTER_C, 'c2')).status, 409, 'no dots after the close')
  assert.equal((await mine(w, VOTER_A)).body, { voteId: null, myDots: {}, left: 0 })

  const facts = createWorkshopFacts({ db: server.app.db, docs: new DocStore(server.app.db), methods: server.app.methods })
  assert.equal(facts.voteTotals(w.id), result.counts, 'exports see the closed vote')
})

test('stacking allowed: several dots on one card, still within the limit', async () => {
  const { w } = await boardWithCards()
  await vote(w, { action: 'open', target: { kind: 'challenge' }, dotsPerPerson: 2, allowStacking: true })
  await dot(w, VOTER_A, 'c1')
  assert.equal((await dot(w, VOTER_A, 'c1')).body.myDots, { 'shape:c1': 2 })
  assert.is((await dot(w, VOTER_A, 'c1')).status, 409)
  assert.equal((await dot(w, VOTER_A, 'c1', 'remove')).body.myDots, { 'shape:c1': 1 })
  const { body } = await vote(w, { action: 'close' })
  assert.equal((body.result as { counts: unknown }).counts, { 'shape:c1': 1 })
})

test('a vote on a frame takes only the cards in it', async () => {
  const { w } = await boardWithCards()
  assert.is((await vote(w, { action: 'open', target: { frameId: 'shape:f1' }, dotsPerPerson: 1 })).status, 201)
  assert.is((await dot(w, VOTER_A, 'c1')).status, 409)
  assert.is((await dot(w, VOTER_A, 'f1')).status, 404, 'the frame itself is not a card')
  assert.equal((await dot(w, VOTER_A, 'd2')).body.myDots, { 'shape:d2': 1 })
})

test('votes across closed rounds add up for the exports; ballots hold no voter id; deleting the workshop deletes them', async () => {
  const { w } = await boardWithCards()
  await vote(w, { action: 'open', target: { kind: 'challenge' } })
  await dot(w, VOTER_A, 'c1')
  await vote(w, { action: 'close' })
  await vote(w, { action: 'open', target: { kind: 'challenge' } })
  await dot(w, VOTER_A, 'c1')
  await dot(w, VOTER_B, 'c2')
  const facts = createWorkshopFacts({ db: server.app.db, docs: new DocStore(server.app.db), methods: server.app.methods })
  assert.equal(facts.voteTotals(w.id), { 'shape:c1': 1 }, 'the open vote stays hidden')
  await vote(w, { action: 'close' })
  assert.equal(facts.voteTotals(w.id), { 'shape:c1': 2, 'shape:c2': 1 })

  const stored = JSON.stringify(server.app.db.prepare('SELECT * FROM vote_dots WHERE workshop_id = ?').all(w.id))
  assert.not.ok(stored.includes(VOTER_A) || stored.includes(VOTER_B), 'only hashes of voter ids are stored')

  assert.is((await call('GET', `/api/workshops/${w.id}/votes/mine?voter=short`, w.participantKey)).status, 400)
  assert.is((await call('GET', `/api/workshops/${w.id}/votes/mine?voter=${VOTER_A}`, 'wrong')).status, 403)

  const del = await fetch(`${server.url}/api/workshops/${w.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${w.facilitatorKey}` },
  })
  assert.is(del.status, 204)
  const left = server.app.db.prepare('SELECT (SELECT COUNT(*) FROM votes WHERE workshop_id = ?) + (SELECT COUNT(*) FROM vote_dots WHERE workshop_id = ?) AS n').get(w.id, w.id) as { n: number }
  assert.is(left.n, 0)
})

test('exports get the agenda as run from the control document, with the steps\' titles', async () => {
  const w = await server.createWorkshop()
  const control = client(`${w.id}/control`, w.facilitatorKey)
  await waitForSync(control)
  goToStep(control.doc, 0, 'review-needs', 1_000)
  goToStep(control.doc, 1, 'write-insights', 61_000)
  finishAgenda(control.doc, 121_000)
  await waitFor(
    () => server.app.sync.withDoc(w.id, 'control', (doc) => readAgenda(doc).finishedAt === 121_000),
    'agenda on the server',
  )
  const facts = createWorkshopFacts({ db: server.app.db, docs: new DocStore(server.app.db), methods: server.app.methods })
  assert.equal(facts.agendaAsRun(w.id), [
    { stepId: 'review-needs', title: { sv: 'Tillbaka till behoven', en: 'Back to the needs' }, startedAt: 1_000, endedAt: 61_000 },
    { stepId: 'write-insights', title: { sv: 'Skriv insikter', en: 'Write insights' }, startedAt: 61_000, endedAt: 121_000 },
  ])
  assert.equal(facts.agendaAsRun('unknownunknownunknown'), [])
})

test.run()
