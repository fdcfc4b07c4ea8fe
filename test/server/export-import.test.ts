import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { rmSync } from 'node:fs'
import { toRichText, type TLRecord } from '@tldraw/tlschema'
import { createApp, type App } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { createLog } from '../../server/log'
import { DocStore } from '../../server/store/docStore'
import type { StepAsRun, WorkshopFacts } from '../../server/workshops/facts'
import { cardKinds } from '../../workshops/cards/kinds'
import { validateBoardRecord } from '../../workshops/cards/schema'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { DOC_VERSION } from '../../workshops/doc/layout'
import type { WorkshopFile } from '../../workshops/export/workshopFile'
import { createWorkshopAt, keyOf, ROOT, tempDataDir, type CreatedWorkshop, TEST_ADMIN_TOKEN } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'
import { arrow, card, frame, group, PAGE_ID } from '../unit/helpers/boardRecords'

/** A small real WorkshopFacts: what the facilitation module would report, set by the test. */
class TestFacts implements WorkshopFacts {
  readonly votes = new Map<string, Record<string, number>>()
  readonly agenda = new Map<string, StepAsRun[]>()
  voteTotals(id: string) {
    return { ...(this.votes.get(id) ?? {}) }
  }
  agendaAsRun(id: string) {
    return this.agenda.get(id) ?? []
  }
}

const facts = new TestFacts()
let app: App
let url: string
let wsUrl: string
let dataDir: string

/** The builders put shapes on 'page:page'; a workshop's board has one page, BOARD_PAGE_ID. */
function onBoardPage(record: unknown): TLRecord {
  const r = record as TLRecord & { parentId?: string }
  return (r.parentId === PAGE_ID ? { ...r, parentId: BOARD_PAGE_ID } : r) as TLRecord
}

async function writeBoard(id: string, key: string, records: unknown[]): Promise<void> {
  const client = connectClient(wsUrl, id, key)
  try {
    await waitForSync(client)
    const kv = boardRecordStore(client.doc)
    client.doc.transact(() => {
      for (const r of records) kv.set((r as TLRecord).id, onBoardPage(r))
    })
    const docs = new DocStore(app.db)
    await waitFor(() => {
      const { ydoc } = docs.load(id)
      const stored = new Set(readBoardRecords(ydoc).map((r) => r.id))
      ydoc.destroy()
      return records.every((r) => stored.has((r as TLRecord).id))
    }, 'records stored on the server')
  } finally {
    client.destroy()
  }
}

const shapeBase = (id: string, type: string, parentId: string, meta: Record<string, unknown> = {}) => ({
  id: `shape:${id}`, typeName: 'shape', type, x: 40, y: 80, rotation: 0, index: 'a2', parentId, isLocked: true, opacity: 1, meta,
})

/** What a template places: a pinned, locked frame with a label and a text inside, and a step frame. */
const templateRecords = [
  { ...frame('tpl-persona', 'Persona: Anna', { x: -2000 }), isLocked: true, meta: { template: 'persona', pinned: true } },
  {
    ...shapeBase('tpl-persona-name', 'geo', 'shape:tpl-persona', { template: 'persona' }),
    props: {
      geo: 'rectangle', dash: 'solid', url: '', w: 300, h: 60, growY: 0, scale: 1, flipX: false, flipY: false, labelColor: 'black',
      color: 'black', fill: 'solid', size: 's', font: 'sans', align: 'middle', verticalAlign: 'middle', richText: toRichText('Anna, 36 år'),
    },
  },
  {
    ...shapeBase('tpl-persona-text', 'text', 'shape:tpl-persona'),
    props: { color: 'black', size: 's', font: 'sans', textAlign: 'start', w: 300, richText: toRichText('Sjuksköterska, sjukskriven 75 %'), scale: 1, autoSize: false },
  },
  { ...frame('step-brainstorm', 'Steg 2: Brainstorm', { y: 2000 }), meta: { stepId: 'brainstorm' } },
]

const boardRecords = [
  ...templateRecords,
  ...cardKinds().ids.map((kind, i) => card(`k-${kind}`, kind, `${kind}: åäö "text" ; rad\ntvå`, { y: i * 200, author: '' })),
  card('in-frame', 'idea', 'Idé i stegets ram', { parent: 'step-brainstorm', x: 40, y: 60 }),
  group('g', { x: 3000 }),
  card('in-group', 'note', 'I en grupp', { parent: 'g' }),
  ...arrow('a1', 'k-insight', 'k-challenge'),
  ...arrow('a2', 'k-quote', 'k-insight'),
  ...arrow('a3', 'k-challenge', 'k-idea'),
  ...arrow('a4', 'k-idea', 'k-prototype'),
  ...arrow('a5', 'k-quote', 'k-theme'),
]

test.before(async () => {
  for (const r of boardRecords) validateBoardRecord(r)
  dataDir = tempDataDir()
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', UNLOAD_AFTER_MS: '200', ADMIN_TOKEN: TEST_ADMIN_TOKEN, DATA_DIR: dataDir }, ROOT)
  app = createApp(config, createLog('silent'), { facts })
  const port = await app.listen()
  url = `http://127.0.0.1:${port}`
  wsUrl = `ws://127.0.0.1:${port}`
})
test.after(async () => {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const exportFile = async (w: { id: string; facilitatorKey: string }) => {
  const res = await fetch(`${url}/api/workshops/${w.id}/export/workshop.json`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(res.status, 200)
  return { text: await res.clone().text(), file: (await res.json()) as WorkshopFile }
}
const importFile = (body: string) =>
  fetch(`${url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body })
const workshopCount = () => (app.db.prepare('SELECT COUNT(*) AS n FROM workshops').get() as { n: number }).n
const docCount = () => (app.db.prepare('SELECT COUNT(*) AS n FROM doc_states').get() as { n: number }).n

let original: CreatedWorkshop
let first: { text: string; file: WorkshopFile }

test('round trip: import(export(w)) gives back the same board records, settings, votes and agenda', async () => {
  original = await createWorkshopAt(url, { method: 'ws3', title: 'Idéverkstad – Värmland', anonymous: true, persona: 'anna' })
  await writeBoard(original.id, original.facilitatorKey, boardRecords)
  facts.votes.set(original.id, { 'shape:k-challenge': 5, 'shape:k-idea': 3, 'shape:in-frame': 1 })
  facts.agenda.set(original.id, [
    { stepId: 'target-picture', title: { sv: 'Målbild', en: 'Target picture' }, startedAt: 1_764_000_000_000, endedAt: 1_764_001_200_000 },
    { stepId: 'brainstorm', title: { sv: 'Brainstorm', en: 'Brainstorm' }, startedAt: 1_764_001_200_000, endedAt: null },
  ])

  first = await exportFile(original)
  assert.is(first.file.format, 'samverkstad.workshop')
  assert.is(first.file.version, 1)
  assert.not.match(first.text, original.facilitatorKey)
  assert.not.match(first.text, original.participantKey)
  assert.ok(first.file.board.records.length >= boardRecords.length + 2, 'document, page and every written record')

  const res = await importFile(first.text)
  assert.is(res.status, 201, res.status === 201 ? '' : await res.clone().text())
  const created = (await res.json()) as { id: string; facilitatorUrl: string; participantUrl: string }
  assert.is.not(created.id, original.id)
  assert.ok(created.facilitatorUrl.startsWith(`${url}/w/${created.id}#key=`))
  const copy = { id: created.id, facilitatorKey: keyOf(created.facilitatorUrl), participantKey: keyOf(created.participantUrl) }
  assert.is.not(copy.facilitatorKey, original.facilitatorKey)

  const second = await exportFile(copy)
  const { exportedAt: _a, ...a } = first.file
  const { exportedAt: _b, ...b } = second.file
  assert.equal(b, a)
  assert.equal(second.file.settings, { anonymous: true, personaId: 'anna' })
  assert.equal(second.file.votes, { 'shape:in-frame': 1, 'shape:k-challenge': 5, 'shape:k-idea': 3 })
  assert.is(second.file.control?.agendaAsRun.length, 2)

  const info = await fetch(`${url}/api/workshops/${copy.id}`, { headers: { authorization: `Bearer ${copy.facilitatorKey}` } })
  const body = (await info.json()) as { role: string; anonymous: boolean; method: string; title: string }
  assert.equal([body.role, body.anonymous, body.method, body.title], ['facilitator', true, 'ws3', 'Idéverkstad – Värmland'])
  const old = await fetch(`${url}/api/workshops/${copy.id}`, { headers: { authorization: `Bearer ${original.facilitatorKey}` } })
  assert.is(old.status, 403, 'the old keys open nothing in the copy')

  // A browser joining the copy gets the same board.
  const client = connectClient(wsUrl, copy.id, copy.participantKey)
  try {
    await waitForSync(client)
    const byId = (rs: readonly TLRecord[]) => Object.fromEntries(rs.map((r) => [r.id, r]))
    assert.equal(byId(readBoardRecords(client.doc)), byId(first.file.board.records))
    assert.is(client.doc.getMap('meta').get('docVersion'), DOC_VERSION)
  } finally {
    client.destroy()
  }

  // The pairs of the copy carry the same votes.
  const pairs = async (w: { id: string; facilitatorKey: string }) =>
    ((await (await fetch(`${url}/api/workshops/${w.id}/export/pairs.json?key=${w.facilitatorKey}`)).json()) as { pairs: unknown[] }).pairs
  assert.equal(await pairs(copy), await pairs(original))
})

test('a file of version 99 gets 400 with a clear message and creates nothing', async () => {
  const before = [workshopCount(), docCount()]
  const res = await importFile(JSON.stringify({ ...first.file, version: 99 }))
  assert.is(res.status, 400)
  const { error } = (await res.json()) as { error: string }
  assert.match(error, /version 99, made by a newer Samverkstad; this server reads version 1/)
  assert.equal([workshopCount(), docCount()], before)
})

test('bad files get 400 naming the problem and create nothing', async () => {
  const before = [workshopCount(), docCount()]
  const badRecord = { ...card('bad', 'idea', 'x'), props: { kind: 'idea', text: 'x', author: '', w: 'wide', h: 140 } }
  const cases: Array<[string, RegExp]> = [
    [JSON.stringify({ ...first.file, board: { ...first.file.board, records: [...first.file.board.records, badRecord] } }), /board\.records\[\d+\] \(shape:bad\)/],
    [JSON.stringify({ ...first.file, method: 'ws99' }), /method "ws99" is not on this server/],
    [JSON.stringify({ ...first.file, format: 'something.else' }), /not a Samverkstad workshop file/],
    [JSON.stringify({ ...first.file, version: undefined }), /unknown workshop file version/],
    [JSON.stringify({ ...first.file, votes: { 'shape:k-idea': 'many' } }), /^cannot import the workshop file: votes/],
    ['{"format": "samverkstad.workshop",', /not valid JSON/],
  ]
  for (const [body, pattern] of cases) {
    const res = await importFile(body)
    assert.is(res.status, 400, String(pattern))
    assert.match(((await res.json()) as { error: string }).error, pattern)
  }
  assert.equal([workshopCount(), docCount()], before)
})

test.run()
