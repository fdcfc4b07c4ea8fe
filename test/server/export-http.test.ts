import { test } from 'uvu'
import * as assert from 'uvu/assert'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { deflateSync } from 'node:zlib'
import type { TLRecord } from '@tldraw/tlschema'
import { createApp, type App } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { createLog } from '../../server/log'
import { DocStore } from '../../server/store/docStore'
import type { StepAsRun, WorkshopFacts } from '../../server/workshops/facts'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { createWorkshopAt, ROOT, tempDataDir, type CreatedWorkshop, TEST_ADMIN_TOKEN } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'
import { arrow, card, frame, PAGE_ID } from '../unit/helpers/boardRecords'
import { FRAME_IMAGES_MAX } from '../../server/export/boardImages'
import { rmSync } from 'node:fs'

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
let w: CreatedWorkshop

const TITLE = 'Grupp 2 – åäö/insikter'
const INSIGHT = 'Vi har funnit att chefer känner sig otrygga i sin roll; "svårt" att föra samtal'
const CHALLENGE = 'Hur skulle vi kunna stödja cheferna att tidigt upptäcka medarbetare som inte mår bra?'
const QUOTE = 'Jag känner frustration när det saknas vikarier.\nÅsa, 2:a intervjun'
const HOSTILE = '=HYPERLINK("http://x")'

/** The builders put shapes on 'page:page'; a workshop's board has one page, BOARD_PAGE_ID. */
function onBoardPage(record: unknown): TLRecord {
  const r = record as TLRecord & { parentId?: string }
  return (r.parentId === PAGE_ID ? { ...r, parentId: BOARD_PAGE_ID } : r) as TLRecord
}

/** Writes records into the board as a user's browser would: over y-websocket, then waits until the server stored them. */
async function writeBoard(id: string, key: string, records: unknown[]): Promise<void> {
  const client = connectClient(wsUrl, id, key)
  try {
    await waitForSync(client)
    const kv = boardRecordStore(client.doc)
    client.doc.transact(() => {
      for (const r of records) kv.set((r as TLRecord).id, onBoardPage(r))
    })
    const docs = new DocStore(app.db)
    const ids = records.map((r) => (r as TLRecord).id)
    await waitFor(() => {
      const { ydoc } = docs.load(id)
      const stored = new Set(readBoardRecords(ydoc).map((r) => r.id))
      ydoc.destroy()
      return ids.every((rid) => stored.has(rid))
    }, 'records stored on the server')
  } finally {
    client.destroy()
  }
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

/** A real PNG of width × height grey pixels. */
function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([head, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8)
  const rows = Buffer.alloc((width + 1) * height, 0x80)
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

const get = (path: string, key?: string | null, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { headers: key ? { authorization: `Bearer ${key}`, ...headers } : headers })

test.before(async () => {
  dataDir = tempDataDir()
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', UNLOAD_AFTER_MS: '200', ADMIN_TOKEN: TEST_ADMIN_TOKEN, DATA_DIR: dataDir }, ROOT)
  app = createApp(config, createLog('silent'), { facts })
  const port = await app.listen()
  url = `http://127.0.0.1:${port}`
  wsUrl = `ws://127.0.0.1:${port}`
  w = await createWorkshopAt(url, { method: 'ws2', title: TITLE })
  await writeBoard(w.id, w.participantKey, [
    card('q', 'quote', QUOTE, { y: -300 }),
    card('i', 'insight', INSIGHT, { y: 0 }),
    card('c', 'challenge', CHALLENGE, { y: 300 }),
    card('d', 'idea', 'Samtalsguide för chefer', { y: 600 }),
    card('p', 'prototype', 'Verktyg till chefer', { y: 900 }),
    card('i2', 'insight', HOSTILE, { y: 1200 }),
    card('c2', 'challenge', '+ Hur skulle vi kunna; "citera" rätt?', { y: 1500 }),
    ...arrow('a1', 'i', 'c'),
    ...arrow('a2', 'q', 'i'),
    ...arrow('a3', 'c', 'd'),
    ...arrow('a4', 'd', 'p'),
    ...arrow('a5', 'i2', 'c2'),
  ])
  facts.votes.set(w.id, { 'shape:c': 4, 'shape:d': 2 })
})
test.after(async () => {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const FORMATS: Array<[string, RegExp]> = [
  ['pairs.xlsx', /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/],
  ['pairs.csv', /^text\/csv; charset=utf-8$/],
  ['pairs.md', /^text\/markdown; charset=utf-8$/],
  ['pairs.json', /^application\/json; charset=utf-8$/],
  ['report.docx', /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/],
  ['report.md', /^text\/markdown; charset=utf-8$/],
  ['workshop.json', /^application\/json; charset=utf-8$/],
]

test('every export answers 200 to the facilitator key, with its content type and an attachment file name', async () => {
  for (const [format, type] of FORMATS) {
    const res = await get(`/api/workshops/${w.id}/export/${format}`, w.facilitatorKey)
    assert.is(res.status, 200, format)
    assert.match(res.headers.get('content-type') ?? '', type, format)
    assert.is(res.headers.get('cache-control'), 'no-store')
    const disposition = res.headers.get('content-disposition') ?? ''
    assert.is(
      disposition,
      `attachment; filename="Grupp 2 _ aao insikter-${format}"; filename*=UTF-8''Grupp%202%20%E2%80%93%20%C3%A5%C3%A4%C3%B6%20insikter-${format}`,
    )
    assert.ok((await res.arrayBuffer()).byteLength > 0)
  }
  const viaQuery = await fetch(`${url}/api/workshops/${w.id}/export/pairs.csv?key=${w.facilitatorKey}`)
  assert.is(viaQuery.status, 200)
})

test('a participant key, no key and a wrong key get 403; an unknown workshop or format 404', async () => {
  for (const [format] of FORMATS) {
    for (const key of [w.participantKey, null, 'x'.repeat(32)]) {
      const res = await get(`/api/workshops/${w.id}/export/${format}`, key)
      assert.is(res.status, 403, `${format} with ${key === null ? 'no key' : 'a non-facilitator key'}`)
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/)
      assert.ok(((await res.json()) as { error: string }).error.length > 0)
    }
    const unknown = await get(`/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/export/${format}`, w.facilitatorKey)
    assert.is(unknown.status, 404, format)
    assert.equal(await unknown.json(), { error: 'unknown workshop' })
  }
  const badFormat = await get(`/api/workshops/${w.id}/export/pairs.pdf`, w.facilitatorKey)
  assert.is(badFormat.status, 404)
  assert.match(((await badFormat.json()) as { error: string }).error, /no export "pairs.pdf"; there are pairs.xlsx/)
  const badLang = await get(`/api/workshops/${w.id}/export/pairs.csv?lang=de`, w.facilitatorKey)
  assert.is(badLang.status, 400)
})

test('pairs.xlsx reads back: header, the pair row with votes and ideas, a hostile cell neutralised', async () => {
  const res = await get(`/api/workshops/${w.id}/export/pairs.xlsx`, w.facilitatorKey)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  assert.is(sheet.name, 'Par')
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
  assert.equal(row(1), ['Insikt', 'Utmaning', 'Stödjande citat', 'Röster', 'Idéer', 'Prototyper', 'Tema'])
  assert.equal(row(2).slice(0, 6), [INSIGHT, CHALLENGE, QUOTE, 4, 'Samtalsguide för chefer (2 röster)', 'Verktyg till chefer'])
  // Votes are a number Excel sorts and sums; a pair without votes has 0, not text.
  assert.is(sheet.getRow(2).getCell(4).type, ExcelJS.ValueType.Number)
  assert.is(sheet.getRow(3).getCell(4).value, 0)
  // The long texts get room: insight and challenge 50 characters wide, the votes column narrow.
  const widths = sheet.columns.map((c) => c.width)
  assert.ok(widths[0]! >= 40 && widths[1]! >= 40, `insight and challenge columns are wide: ${widths}`)
  assert.ok(widths[3]! <= 10, `the votes column is narrow: ${widths}`)
  assert.is(row(3)[0], `'${HOSTILE}`)
  assert.is(row(3)[1], `'+ Hur skulle vi kunna; "citera" rätt?`)
  assert.is(sheet.getRow(3).getCell(1).formula, undefined)

  const en = await get(`/api/workshops/${w.id}/export/pairs.xlsx?lang=en`, w.facilitatorKey)
  const enBook = new ExcelJS.Workbook()
  await enBook.xlsx.load((await en.arrayBuffer()) as ArrayBuffer)
  assert.is(enBook.worksheets[0].name, 'Pairs')
  assert.is(enBook.worksheets[0].getRow(1).getCell(1).value, 'Insight')
})

/** RFC 4180 with semicolons and CRLF, to read our CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ';') row.push(field), (field = '')
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++
    else field += ch
  }
  assert.is(field, '', 'the file ends with CRLF')
  return rows
}

test('pairs.csv: UTF-8 with BOM, semicolons, CRLF, quoted fields, åäö intact, formulas neutralised', async () => {
  const res = await get(`/api/workshops/${w.id}/export/pairs.csv`, w.facilitatorKey)
  const bytes = Buffer.from(await res.arrayBuffer())
  assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  assert.ok(text.endsWith('\r\n'))
  const rows = parseCsv(text)
  assert.is(rows.length, 3)
  assert.equal(rows[0], ['Insikt', 'Utmaning', 'Stödjande citat', 'Röster', 'Idéer', 'Prototyper', 'Tema'])
  assert.equal(rows[1], [INSIGHT, CHALLENGE, QUOTE, '4', 'Samtalsguide för chefer (2 röster)', 'Verktyg till chefer', ''])
  assert.equal(rows[2].slice(0, 2), [`'${HOSTILE}`, `'+ Hur skulle vi kunna; "citera" rätt?`])
})

test('pairs.md and pairs.json hold the pairs', async () => {
  const md = await (await get(`/api/workshops/${w.id}/export/pairs.md`, w.facilitatorKey)).text()
  assert.ok(md.startsWith('# Grupp 2 – åäö/insikter\n'))
  assert.match(md, `**Utmaning:** ${CHALLENGE}`)
  assert.match(md, '- Samtalsguide för chefer (2 röster)')
  const json = (await (await get(`/api/workshops/${w.id}/export/pairs.json`, w.facilitatorKey)).json()) as {
    format: string
    workshopId: string
    pairs: Array<{ insight: { text: string }; votes: number }>
  }
  assert.is(json.format, 'samverkstad.pairs')
  assert.is(json.workshopId, w.id)
  assert.equal(json.pairs.map((p) => [p.insight.text, p.votes]), [[INSIGHT, 4], [HOSTILE, 0]])
})

test('report.md: title, method, agenda as run, pairs, top ideas, prototypes', async () => {
  const start = Date.UTC(2026, 10, 25, 8, 0)
  facts.agenda.set(w.id, [
    { stepId: 'write-insights', title: { sv: 'Skriv insikter', en: 'Write insights' }, startedAt: start, endedAt: start + 41 * 60_000 },
  ])
  try {
    const md = await (await get(`/api/workshops/${w.id}/export/report.md`, w.facilitatorKey)).text()
    assert.ok(md.startsWith('# Grupp 2 – åäö/insikter\n'), md.slice(0, 80))
    assert.match(md, '**Metod:** WS2 – Insikter och utmaningar')
    assert.match(md, '**Datum:** 2026-11-25')
    assert.match(md, '| Skriv insikter | 09:00 | 41 min | 45 min |')
    assert.match(md, '### 1. Vi har funnit att chefer')
    assert.match(md, '## Idéer med flest röster\n\n1. Samtalsguide för chefer (2 röster)')
    assert.match(md, '## Prototyper\n\n- Verktyg till chefer')
    const en = await (await get(`/api/workshops/${w.id}/export/report.md?lang=en`, w.facilitatorKey)).text()
    assert.match(en, '## The agenda as run')
  } finally {
    facts.agenda.delete(w.id)
  }
})

async function docxOf(key: string, id = w.id): Promise<JSZip> {
  const res = await get(`/api/workshops/${id}/export/report.docx`, key)
  assert.is(res.status, 200)
  return JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
}

test('PUT board-image: facilitator only, PNG only, at most 10 MB', async () => {
  const put = (key: string | null, body: Uint8Array<ArrayBuffer>, type = 'image/png') =>
    fetch(`${url}/api/workshops/${w.id}/board-image`, {
      method: 'PUT',
      headers: { 'content-type': type, ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body,
    })
  assert.is((await put(w.participantKey, png(4, 4))).status, 403)
  assert.is((await put(null, png(4, 4))).status, 403)
  assert.is((await put(w.facilitatorKey, png(4, 4), 'image/jpeg')).status, 415)
  assert.is((await put(w.facilitatorKey, new TextEncoder().encode('not a png'))).status, 400)
  assert.is((await put(w.facilitatorKey, new Uint8Array(10 * 1024 * 1024 + 1))).status, 413)
  assert.is((await fetch(`${url}/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/board-image`, { method: 'PUT', headers: { authorization: `Bearer ${w.facilitatorKey}`, 'content-type': 'image/png' }, body: png(2, 2) })).status, 404)
})

test('report.docx: the title and insight in word/document.xml; the board image as a media part once uploaded', async () => {
  const before = await docxOf(w.facilitatorKey)
  const xml = await before.file('word/document.xml')!.async('string')
  assert.match(xml, 'Grupp 2 – åäö/insikter')
  assert.match(xml, 'Vi har funnit att chefer känner sig otrygga i sin roll; &quot;svårt&quot; att föra samtal')
  assert.match(xml, 'Insikter och utmaningar')
  assert.is(Object.keys(before.files).filter((f) => f.startsWith('word/media/')).length, 0, 'no image before an upload')

  const first = png(1200, 600)
  const res = await fetch(`${url}/api/workshops/${w.id}/board-image`, {
    method: 'PUT',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${w.facilitatorKey}` },
    body: png(10, 10),
  })
  assert.is(res.status, 204)
  // The latest upload replaces the earlier one.
  await fetch(`${url}/api/workshops/${w.id}/board-image?key=${w.facilitatorKey}`, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: first })
  assert.is((app.db.prepare('SELECT COUNT(*) AS n FROM board_images').get() as { n: number }).n, 1)

  const after = await docxOf(w.facilitatorKey)
  const media = Object.keys(after.files).filter((f) => /^word\/media\/.+\.png$/.test(f))
  assert.is(media.length, 1)
  assert.ok(Buffer.from(await after.file(media[0])!.async('uint8array')).equals(first), 'the uploaded PNG as it was sent')
  const afterXml = await after.file('word/document.xml')!.async('string')
  assert.match(afterXml, 'Tavlan')
  assert.match(afterXml, /<wp:extent cx="5715000" cy="2857500"\/>/, 'scaled to the text column (600 × 300 px)')

  const md = await (await get(`/api/workshops/${w.id}/export/report.md`, w.facilitatorKey)).text()
  assert.match(md, '## Tavlan\n\nBilden av tavlan är från ')
})

test('report.docx: one picture per frame that holds cards, under its name, across the page; stale and empty frames left out', async () => {
  const fw = await createWorkshopAt(url, { method: 'ws2', title: 'Ramar' })
  await writeBoard(fw.id, fw.participantKey, [
    card('fi', 'insight', 'Vi har funnit att ramarna syns', { parent: 'step-write-insights', x: 20, y: 40 }),
    card('fc', 'challenge', 'Hur skulle vi kunna visa varje ram?', { parent: 'step-write-challenges', x: 20, y: 40 }),
  ])
  const put = (frameId: string | null, body: Uint8Array<ArrayBuffer>, key: string | null = fw.facilitatorKey) =>
    fetch(`${url}/api/workshops/${fw.id}/board-image${frameId ? `?frame=${encodeURIComponent(frameId)}` : ''}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/png', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body,
    })
  const insights = png(1600, 900)
  const challenges = png(1500, 900)
  assert.is((await put('shape:step-write-insights', insights)).status, 204)
  assert.is((await put('shape:step-write-challenges', challenges)).status, 204)
  // A frame without cards (its picture is kept but not shown), and the whole board (not shown once frames are).
  assert.is((await put('shape:step-review-needs', png(1600, 900))).status, 204)
  assert.is((await put(null, png(3000, 500))).status, 204)
  // What may not be sent.
  assert.is((await put('shape:step-write-insights', png(4, 4), fw.participantKey)).status, 403)
  assert.is((await put('shape:no-such-frame', png(4, 4))).status, 404)
  assert.is((await put('not a frame id', png(4, 4))).status, 400)
  assert.is((await put(`shape:${'x'.repeat(101)}`, png(4, 4))).status, 400)

  const docx = await docxOf(fw.facilitatorKey, fw.id)
  const media = Object.keys(docx.files).filter((f) => /^word\/media\/.+\.png$/.test(f))
  assert.is(media.length, 2, 'one picture for each frame with cards')
  const sent = await Promise.all(media.map(async (f) => Buffer.from(await docx.file(f)!.async('uint8array'))))
  assert.ok(sent.some((b) => b.equals(insights)) && sent.some((b) => b.equals(challenges)), 'the two frames\' pictures as sent')
  const xml = await docx.file('word/document.xml')!.async('string')
  const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
  const at = (t: string) => text.indexOf(t)
  assert.ok(at('Tavlan') >= 0 && at('2. Skriv insikter') > at('Tavlan'), 'the first frame\'s name under the board heading')
  assert.ok(at('4. Formulera utmaningar') > at('2. Skriv insikter'), 'the frames in board order')
  assert.not.ok(text.includes('1. Tillbaka till behoven'), 'no picture of a frame without cards')
  // Each across the text column's whole width (600 px = 5715000 EMU), at its own proportions.
  const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])])
  assert.is(extents.length, 2)
  for (const [[cx, cy], ratio] of extents.map((e, i) => [e, [1600 / 900, 1500 / 900][i]] as const)) {
    assert.is(cx, 5715000, 'full width')
    assert.ok(Math.abs(cx / cy - ratio) < 0.01, `proportions kept: ${cx}×${cy}`)
  }
})

test('frame pictures: at most FRAME_IMAGES_MAX per workshop', async () => {
  const fw = await createWorkshopAt(url, { method: 'ws1', title: 'Många ramar' })
  const frames = Array.from({ length: FRAME_IMAGES_MAX + 1 }, (_, i) => frame(`many-${i}`, `Ram ${i}`, { x: i * 900 }))
  await writeBoard(fw.id, fw.participantKey, frames)
  const put = (i: number) =>
    fetch(`${url}/api/workshops/${fw.id}/board-image?frame=shape:many-${i}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${fw.facilitatorKey}` },
      body: png(2, 2),
    })
  for (let i = 0; i < FRAME_IMAGES_MAX; i++) assert.is((await put(i)).status, 204, `frame ${i}`)
  assert.is((await put(FRAME_IMAGES_MAX)).status, 413, 'one more is refused')
  assert.is((await put(0)).status, 204, 'a new picture of a frame already kept replaces it')
})

test('deleting a workshop deletes its board image', async () => {
  const other = await createWorkshopAt(url, { method: 'ws1', title: 'Radera mig' })
  await fetch(`${url}/api/workshops/${other.id}/board-image`, {
    method: 'PUT',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${other.facilitatorKey}` },
    body: png(3, 3),
  })
  const count = () => (app.db.prepare('SELECT COUNT(*) AS n FROM board_images WHERE workshop_id = ?').get(other.id) as { n: number }).n
  assert.is(count(), 1)
  const del = await fetch(`${url}/api/workshops/${other.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${other.facilitatorKey}` } })
  assert.is(del.status, 204)
  assert.is(count(), 0)
})

test.run()
