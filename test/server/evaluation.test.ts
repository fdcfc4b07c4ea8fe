import JSZip from 'jszip'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { EvaluationAnswer, EvaluationForm, FollowUpAnswer, ResultsAnswer } from '../../workshops/evaluation/api'
import { addMonths, dateAt, formatDate } from '../../workshops/evaluation/followUp'
import { readEvaluation } from '../../workshops/evaluation/state'
import { readLocks, setBoardLock } from '../../workshops/facilitation/control'
import { keyOf, startTestServer, type CreatedWorkshop, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

let server: TestServer
const clients: YClient[] = []

test.before(async () => {
  server = await startTestServer()
})
test.after.each(() => {
  for (const c of clients.splice(0)) c.destroy()
})
test.after(async () => {
  await server.close({ removeData: true })
})

interface Answer<T = Record<string, unknown>> {
  status: number
  body: T
}

async function call<T = Record<string, unknown>>(method: string, path: string, key: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T }
}

const path = (w: CreatedWorkshop, rest = '') => `/api/workshops/${w.id}/evaluation${rest}`
const control = (w: CreatedWorkshop, body: unknown, key = w.facilitatorKey) => call<EvaluationAnswer>('POST', path(w), key, body)
const form = (w: CreatedWorkshop, key: string, query = '', headers: Record<string, string> = {}) => call<EvaluationForm>('GET', path(w, `/form${query}`), key, undefined, headers)
const respond = (w: CreatedWorkshop, token: string, answers: unknown) => call('POST', path(w, '/responses'), null, { token, answers })
const results = (w: CreatedWorkshop, key = w.facilitatorKey) => call<ResultsAnswer>('GET', path(w, '/results'), key)

const answers = (before: number, after: number, text?: string) => ({
  'knowledge-mental-health': { before, after },
  'knowledge-methods-tools': { before: Math.max(1, before - 1), after },
  ...(text === undefined ? {} : { 'take-away': text }),
})

/** The count everyone's page shows: the control document, as a participant's connection receives it. */
async function liveCount(w: CreatedWorkshop): Promise<() => number | null> {
  const c = connectClient(server.wsUrl, `${w.id}/control`, w.participantKey)
  clients.push(c)
  await waitForSync(c)
  return () => readEvaluation(c.doc)?.responses ?? null
}

function databaseBytes(): Buffer {
  const file = join(server.dataDir, 'samverkstad.sqlite')
  return Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)])
}

test('twelve people answer from their own forms; one submits twice and is counted once; the stored rows hold no name, key or address', async () => {
  const w = await server.createWorkshop({ method: 'ws8', title: 'Utvärdering WS8' })
  const count = await liveCount(w)
  const opened = await control(w, { action: 'open' })
  assert.is(opened.status, 201)
  assert.is(opened.body.state?.status, 'open')
  const evaluationKey = keyOf(opened.body.evaluationUrl!)
  assert.match(opened.body.evaluationUrl!, `/e/${w.id}#key=`)
  await waitFor(() => count() === 0, 'the open evaluation in the control document')

  // Half from the board's participant key, half from the evaluation link.
  const tokens: string[] = []
  for (let i = 0; i < 12; i++) {
    const f = await form(w, i % 2 === 0 ? w.participantKey : evaluationKey)
    assert.is(f.status, 200)
    assert.is(f.body.round, 'session')
    assert.equal(f.body.questions.map((q) => q.id), ['knowledge-mental-health', 'knowledge-methods-tools', 'take-away'])
    tokens.push(f.body.token)
  }
  assert.is(new Set(tokens).size, 12, 'every form has its own token')
  for (let i = 0; i < 12; i++) {
    const r = await respond(w, tokens[i], answers(2 + (i % 3), 4 + (i % 2), `Svar nummer ${i}`))
    assert.is(r.status, 201)
    assert.is(r.body.replaced, false)
  }
  // The fourth person changes their mind: the same token replaces the answers.
  const again = await respond(w, tokens[3], answers(1, 5, 'Ändrat svar'))
  assert.is(again.status, 201)
  assert.is(again.body.replaced, true)
  // A reload: the same token comes back with this person's own answers, and no new form is issued.
  const reload = await form(w, w.participantKey, '', { 'evaluation-token': tokens[3] })
  assert.is(reload.body.token, tokens[3])
  assert.equal(reload.body.answers?.['take-away'], 'Ändrat svar')

  await waitFor(() => count() === 12, 'twelve responses counted live')
  const closed = await control(w, { action: 'close' })
  assert.is(closed.body.state?.status, 'closed')
  assert.is(closed.body.state?.responses, 12)

  const r = await results(w)
  assert.is(r.status, 200)
  assert.is(r.body.n, 12)
  assert.is(r.body.issued, 13 - 1, 'twelve forms issued: the reload issued none')
  assert.is(r.body.hidden, false)
  if (r.body.hidden) return
  const first = r.body.questions.find((q) => q.id === 'knowledge-mental-health')!
  assert.is(first.kind, 'rating')
  if (first.kind !== 'rating') return
  const total = (d: Record<string, number> | undefined) => Object.values(d ?? {}).reduce((a, b) => a + b, 0)
  assert.is(total(first.before), 12)
  assert.is(total(first.after), 12)
  assert.is(first.before?.['1'], 1, 'the replaced answer counts, the first one does not')
  assert.ok((first.meanChange ?? 0) > 1)
  assert.is(r.body.texts.length, 12)
  assert.ok(r.body.texts.includes('Ändrat svar'))
  assert.not.ok(r.body.texts.includes('Svar nummer 3'), 'the replaced text is gone')

  // No name, key, token or address anywhere in the file or its WAL; the rows hold only the token's hash and the answers.
  const stored = databaseBytes()
  for (const secret of [w.participantKey, w.facilitatorKey, evaluationKey, ...tokens, '127.0.0.1']) {
    assert.not.ok(stored.includes(Buffer.from(secret)), `the database does not hold ${secret.slice(0, 6)}…`)
  }
  const columns = server.app.db.prepare('SELECT name FROM pragma_table_info(?)').all('evaluation_responses').map((c) => (c as { name: string }).name)
  assert.equal(columns, ['workshop_id', 'round', 'token_hash', 'answers'])
  const rows = server.app.db.prepare('SELECT * FROM evaluation_responses WHERE workshop_id = ?').all(w.id) as Array<Record<string, string>>
  assert.is(rows.length, 12)
  for (const row of rows) assert.equal(Object.keys(JSON.parse(row.answers)).sort(), ['knowledge-mental-health', 'knowledge-methods-tools', 'take-away'])
})

test('results are hidden at n = 2 and shown at n = 3, and never while the evaluation is open', async () => {
  const w = await server.createWorkshop({ method: 'ws2' })
  await control(w, { action: 'open' })
  for (let i = 0; i < 2; i++) assert.is((await respond(w, (await form(w, w.participantKey)).body.token, answers(3, 4))).status, 201)
  const open = await results(w)
  assert.equal(open.body.hidden, true)
  assert.is((open.body as { reason?: string }).reason, 'open')
  assert.not.ok('questions' in open.body, 'nothing of the answers while open')

  await control(w, { action: 'close' })
  const two = await results(w)
  assert.is(two.body.n, 2)
  assert.is(two.body.hidden, true)
  assert.is((two.body as { reason?: string }).reason, 'too-few')
  assert.not.ok('questions' in two.body || 'texts' in two.body)

  await control(w, { action: 'open' })
  const third = await form(w, w.participantKey)
  await respond(w, third.body.token, answers(2, 5, 'Mod att fråga'))
  await control(w, { action: 'close' })
  const three = await results(w)
  assert.is(three.body.n, 3)
  assert.is(three.body.hidden, false)
  // Only one person wrote a text: that question stays hidden, so their line cannot be read.
  if (three.body.hidden) return
  const text = three.body.questions.find((q) => q.id === 'take-away')!
  assert.is(text.hidden, true)
  assert.equal(three.body.texts, [])
})

test('after closing, an answer with the participant\'s token is refused and nothing is stored; bad answers are refused too', async () => {
  const w = await server.createWorkshop({ method: 'ws2' })
  const count = await liveCount(w)
  await control(w, { action: 'open' })
  const token = (await form(w, w.participantKey)).body.token

  const bad: Array<[unknown, number, RegExp]> = [
    [{ 'knowledge-mental-health': { before: 6, after: 3 } }, 400, /whole number from 1 to 5/],
    [{ 'knowledge-mental-health': { before: 0, after: 3 } }, 400, /1 to 5/],
    [{ 'knowledge-mental-health': { before: 2.5, after: 3 } }, 400, /1 to 5/],
    [{ 'knowledge-mental-health': { before: 2 } }, 400, /after: missing/],
    [{ 'no-such-question': 'x' }, 400, /no such question/],
    [{ 'take-away': 'x'.repeat(501) }, 400, /at most 500 characters/],
    [{}, 400, /at least one question/],
  ]
  for (const [body, status, message] of bad) {
    const r = await respond(w, token, body)
    assert.is(r.status, status, JSON.stringify(body).slice(0, 60))
    assert.match(String(r.body.error), message)
  }
  assert.is((await call('POST', path(w, '/responses'), null, 'x'.repeat(20_000))).status, 413, 'an oversized body')
  assert.is((await respond(w, 'A'.repeat(32), answers(2, 3))).status, 403, 'a token the server never issued')
  assert.is((server.app.db.prepare('SELECT COUNT(*) AS n FROM evaluation_responses WHERE workshop_id = ?').get(w.id) as { n: number }).n, 0)

  await control(w, { action: 'close' })
  const late = await respond(w, token, answers(2, 3))
  assert.is(late.status, 409)
  assert.match(String(late.body.error), /closed/)
  const lateForm = await form(w, w.participantKey)
  assert.is(lateForm.status, 409)
  assert.is((lateForm.body as unknown as { status: string }).status, 'closed')
  assert.is((server.app.db.prepare('SELECT COUNT(*) AS n FROM evaluation_responses WHERE workshop_id = ?').get(w.id) as { n: number }).n, 0)
  assert.is(count(), 0)
})

test('a participant key cannot open, close, read results or set the follow-up; the evaluation link\'s key opens only the form', async () => {
  const w = await server.createWorkshop({ method: 'ws2' })
  assert.is((await control(w, { action: 'open' }, w.participantKey)).status, 403)
  const opened = await control(w, { action: 'open' })
  const evaluationKey = keyOf(opened.body.evaluationUrl!)
  assert.is((await control(w, { action: 'open' })).status, 409, 'already open')
  for (const key of [w.participantKey, evaluationKey]) {
    assert.is((await results(w, key)).status, 403)
    assert.is((await call('GET', path(w, '/results.csv'), key)).status, 403)
    assert.is((await call('GET', path(w), key)).status, 403)
    assert.is((await control(w, { action: 'close' }, key)).status, 403)
    assert.is((await call('POST', path(w, '/follow-up'), key, {})).status, 403)
  }
  // The evaluation key is no key of the workshop: not the API, not the board, not the exports.
  assert.is((await call('GET', `/api/workshops/${w.id}`, evaluationKey)).status, 403)
  assert.is((await call('GET', `/api/workshops/${w.id}/export/report.md`, evaluationKey)).status, 403)
  const board = connectClient(server.wsUrl, w.id, evaluationKey, { reconnect: false })
  clients.push(board)
  await waitFor(() => board.closes.length > 0, 'the board refusing the evaluation key')
  assert.is(board.closes[0], 4403)
  assert.is((await form(w, evaluationKey, '?round=follow-up')).status, 403, 'the link is for its own round only')
  assert.is((await form(w, 'x'.repeat(32))).status, 403)
  // The other workshop's token counts for nothing here.
  const other = await server.createWorkshop({ method: 'ws2' })
  await control(other, { action: 'open' })
  assert.is((await respond(w, (await form(other, other.participantKey)).body.token, answers(2, 3))).status, 403)
})

test('forms and submissions are limited: one address gets a training\'s worth of forms, one token a few quick changes', async () => {
  const w = await server.createWorkshop({ method: 'ws2' })
  await control(w, { action: 'open' })
  let first = ''
  for (let i = 0; i < 120; i++) {
    const f = await form(w, w.participantKey)
    assert.is(f.status, 200)
    if (i === 0) first = f.body.token
  }
  const over = await form(w, w.participantKey)
  assert.is(over.status, 429)
  assert.ok(Number((await fetch(`${server.url}${path(w, '/form')}`, { headers: { authorization: `Bearer ${w.participantKey}` } })).headers.get('retry-after')) >= 1)
  for (let i = 0; i < 10; i++) assert.is((await respond(w, first, answers(1 + (i % 5), 3))).status, 201)
  assert.is((await respond(w, first, answers(3, 3))).status, 429, 'an eleventh change in a row')
  await control(w, { action: 'close' })
  const r = await results(w)
  assert.is(r.body.n, 1, 'many changes, one response')
  assert.is(r.body.issued, 120)
})

test('the follow-up: a date six months on by default, a link that opens on that day and asks about now, its results beside the first', async () => {
  const w = await server.createWorkshop({ method: 'ws8' })
  assert.is((await call('POST', path(w, '/follow-up'), w.facilitatorKey, {})).status, 409, 'no evaluation yet')
  const opened = await control(w, { action: 'open' })
  const sixMonths = formatDate(addMonths(dateAt(Date.now()), 6))
  assert.is(opened.body.defaultFollowUpDate, sixMonths)
  for (let i = 0; i < 3; i++) await respond(w, (await form(w, w.participantKey)).body.token, answers(2, 4, `Workshop ${i}`))
  await control(w, { action: 'close' })

  const later = await call<FollowUpAnswer>('POST', path(w, '/follow-up'), w.facilitatorKey, {})
  assert.is(later.status, 200)
  assert.is(later.body.date, sixMonths)
  const followUpKey = keyOf(later.body.followUpUrl)
  const early = await form(w, followUpKey)
  assert.is(early.status, 409)
  assert.equal(early.body as unknown, { error: `the follow-up opens on ${sixMonths}`, status: 'scheduled', opensOn: sixMonths })

  for (const [date, message] of [['2020-01-01', /has passed/], ['2027-02-30', /YYYY-MM-DD/], ['2099-01-01', /five years/]] as const) {
    const r = await call('POST', path(w, '/follow-up'), w.facilitatorKey, { date })
    assert.is(r.status, 400)
    assert.match(String(r.body.error), message)
  }
  // Moved to today: the same link opens now.
  const today = formatDate(dateAt(Date.now()))
  const moved = await call<FollowUpAnswer>('POST', path(w, '/follow-up'), w.facilitatorKey, { date: today })
  assert.is(moved.body.followUpUrl, later.body.followUpUrl)
  const f = await form(w, followUpKey)
  assert.is(f.status, 200)
  assert.is(f.body.round, 'follow-up')
  assert.is((await respond(w, f.body.token, answers(2, 4))).status, 400, 'the follow-up asks about now, not before and after')
  const now = (n: number, text: string) => ({ 'knowledge-mental-health': { now: n }, 'knowledge-methods-tools': { now: n }, 'take-away': text })
  assert.is((await respond(w, f.body.token, now(5, 'Uppföljning 0'))).status, 201)
  for (let i = 1; i < 3; i++) await respond(w, (await form(w, followUpKey)).body.token, now(4, `Uppföljning ${i}`))

  const during = await results(w)
  assert.is(during.body.hidden, false, 'the workshop\'s round stays shown')
  assert.is(during.body.followUp?.hidden, true, 'the follow-up is hidden while open')
  assert.is(during.body.followUp?.n, 3)
  await control(w, { action: 'close', round: 'follow-up' })
  const after = await results(w)
  const row = after.body.followUp
  assert.is(row?.hidden, false)
  if (!row || row.hidden) return
  const q = row.questions.find((x) => x.id === 'knowledge-mental-health')!
  assert.is(q.kind === 'rating' ? q.meanNow : null, 13 / 3)

  // The report (Markdown and Word) holds both rounds; the chart is a table of shaded cells.
  const md = await call('GET', `/api/workshops/${w.id}/export/report.md`, w.facilitatorKey)
  assert.match(String(md.body), '## Utvärdering')
  assert.match(String(md.body), 'Antal svar vid workshoppen: 3')
  assert.match(String(md.body), `Uppföljning ${today}`)
  assert.match(String(md.body), 'Före')
  assert.match(String(md.body), 'Uppföljning − före: +2,3')
  const docx = await fetch(`${server.url}/api/workshops/${w.id}/export/report.docx`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string')
  assert.match(xml, 'Utvärdering')
  assert.match(xml, 'w:fill="1864AB"', 'the bars after the workshop')
  assert.match(xml, 'w:fill="2B8A3E"', 'the follow-up bars')
  assert.match(xml, 'Workshop 1')

  const csv = await call('GET', path(w, '/results.csv'), w.facilitatorKey)
  assert.is(csv.status, 200)
  assert.match(String(csv.body), 'Min kunskap om psykisk ohälsa;Workshoppen;Före;3;0;3;0;0;0;2,0;;')
  assert.match(String(csv.body), `Uppföljning ${today};Uppföljning;3;0;0;0;2;1;4,3;;`)
})

test('only the server writes the evaluation into the control document; deleting the workshop leaves no answer in the file or its WAL', async () => {
  const w = await server.createWorkshop({ method: 'ws2' })
  const count = await liveCount(w)
  await control(w, { action: 'open' })
  await waitFor(() => count() === 0, 'the open evaluation')
  // A facilitator's own connection tries to show a made-up count; then a permitted edit as a barrier.
  const facilitator = connectClient(server.wsUrl, `${w.id}/control`, w.facilitatorKey)
  clients.push(facilitator)
  await waitForSync(facilitator)
  facilitator.doc.getMap('evaluation').set('current', { status: 'open', openedAt: 1, closedAt: null, responses: 99, followUp: null })
  setBoardLock(facilitator.doc, true)
  await waitFor(() => readLocks(server.app.sync.withDoc(w.id, 'control', (d) => d)).board, 'the barrier on the server')
  await waitFor(() => count() === 0 && readEvaluation(facilitator.doc)?.responses === 0, 'the made-up count taken back')
  assert.is(server.app.sync.withDoc(w.id, 'control', readEvaluation)?.responses, 0)

  const secret = 'Ett svar som ska försvinna helt'
  await respond(w, (await form(w, w.participantKey)).body.token, answers(2, 4, secret))
  assert.ok(databaseBytes().includes(Buffer.from(secret)), 'the answer is stored')
  const deleted = await call('DELETE', `/api/workshops/${w.id}`, w.facilitatorKey)
  assert.is(deleted.status, 204)
  assert.not.ok(databaseBytes().includes(Buffer.from(secret)), 'the answer is gone from the file and the WAL')
  assert.is((server.app.db.prepare('SELECT COUNT(*) AS n FROM evaluations WHERE workshop_id = ?').get(w.id) as { n: number }).n, 0)
})

test.run()
