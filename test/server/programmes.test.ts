import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { TLRecord } from '@tldraw/tlschema'
import { buildChain } from '../../workshops/chain/buildChain'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { goToStep } from '../../workshops/facilitation/control'
import { readOrigin } from '../../workshops/programme/provenance'
import { stepFrameId } from '../../workshops/templates/placeTemplates'
import { writeRecord } from '../helpers/boardEdits'
import { ADMIN_HEADERS, keyOf, startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'
import { arrow, cardIn } from '../unit/helpers/programmeBoards'

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

interface CreatedProgramme {
  id: string
  facilitatorUrl: string
  participantUrl: string
  workshops: Array<{ id: string; method: string; facilitatorUrl: string; participantUrl: string }>
}

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const type = res.headers.get('content-type') ?? ''
  const data = type.startsWith('application/json') ? ((await res.json()) as Record<string, unknown>) : Buffer.from(await res.arrayBuffer())
  return { status: res.status, body: data as Record<string, unknown>, bytes: data as Buffer, headers: res.headers }
}
const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

async function newProgramme(body: Record<string, unknown> = {}): Promise<CreatedProgramme & { facilitatorKey: string; participantKey: string; ws: Record<string, { id: string; facilitatorKey: string; participantKey: string }> }> {
  const res = await call('POST', '/api/programmes', ADMIN_HEADERS, { method: 'kupo', title: 'KUPO Värmland 2027', ...body })
  assert.is(res.status, 201, JSON.stringify(res.body))
  const created = res.body as unknown as CreatedProgramme
  const ws = Object.fromEntries(created.workshops.map((w) => [w.method, { id: w.id, facilitatorKey: keyOf(w.facilitatorUrl), participantKey: keyOf(w.participantUrl) }]))
  return { ...created, facilitatorKey: keyOf(created.facilitatorUrl), participantKey: keyOf(created.participantUrl), ws }
}

function client(room: string, key: string, opts: { notices?: boolean } = {}): YClient {
  const c = connectClient(server.wsUrl, room, key, opts)
  clients.push(c)
  return c
}

/** Writes records as a y-websocket client of the workshop, and waits until the server holds them. */
async function writeBoard(workshopId: string, key: string, records: readonly object[]): Promise<void> {
  const c = client(workshopId, key)
  await waitForSync(c)
  c.doc.transact(() => {
    for (const r of records) writeRecord(c.doc, r as { id: string })
  })
  const ids = records.map((r) => (r as { id: string }).id)
  await waitFor(() => {
    const onServer = server.app.sync.withDoc(workshopId, 'board', (doc) => new Set(readBoardRecords(doc).map((r) => r.id as string)))
    return ids.every((id) => onServer.has(id))
  }, 'the server to hold the records')
  c.destroy()
}

/** The board as a client of the workshop sees it. */
async function boardOf(workshopId: string, key: string): Promise<TLRecord[]> {
  const c = client(workshopId, key)
  await waitForSync(c)
  return readBoardRecords(c.doc)
}

/** WS1 as the working group leaves it: themes with quotes by arrow and by where they sit, needs linked to themes. */
const WS1_RECORDS = [
  cardIn('cluster-themes', 't-lead', 'theme', 'Ledarskap', { x: 20, y: 20 }),
  cardIn('cluster-themes', 't-res', 'theme', 'Resurser', { x: 800, y: 20 }),
  cardIn('cluster-themes', 'q-1', 'quote', 'Jag vet inte hur jag ska börja samtalet.', { x: 20, y: 200 }),
  cardIn('cluster-themes', 'q-2', 'quote', 'Jag känner frustration när det saknas vikarier.', { x: 800, y: 200 }),
  cardIn('cluster-themes', 'q-3', 'quote', 'Chefen frågade aldrig hur jag mådde.', { x: 760, y: 400 }),
  ...arrow('a-q3', 'q-3', 't-lead'),
  cardIn('identify-needs', 'n-1', 'need', 'Stöd i svåra samtal', { x: 20, y: 200 }),
  ...arrow('a-n1', 'n-1', 't-lead'),
]

const cardsOf = (records: readonly TLRecord[]) => records.filter((r) => r.typeName === 'shape' && r.type === 'card') as Array<TLRecord & { props: { kind: string; text: string }; parentId: string }>

test('a programme is made over HTTP; its keys open every workshop in it with the same roles, on the API and the sync endpoint', async () => {
  assert.is((await call('POST', '/api/programmes', {}, { method: 'kupo', title: 'X' })).status, 401, 'organisers only')
  assert.is((await call('POST', '/api/programmes', ADMIN_HEADERS, { method: 'kupo', title: 'X', workshops: ['ws1', 'ws1'] })).status, 400)
  assert.is((await call('POST', '/api/programmes', ADMIN_HEADERS, { method: 'kupo', title: 'X', workshops: ['ws9'] })).status, 400)
  assert.is((await call('POST', '/api/programmes', ADMIN_HEADERS, { method: 'nope', title: 'X' })).status, 400)

  const p = await newProgramme({ anonymous: true, persona: 'anna' })
  assert.equal(p.workshops.map((w) => w.method), ['ws1', 'ws2', 'ws3', 'ws4', 'ws5', 'ws6', 'ws7', 'ws8'], 'all eight in order')
  assert.match(p.facilitatorUrl, new RegExp(`/p/${p.id}#key=`))

  for (const w of p.workshops) {
    const asParticipant = await call('GET', `/api/workshops/${w.id}`, bearer(p.participantKey))
    assert.is(asParticipant.status, 200)
    assert.is(asParticipant.body.role, 'participant')
    assert.is(asParticipant.body.anonymous, true, 'the programme\'s anonymity')
    assert.equal(asParticipant.body.programme, { id: p.id, title: 'KUPO Värmland 2027', position: p.workshops.indexOf(w), count: 8, viaProgrammeKey: true })
    assert.is((await call('GET', `/api/workshops/${w.id}`, bearer(p.facilitatorKey))).body.role, 'facilitator')
  }
  // A workshop's own key opens that workshop only.
  assert.is((await call('GET', `/api/workshops/${p.ws.ws2.id}`, bearer(p.ws.ws1.facilitatorKey))).status, 403)
  assert.equal((await call('GET', `/api/workshops/${p.ws.ws1.id}`, bearer(p.ws.ws1.facilitatorKey))).body.programme, { id: p.id, title: 'KUPO Värmland 2027', position: 0, count: 8, viaProgrammeKey: false })

  // The sync endpoint: a programme participant writes the board but not the control document; the programme facilitator does both.
  const wsId = p.ws.ws4.id
  const participant = client(wsId, p.participantKey, { notices: true })
  const participantControl = client(`${wsId}/control`, p.participantKey)
  const facilitatorControl = client(`${wsId}/control`, p.facilitatorKey)
  await Promise.all([waitForSync(participant), waitForSync(participantControl), waitForSync(facilitatorControl)])
  writeRecord(participant.doc, cardIn('prepare-test', 'mine', 'note', 'En lapp från en deltagare'))
  goToStep(participantControl.doc, 1, 'show-prototypes', Date.now())
  goToStep(facilitatorControl.doc, 2, 'capture-feedback', Date.now())
  await waitFor(() => (facilitatorControl.doc.getMap('agenda').get('stepId') as string) === 'capture-feedback', 'the facilitator\'s step')
  await waitFor(() => server.app.sync.withDoc(wsId, 'board', (doc) => readBoardRecords(doc).some((r) => r.id === 'shape:mine')), 'the participant\'s card on the server')
  assert.is(server.app.sync.withDoc(wsId, 'control', (doc) => doc.getMap('agenda').get('stepId')), 'capture-feedback', 'only the facilitator moved the agenda')
  const wrong = client(wsId, 'not-a-key-of-this-programme')
  await waitFor(() => wrong.closes.includes(4403), 'a wrong key closed with 4403')

  // The programme page's answer.
  const page = await call('GET', `/api/programmes/${p.id}`, bearer(p.participantKey))
  assert.is(page.status, 200)
  assert.is(page.body.role, 'participant')
  assert.equal((page.body.workshops as Array<{ method: string; state: string }>).map((w) => [w.method, w.state]).slice(3, 5), [['ws4', 'running'], ['ws5', 'not-started']])
  assert.is((await call('GET', `/api/programmes/${p.id}`)).status, 403)
  assert.is((await call('GET', `/api/programmes/${p.id}`, bearer(p.ws.ws1.facilitatorKey))).status, 403, 'a workshop key is not the programme\'s')
  assert.is((await call('GET', '/api/programmes/AAAAAAAAAAAAAAAAAAAAAA', bearer(p.participantKey))).status, 404)

  // Mina workshoppar: the programme, and each workshop with its programme.
  const listed = (await call('GET', '/api/programmes', ADMIN_HEADERS)).body as unknown as Array<{ id: string; workshops: unknown[]; participantUrl: string }>
  const mine = listed.find((x) => x.id === p.id)!
  assert.is(mine.workshops.length, 8)
  assert.is(keyOf(mine.participantUrl), p.participantKey, 'the participant link can be copied again')
  const all = (await call('GET', '/api/workshops', ADMIN_HEADERS)).body as unknown as Array<{ id: string; programme: { id: string } | null }>
  assert.is(all.find((w) => w.id === p.ws.ws3.id)!.programme!.id, p.id)
})

test('WS2 opened for the first time holds WS1\'s themes, quotes and needs in its first step\'s frame, each with its origin', async () => {
  const p = await newProgramme({ workshops: ['ws1', 'ws2'] })
  await writeBoard(p.ws.ws1.id, p.facilitatorKey, WS1_RECORDS)

  const opened = await call('GET', `/api/workshops/${p.ws.ws2.id}`, bearer(p.facilitatorKey))
  assert.is(opened.status, 200)
  const board = await boardOf(p.ws.ws2.id, p.participantKey)
  const carried = cardsOf(board).filter((c) => readOrigin(c))
  assert.equal(carried.map((c) => `${c.props.kind}: ${c.props.text}`).sort(), [
    'need: Stöd i svåra samtal',
    'quote: Chefen frågade aldrig hur jag mådde.',
    'quote: Jag känner frustration när det saknas vikarier.',
    'quote: Jag vet inte hur jag ska börja samtalet.',
    'theme: Ledarskap',
    'theme: Resurser',
  ])
  for (const c of carried) {
    assert.is(c.parentId, stepFrameId('review-needs'))
    const origin = readOrigin(c)!
    assert.is(origin.workshop, p.ws.ws1.id)
    assert.ok(WS1_RECORDS.some((r) => r.id === origin.card), `${origin.card} is a WS1 card`)
  }
  assert.equal(
    buildChain(board).themes.map((t) => [t.theme.text, t.quotes.map((q) => q.text).sort(), t.needs.map((n) => n.text)]),
    [
      ['Ledarskap', ['Chefen frågade aldrig hur jag mådde.', 'Jag vet inte hur jag ska börja samtalet.'], ['Stöd i svåra samtal']],
      ['Resurser', ['Jag känner frustration när det saknas vikarier.'], []],
    ],
  )

  // Opened again, nothing more; "Hämta från tidigare workshoppar" brings only what is new since, and what changed.
  await call('GET', `/api/workshops/${p.ws.ws2.id}`, bearer(p.facilitatorKey))
  assert.is(cardsOf(await boardOf(p.ws.ws2.id, p.participantKey)).length, cardsOf(board).length)
  await writeBoard(p.ws.ws1.id, p.ws.ws1.facilitatorKey, [
    cardIn('cluster-themes', 'q-4', 'quote', 'Vi hinner aldrig prata med varandra.', { x: 800, y: 600 }),
    { ...WS1_RECORDS.find((r) => r.id === 'shape:q-1')!, props: { ...(WS1_RECORDS.find((r) => r.id === 'shape:q-1') as { props: object }).props, text: 'Jag vet inte hur jag ska inleda samtalet.' } },
  ])
  const again = await call('POST', `/api/workshops/${p.ws.ws2.id}/carry-over`, bearer(p.facilitatorKey))
  assert.is(again.status, 200, JSON.stringify(again.body))
  assert.is(again.body.placed, 1)
  assert.equal((again.body.cards as Array<{ text: string; from: { method: string } }>).map((c) => [c.text, c.from.method]), [['Vi hinner aldrig prata med varandra.', 'ws1']])
  assert.equal((again.body.updated as Array<{ before: string; after: string }>).map((u) => [u.before, u.after]), [['Jag vet inte hur jag ska börja samtalet.', 'Jag vet inte hur jag ska inleda samtalet.']])
  const texts = cardsOf(await boardOf(p.ws.ws2.id, p.participantKey)).map((c) => c.props.text)
  assert.ok(texts.includes('Jag vet inte hur jag ska inleda samtalet.'))
  assert.not.ok(texts.includes('Jag vet inte hur jag ska börja samtalet.'))
  const third = await call('POST', `/api/workshops/${p.ws.ws2.id}/carry-over`, bearer(p.ws.ws2.facilitatorKey), {})
  assert.equal([third.body.placed, (third.body.updated as unknown[]).length], [0, 0], 'nothing twice')
})

test('the carry-over is the facilitator\'s: participants and strangers are refused; a workshop of its own has nothing earlier', async () => {
  const p = await newProgramme({ workshops: ['ws1', 'ws2'] })
  assert.is((await call('POST', `/api/workshops/${p.ws.ws2.id}/carry-over`, bearer(p.participantKey))).status, 403)
  assert.is((await call('POST', `/api/workshops/${p.ws.ws2.id}/carry-over`, bearer(p.ws.ws2.participantKey))).status, 403)
  assert.is((await call('POST', `/api/workshops/${p.ws.ws2.id}/carry-over`)).status, 403)
  assert.is((await call('POST', `/api/workshops/${p.ws.ws2.id}/carry-over`, bearer(p.facilitatorKey), { replace: 'all' })).status, 400)
  const alone = await server.createWorkshop({ method: 'ws2' })
  assert.is((await call('POST', `/api/workshops/${alone.id}/carry-over`, bearer(alone.facilitatorKey))).status, 409)
  // Exports and deletion of the programme are the facilitator's too.
  assert.is((await call('GET', `/api/programmes/${p.id}/export/trace.csv`, bearer(p.participantKey))).status, 403)
  assert.is((await call('DELETE', `/api/programmes/${p.id}`, bearer(p.participantKey))).status, 403)
  assert.is((await call('GET', `/api/programmes/${p.id}/export/trace.exe`, bearer(p.facilitatorKey))).status, 404)
})

/** A seat of an open board connection, for voting. */
async function seat(workshopId: string, key: string): Promise<string> {
  const c = client(workshopId, key, { notices: true })
  await waitFor(() => c.notices.some((n) => n.type === 'seat'), 'a seat')
  const notice = c.notices.find((n) => n.type === 'seat')
  return notice && notice.type === 'seat' ? notice.seat : ''
}

test('a WS2 vote closed: WS3 gets its winners with their insights and quotes; the trace export has the path from a quote to a prototype', async () => {
  const p = await newProgramme({ workshops: ['ws1', 'ws2', 'ws3'] })
  await writeBoard(p.ws.ws1.id, p.facilitatorKey, WS1_RECORDS)
  await call('GET', `/api/workshops/${p.ws.ws2.id}`, bearer(p.facilitatorKey))
  const ws2 = await boardOf(p.ws.ws2.id, p.facilitatorKey)
  const quoteCopy = cardsOf(ws2).find((c) => c.props.text === 'Jag vet inte hur jag ska börja samtalet.')!.id.replace('shape:', '')
  await writeBoard(p.ws.ws2.id, p.participantKey, [
    cardIn('write-insights', 'i-1', 'insight', 'Vi har funnit att chefer känner sig otrygga i samtal.'),
    cardIn('write-challenges', 'c-1', 'challenge', 'Hur skulle vi kunna stödja cheferna i samtalen?'),
    cardIn('write-challenges', 'c-2', 'challenge', 'Hur skulle vi kunna göra HR lätt att nå?', { x: 240 }),
    ...arrow('l1', 'i-1', 'c-1'),
    ...arrow('l2', 'i-1', 'c-2'),
    ...arrow('l3', quoteCopy, 'i-1'),
  ])

  // A participant cannot mark a challenge "vald": the server takes it back.
  const marker = client(p.ws.ws2.id, p.participantKey, { notices: true })
  await waitForSync(marker)
  const c2 = readBoardRecords(marker.doc).find((r) => r.id === 'shape:c-2')!
  writeRecord(marker.doc, { ...c2, meta: { chosen: true } } as unknown as { id: string })
  await waitFor(() => marker.notices.some((n) => n.type === 'refused' && 'marks' in n.reasons), 'the mark refused')

  const opened = await call('POST', `/api/workshops/${p.ws.ws2.id}/vote`, bearer(p.facilitatorKey), { action: 'open', target: { kind: 'challenge' }, dotsPerPerson: 3, allowStacking: true })
  assert.is(opened.status, 201, JSON.stringify(opened.body))
  const voter = await seat(p.ws.ws2.id, p.participantKey)
  for (let i = 0; i < 2; i++) assert.is((await call('POST', `/api/workshops/${p.ws.ws2.id}/votes`, bearer(p.participantKey), { voter, cardId: 'shape:c-1', action: 'add' })).status, 200)
  assert.is((await call('POST', `/api/workshops/${p.ws.ws2.id}/votes`, bearer(p.participantKey), { voter, cardId: 'shape:c-2', action: 'add' })).status, 200)
  assert.is((await call('POST', `/api/workshops/${p.ws.ws2.id}/vote`, bearer(p.facilitatorKey), { action: 'close' })).status, 200)

  await call('GET', `/api/workshops/${p.ws.ws3.id}`, bearer(p.participantKey))
  const ws3 = await boardOf(p.ws.ws3.id, p.facilitatorKey)
  const carried = cardsOf(ws3).filter((c) => readOrigin(c))
  assert.equal(carried.filter((c) => c.props.kind === 'challenge').map((c) => c.props.text).sort(), ['Hur skulle vi kunna göra HR lätt att nå?', 'Hur skulle vi kunna stödja cheferna i samtalen?'], 'both got dots: both win (three winners at most)')
  const chain = buildChain(ws3)
  assert.equal(chain.pairs.map((pair) => [pair.challenge.text, pair.quotes.map((q) => q.text)]).sort(), [
    ['Hur skulle vi kunna göra HR lätt att nå?', ['Jag vet inte hur jag ska börja samtalet.']],
    ['Hur skulle vi kunna stödja cheferna i samtalen?', ['Jag vet inte hur jag ska börja samtalet.']],
  ])
  for (const c of carried) assert.is(c.parentId, stepFrameId('brainstorm'))

  // WS3 grows an idea and a prototype from the carried challenge.
  const challengeCopy = carried.find((c) => c.props.text === 'Hur skulle vi kunna stödja cheferna i samtalen?')!.id.replace('shape:', '')
  await writeBoard(p.ws.ws3.id, p.participantKey, [
    cardIn('brainstorm', 'idea-1', 'idea', 'En samtalsguide för chefer', { y: 800 }),
    cardIn('build-prototypes', 'p-1', 'prototype', 'Verktyg till chefer'),
    ...arrow('m1', challengeCopy, 'idea-1'),
    ...arrow('m2', 'idea-1', 'p-1'),
  ])

  const xlsx = await call('GET', `/api/programmes/${p.id}/export/trace.xlsx`, bearer(p.facilitatorKey))
  assert.is(xlsx.status, 200)
  assert.match(xlsx.headers.get('content-disposition') ?? '', /KUPO/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const rows: string[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  const header = rows[0]
  assert.equal(header.slice(0, 7), ['Citat', 'Tema', 'Behov', 'Insikt', 'Utmaning', 'Idé', 'Prototyp'])
  const col = (name: string) => header.indexOf(name)
  const path = rows.find((r) => r[col('Prototyp')] === 'Verktyg till chefer (WS3 Idégenerering och prototyper)')
  assert.ok(path, JSON.stringify(rows))
  assert.is(path![col('Citat')], 'Jag vet inte hur jag ska börja samtalet. (WS1 Intervjuanalys)')
  assert.is(path![col('Insikt')], 'Vi har funnit att chefer känner sig otrygga i samtal. (WS2 Insikter och utmaningar)')
  assert.is(path![col('Utmaning')], 'Hur skulle vi kunna stödja cheferna i samtalen? (WS2 Insikter och utmaningar)')
  assert.is(path![col('Idé')], 'En samtalsguide för chefer (WS3 Idégenerering och prototyper)')
  const flagged = rows.filter((r) => r[header.length - 1] !== '').map((r) => r[header.length - 1])
  assert.ok(flagged.includes('Inget har vuxit ur den här utmaningen'), 'the other challenge grew nothing yet')

  const csv = await call('GET', `/api/programmes/${p.id}/export/trace.csv`, bearer(p.facilitatorKey))
  assert.ok(csv.bytes.toString('utf8').startsWith('\uFEFFCitat;Tema;'))
  const json = await call('GET', `/api/programmes/${p.id}/export/trace.json?lang=en`, bearer(p.facilitatorKey))
  assert.is(json.body.format, 'samverkstad.trace')
  const md = (await call('GET', `/api/programmes/${p.id}/export/trace.md`, bearer(p.facilitatorKey))).bytes.toString('utf8')
  assert.match(md, /Prototyp: Verktyg till chefer \(WS3 Idégenerering och prototyper\)/)

  // The programme report: each workshop's part, then the chain.
  const report = (await call('GET', `/api/programmes/${p.id}/export/report.md`, bearer(p.facilitatorKey))).bytes.toString('utf8')
  for (const heading of ['# KUPO Värmland 2027', '## Workshoppar', '## KUPO Värmland 2027 · WS1 Intervjuanalys', '### Teman, citat och behov', '## Kedjan: från citat till resultat', '## Utbildningen som den utformades']) {
    assert.ok(report.includes(heading), heading)
  }
  const docx = await call('GET', `/api/programmes/${p.id}/export/report.docx`, bearer(p.facilitatorKey))
  const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')
  assert.ok(xml.includes('Kedjan: från citat till resultat') && xml.includes('Verktyg till chefer'))

  // The outline's path of a card: the carried quote in WS3 goes back to WS1 and on to the prototype.
  const quoteInWs3 = carried.find((c) => c.props.kind === 'quote')!
  const paths = await call('GET', `/api/workshops/${p.ws.ws3.id}/paths?card=${encodeURIComponent(quoteInWs3.id)}`, bearer(p.participantKey))
  assert.is(paths.status, 200)
  const furthest = (paths.body.paths as Array<{ cards: Array<{ text: string; method: string }> }>).map((x) => x.cards.map((c) => c.method).join('>'))
  assert.ok(furthest.includes('ws1>ws2>ws2>ws3>ws3'), furthest.join(' | '))
  assert.is((await call('GET', `/api/workshops/${p.ws.ws3.id}/paths?card=${encodeURIComponent(quoteInWs3.id)}`)).status, 403)
  assert.is((await call('GET', `/api/workshops/${p.ws.ws3.id}/paths?card=nonsense`, bearer(p.participantKey))).status, 400)
})

test('deleting a programme deletes its workshops for good', async () => {
  const p = await newProgramme({ workshops: ['ws1', 'ws2'] })
  assert.is((await call('DELETE', `/api/programmes/${p.id}`, bearer(p.facilitatorKey))).status, 204)
  assert.is((await call('GET', `/api/programmes/${p.id}`, bearer(p.facilitatorKey))).status, 404)
  assert.is((await call('GET', `/api/workshops/${p.ws.ws1.id}`, bearer(p.facilitatorKey))).status, 404)
  // A programme whose workshops were deleted one by one goes with the last.
  const q = await newProgramme({ workshops: ['ws1'] })
  assert.is((await call('DELETE', `/api/workshops/${q.ws.ws1.id}`, bearer(q.facilitatorKey))).status, 204)
  assert.is((await call('GET', `/api/programmes/${q.id}`, bearer(q.facilitatorKey))).status, 404)
})

test.run()
