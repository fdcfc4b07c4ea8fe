import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { TLRecord } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { boardRecordStore } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { startTestServer, type CreatedWorkshop, type TestServer } from '../helpers/testServer'
import { connectClient, waitForSync } from '../helpers/yClient'
import { arrow, card, PAGE_ID } from '../unit/helpers/boardRecords'

let server: TestServer
let w: CreatedWorkshop

// What boards hold when people typed after the caret the starter left behind the "…".
const BOARD = [
  card('i1', 'insight', 'Vi har funnit att …chefer ser tidiga tecken', { y: 0 }),
  card('c1', 'challenge', 'Hur skulle vi kunna … ?korta ner väntetiden', { x: 400, y: 0 }),
  card('i2', 'insight', 'We have found that …managers feel alone', { y: 300 }),
  card('c2', 'challenge', 'How might we … ?support them early', { x: 400, y: 300 }),
  card('i3', 'insight', 'Vi har funnit att …', { y: 600 }),
  card('c3', 'challenge', 'Hur skulle vi kunna stödja chefer … ?', { x: 400, y: 600 }),
  // A person's own ellipsis stays.
  card('q1', 'quote', 'Jag … vet inte riktigt', { y: 900 }),
  ...arrow('a1', 'i1', 'c1'),
  ...arrow('a2', 'i2', 'c2'),
  ...arrow('a3', 'i3', 'c3'),
  ...arrow('a4', 'q1', 'i1'),
]
const CLEAN = [
  'Vi har funnit att chefer ser tidiga tecken',
  'Hur skulle vi kunna korta ner väntetiden?',
  'We have found that managers feel alone',
  'How might we support them early?',
  'Hur skulle vi kunna stödja chefer?',
]
const LEFTOVERS = /att …|that …|… ?\?/

test.before(async () => {
  server = await startTestServer()
  w = await server.createWorkshop({ method: 'ws2', title: 'Startfraser' })
  const client = connectClient(server.wsUrl, w.id, w.facilitatorKey)
  await waitForSync(client)
  const kv = boardRecordStore(client.doc)
  client.doc.transact(() => {
    for (const r of BOARD) {
      const record = r as unknown as TLRecord & { parentId: string }
      kv.set(record.id, (record.parentId === PAGE_ID ? { ...record, parentId: BOARD_PAGE_ID } : record) as TLRecord)
    }
  })
  await new Promise((r) => setTimeout(r, 300))
  client.destroy()
})
test.after(async () => {
  await server.close({ removeData: true })
})

async function exported(file: string, lang: 'sv' | 'en'): Promise<string> {
  const res = await fetch(`${server.url}/api/workshops/${w.id}/export/${file}?lang=${lang}`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(res.status, 200, file)
  const body = Buffer.from(await res.arrayBuffer())
  if (file.endsWith('.xlsx')) {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(body as never)
    const cells: string[] = []
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.text)))
    return cells.join('\n')
  }
  if (file.endsWith('.docx')) {
    const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string')
    return xml.replace(/<[^>]+>/g, '')
  }
  return body.toString('utf8')
}

for (const file of ['pairs.xlsx', 'pairs.csv', 'pairs.md', 'pairs.json', 'report.docx', 'report.md']) {
  test(`${file} holds what people wrote, never a starter's placeholder`, async () => {
    for (const lang of ['sv', 'en'] as const) {
      const text = await exported(file, lang)
      // Markdown escapes nothing in these texts; JSON and CSV keep them as they are.
      for (const clean of CLEAN) assert.ok(text.includes(clean), `${file} (${lang}) has "${clean}"`)
      const leftover = LEFTOVERS.exec(text)
      assert.is(leftover, null, `${file} (${lang}) has a leftover placeholder: …${text.slice(Math.max(0, (leftover?.index ?? 0) - 30), (leftover?.index ?? 0) + 30)}…`)
      assert.ok(text.includes('Jag … vet inte riktigt'), `${file} (${lang}) keeps a quote's own ellipsis`)
    }
  })
}

test('the workshop file, a backup, keeps the board as it is', async () => {
  const text = await exported('workshop.json', 'sv')
  assert.ok(text.includes('Vi har funnit att …chefer ser tidiga tecken'))
})

test.run()
