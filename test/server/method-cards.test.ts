import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { openDatabase } from '../../server/store/database'
import { DocStore } from '../../server/store/docStore'
import { builtinCardKinds, cardKinds } from '../../workshops/cards/kinds'
import { boardSchema } from '../../workshops/cards/schema'
import { appendRecords, boardMeta, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID, emptyBoardRecords } from '../../workshops/doc/initialRecords'
import { DOC_VERSION, META_DOC_VERSION, META_TLDRAW_SCHEMA } from '../../workshops/doc/layout'
import { templateFrameId } from '../../workshops/templates/placeTemplates'
import { recordOf, writeRecord } from '../helpers/boardEdits'
import { startTestServer, type CreatedWorkshop, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'
import { arrow, card } from '../unit/helpers/boardRecords'

process.setMaxListeners(40)
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

async function open(s: TestServer, w: CreatedWorkshop, key = w.participantKey): Promise<YClient> {
  const c = connectClient(s.wsUrl, w.id, key, { notices: true })
  clients.push(c)
  await waitForSync(c)
  return c
}

/** Writes records in one edit, as a browser does, and waits until another client has the last one. */
async function writeAll(writer: YClient, reader: YClient, records: ReadonlyArray<{ id: string }>): Promise<void> {
  writer.doc.transact(() => {
    for (const r of records) writeRecord(writer.doc, r)
  })
  const last = records[records.length - 1].id
  await waitFor(() => recordOf(reader.doc, last) !== undefined, `${last} reaches the other client`)
}

async function download(s: TestServer, w: CreatedWorkshop, file: string, lang = 'sv'): Promise<Buffer> {
  const res = await fetch(`${s.url}/api/workshops/${w.id}/export/${file}?lang=${lang}`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(res.status, 200, `${file}: ${res.status}`)
  return Buffer.from(await res.arrayBuffer())
}

async function sheetsOf(xlsx: Buffer): Promise<Array<{ name: string; rows: string[][] }>> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx as never)
  return book.worksheets.map((sheet) => {
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))))
    return { name: sheet.name, rows }
  })
}

async function docxText(docx: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
}

test('WS5: a board written by a y-websocket client exports its training plan over HTTP (Excel and Word)', async () => {
  const w = await server.createWorkshop({ method: 'ws5', title: 'Chefsutbildning' })
  const writer = await open(server, w)
  const reader = await open(server, w, w.facilitatorKey)
  const plan = templateFrameId('training-plan')
  await writeAll(writer, reader, [
    card('s1', 'session', 'Tillfälle 1', { parent: plan, x: 40, y: 160, fields: { minutes: 60 } }),
    card('s2', 'session', 'Tillfälle 2', { parent: plan, x: 700, y: 160, fields: { minutes: 90 } }),
    card('b1', 'block', 'Annas resa', { parent: plan, x: 40, y: 360, fields: { type: 'film', minutes: 40, material: 'Filmen Annas resa', responsible: 'HR' } }),
    card('b2', 'block', 'Självinsikt', { parent: plan, x: 40, y: 580, fields: { type: 'reflection', minutes: 30 } }),
    card('b3', 'block', 'Samtalsövningar', { parent: plan, x: 700, y: 360, fields: { type: 'exercise', minutes: 45 } }),
    card('n1', 'need', 'Ökad kunskap om psykisk hälsa', { parent: BOARD_PAGE_ID, x: 0, y: 5000 }),
    ...arrow('a1', 'b1', 'n1'),
  ])

  const [sheet, needs] = await sheetsOf(await download(server, w, 'training-plan.xlsx'))
  assert.equal(
    sheet.rows.map((r) => r.slice(0, 6)),
    [
      ['Tillfälle', 'Tillfällets längd (min)', 'Nr', 'Block', 'Typ', 'Tid (min)'],
      ['Tillfälle 1', '60', '1', 'Annas resa', 'Film', '40'],
      ['Tillfälle 1', '60', '2', 'Självinsikt', 'Reflektion', '30'],
      ['Tillfälle 2', '90', '3', 'Samtalsövningar', 'Samtalsövning', '45'],
    ],
  )
  assert.equal(sheet.rows[1].slice(6), ['Filmen Annas resa', 'HR', 'Ökad kunskap om psykisk hälsa', ''])
  assert.equal(needs.rows, [['Behov']], 'every need has a block')

  const text = await docxText(await download(server, w, 'training-plan.docx', 'en'))
  for (const line of ['Training plan', 'Tillfälle 1', 'Block 1: Annas resa', 'The blocks take 10 min longer than the session.', 'Type: Film', 'Answers the needs: Ökad kunskap om psykisk hälsa']) {
    assert.ok(text.includes(line), line)
  }
})

test('WS4, WS6, WS7 and WS8: each board\'s own export, from cards a client wrote', async () => {
  const ws4 = await server.createWorkshop({ method: 'ws4' })
  const [a, b] = [await open(server, ws4), await open(server, ws4, ws4.facilitatorKey)]
  const test4 = templateFrameId('prototype-test')
  await writeAll(a, b, [
    card('p', 'prototype', 'Verktyg till chefer', { parent: test4, x: 40, y: 160, fields: { changes: 'Enklare språk' } }),
    card('f', 'feedback', 'Bra att det är kort', { parent: test4, x: 40, y: 360, fields: { verdict: 'works', role: 'förskolechef' } }),
  ])
  const md = (await download(server, ws4, 'feedback.md')).toString('utf8')
  assert.match(md, '## Verktyg till chefer\n\n**Det här ändrar vi:** Enklare språk\n\n### Fungerar\n\n- Bra att det är kort (från förskolechef)')
  assert.equal((await sheetsOf(await download(server, ws4, 'feedback.xlsx')))[0].rows[1], ['Verktyg till chefer', 'Fungerar', 'Bra att det är kort', 'förskolechef', 'Enklare språk'])

  const ws6 = await server.createWorkshop({ method: 'ws6' })
  const [c, d] = [await open(server, ws6), await open(server, ws6, ws6.facilitatorKey)]
  const story = templateFrameId('storyboard')
  await writeAll(c, d, [
    card('sc', 'scene', 'Anna kommer sent', { parent: story, x: 40, y: 160, fields: { place: 'Personalrummet' } }),
    card('l', 'line', 'Hur har du det?', { parent: story, x: 40, y: 360, fields: { speaker: 'Chefen' } }),
    card('sh', 'shot', '-Anna vid kaffeautomaten', { parent: story, x: 40, y: 560, fields: { minutes: 10 } }),
  ])
  const csv = (await download(server, ws6, 'shot-list.csv')).toString('utf8')
  assert.match(csv, "1. Anna kommer sent;'-Anna vid kaffeautomaten;Personalrummet;;;10\r\n", 'a cell that would start a formula is text')
  assert.ok((await docxText(await download(server, ws6, 'manuscript.docx'))).includes('CHEFEN: Hur har du det?'))
  assert.equal((await sheetsOf(await download(server, ws6, 'shot-list.xlsx')))[0].rows[1][1], "'-Anna vid kaffeautomaten")

  const ws7 = await server.createWorkshop({ method: 'ws7' })
  const [e, f] = [await open(server, ws7), await open(server, ws7, ws7.facilitatorKey)]
  await writeAll(e, f, [card('ex', 'exercise', 'Den tysta medarbetaren', { parent: templateFrameId('exercise-cards'), x: 40, y: 160, fields: { situation: 'Sara drar sig undan.', questions: 'Hur har du det?' } })])
  const exercise = await docxText(await download(server, ws7, 'exercises.docx'))
  assert.ok(exercise.includes('Övning 1: Den tysta medarbetaren') && exercise.includes('Sara drar sig undan.'))

  const ws8 = await server.createWorkshop({ method: 'ws8' })
  const [g, h] = [await open(server, ws8), await open(server, ws8, ws8.facilitatorKey)]
  const plans = templateFrameId('plans')
  await writeAll(g, h, [
    card('o1', 'organisation', 'Eda kommun', { parent: plans, x: 40, y: 160, fields: { followUp: '2027-04-01' } }),
    card('o2', 'organisation', 'Grums kommun', { parent: plans, x: 700, y: 160 }),
    card('x1', 'activity', 'Chefsdag om psykisk ohälsa', { parent: plans, x: 40, y: 360, fields: { who: 'Personalkonsult', when: 'mars' } }),
    card('x2', 'activity', 'Rutin för tidiga samtal', { parent: plans, x: 700, y: 360 }),
  ])
  const sheets = await sheetsOf(await download(server, ws8, 'plans.xlsx'))
  assert.equal(sheets.map((s) => [s.name, s.rows.slice(1)]), [
    ['Eda kommun', [['Chefsdag om psykisk ohälsa', 'Personalkonsult', 'mars', '2027-04-01']]],
    ['Grums kommun', [['Rutin för tidiga samtal', '', '', '']]],
  ])
  const report = (await download(server, ws8, 'report.md')).toString('utf8')
  assert.match(report, '### Eda kommun\n\n**Uppföljning:** 2027-04-01\n\n- Chefsdag om psykisk ohälsa – Personalkonsult, mars')

  // Only the facilitator (or an organiser) exports.
  const refused = await fetch(`${server.url}/api/workshops/${ws8.id}/export/plans.xlsx`, { headers: { authorization: `Bearer ${ws8.participantKey}` } })
  assert.is(refused.status, 403)
})

test('the server refuses a card whose structured fields do not fit its kind, and keeps the ones that do', async () => {
  const w = await server.createWorkshop({ method: 'ws5' })
  const participant = await open(server, w)
  const other = await open(server, w, w.facilitatorKey)
  const plan = templateFrameId('training-plan')
  const bad = [
    card('bad-minutes', 'block', 'Hur länge?', { parent: plan, fields: { minutes: 'länge' } }),
    card('bad-range', 'session', 'För långt', { parent: plan, fields: { minutes: 5000 } }),
    card('bad-type', 'block', 'Okänd typ', { parent: plan, fields: { type: 'workshop' } }),
    card('bad-field', 'feedback', 'Med namn', { parent: plan, fields: { verdict: 'works', name: 'Lena Olsson' } }),
    card('bad-kind', 'checklist', 'Okänt slag', { parent: plan }),
  ]
  for (const record of bad) writeRecord(participant.doc, record)
  // A valid edit after them is the barrier: once the other client has it, the server has judged the rest.
  await writeAll(participant, other, [card('good', 'block', 'Annas resa', { parent: plan, fields: { type: 'film', minutes: 40 } })])
  for (const record of bad) {
    assert.is(recordOf(other.doc, record.id), undefined, `${record.id} never reaches anyone`)
  }
  await waitFor(() => bad.every((r) => recordOf(participant.doc, r.id) === undefined), 'the writer\'s own copy goes back')
  assert.equal((recordOf(other.doc, 'good')!.props as { fields: unknown }).fields, { type: 'film', minutes: 40 })
  await waitFor(() => participant.notices.some((n) => n.type === 'refused' && (n.reasons as Record<string, number>)['invalid-record'] > 0), 'the writer is told why')

  // A valid card whose fields are later made invalid keeps its valid form.
  writeRecord(participant.doc, card('good', 'block', 'Annas resa', { parent: plan, fields: { minutes: -5 } }))
  await writeAll(participant, other, [card('barrier', 'note', 'klart', { parent: plan })])
  assert.equal((recordOf(other.doc, 'good')!.props as { fields: unknown }).fields, { type: 'film', minutes: 40 })
})

test('the workshop info hands the browser this server\'s card kinds, an employer\'s own kind included, and the server judges with them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkstad-kinds-'))
  const extra = {
    kinds: [
      {
        id: 'checklist',
        label: { sv: 'Checklista', en: 'Checklist' },
        color: '#e6fcf5',
        links: ['block'],
        fields: [{ id: 'done', type: 'choice', label: { sv: 'Klar', en: 'Done' }, values: [{ id: 'yes', label: { sv: 'Ja', en: 'Yes' } }, { id: 'no', label: { sv: 'Nej', en: 'No' } }] }],
      },
    ],
  }
  fs.writeFileSync(path.join(dir, 'card-kinds.json'), JSON.stringify(extra))
  const ws5 = JSON.parse(fs.readFileSync(new URL('../../workshops/definitions/ws5.json', import.meta.url), 'utf8'))
  ws5.id = 'region-ws5'
  ws5.steps[4].cardKinds = ['block', 'checklist']
  fs.writeFileSync(path.join(dir, 'region-ws5.json'), JSON.stringify(ws5))
  const own = await startTestServer({ WORKSHOPS_DIR: dir })
  try {
    const w = await own.createWorkshop({ method: 'region-ws5' })
    const info = (await (await fetch(`${own.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${w.participantKey}` } })).json()) as { cardKinds: Array<{ id: string }> }
    assert.equal(info.cardKinds.map((k) => k.id), [...builtinCardKinds().map((k) => k.id), 'checklist'])
    const methods = (await (await fetch(`${own.url}/api/methods`)).json()) as Array<{ id: string }>
    assert.ok(methods.some((m) => m.id === 'region-ws5'), 'the card-kinds file is no workshop of its own')

    const writer = connectClient(own.wsUrl, w.id, w.participantKey, { notices: true })
    const reader = connectClient(own.wsUrl, w.id, w.facilitatorKey)
    clients.push(writer, reader)
    await Promise.all([waitForSync(writer), waitForSync(reader)])
    writeRecord(writer.doc, card('wrong', 'checklist', 'Boka lokal', { fields: { done: 'maybe' } }))
    writeRecord(writer.doc, card('right', 'checklist', 'Boka lokal', { fields: { done: 'yes' } }))
    await waitFor(() => recordOf(reader.doc, 'right') !== undefined, 'the employer\'s kind is kept')
    assert.is(recordOf(reader.doc, 'wrong'), undefined)
  } finally {
    for (const c of clients.splice(0)) c.destroy()
    await own.close({ removeData: true })
    fs.rmSync(dir, { recursive: true, force: true })
  }
  // Kinds belong to the process: the next server started in it has only its own.
  const again = await startTestServer()
  await again.close({ removeData: true })
  assert.not.ok(cardKinds().has('checklist'))
})

test('a board stored by the previous version opens with every card, upgraded once and for good', async () => {
  const s = await startTestServer()
  const w = await s.createWorkshop({ method: 'ws2', title: 'Från förra versionen' })
  await s.close()
  // Write the board as version 1 stored it: cards without fields, the card shape at version 1 in meta.
  const v1Schema = { ...boardSchema.serialize(), sequences: { ...boardSchema.serialize().sequences, 'com.tldraw.shape.card': 1 } }
  const oldCard = (id: string, kind: string, text: string, y: number) => {
    const c = card(id, kind, text, { parent: BOARD_PAGE_ID, y })
    const { fields: _f, ...props } = c.props
    return { ...c, props } as unknown as TLRecord
  }
  const oldCards = [oldCard('i', 'insight', 'Vi har funnit att chefer är ensamma', 0), oldCard('c', 'challenge', 'Hur skulle vi kunna stötta dem?', 200), oldCard('q', 'quote', 'Jag känner mig ensam', 400)]
  const db = openDatabase(s.dataDir)
  const store = new DocStore(db)
  store.deleteAll(w.id)
  const doc = new Y.Doc()
  doc.transact(() => {
    boardMeta(doc).set(META_DOC_VERSION, 1)
    boardMeta(doc).set(META_TLDRAW_SCHEMA, v1Schema)
    appendRecords(doc, [...emptyBoardRecords('Från förra versionen'), ...oldCards, ...(arrow('a', 'i', 'c') as unknown as TLRecord[])])
  })
  store.create(w.id, doc)
  db.close()

  const again = await startTestServer({ DATA_DIR: s.dataDir })
  try {
    const client = connectClient(again.wsUrl, w.id, w.participantKey)
    clients.push(client)
    await waitForSync(client)
    assert.is(boardMeta(client.doc).get(META_DOC_VERSION), DOC_VERSION)
    for (const old of oldCards) {
      const now = recordOf(client.doc, old.id) as { props: Record<string, unknown> }
      assert.equal(now.props, { ...(old as unknown as { props: object }).props, fields: {} }, `${old.id} kept, with fields`)
    }
    assert.is(readBoardRecords(client.doc).length, 2 + oldCards.length + 3)
    const pairs = (await (await fetch(`${again.url}/api/workshops/${w.id}/export/pairs.json`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })).json()) as { pairs: unknown[] }
    assert.is(pairs.pairs.length, 1, 'the pair still exports')
  } finally {
    for (const c of clients.splice(0)) c.destroy()
    await again.close()
  }
  // Stored for good: the upgrade is in the file, not redone on every load.
  const db2 = openDatabase(s.dataDir)
  try {
    const { ydoc } = new DocStore(db2).load(w.id)
    assert.is(boardMeta(ydoc).get(META_DOC_VERSION), DOC_VERSION)
    ydoc.destroy()
  } finally {
    db2.close()
    fs.rmSync(s.dataDir, { recursive: true, force: true })
  }
})

test.run()
