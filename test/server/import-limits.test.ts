import { testCards } from '../helpers/boardEdits'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { bigWorkshopFile } from '../helpers/bigWorkshopFile'
import { ADMIN_HEADERS, keyOf, startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

let s: TestServer
const clients: YClient[] = []
test.before(async () => {
  s = await startTestServer()
})
test.after.each(() => {
  for (const c of clients.splice(0)) c.destroy()
})
test.after(async () => {
  await s.close({ removeData: true })
})

const workshops = () => (s.app.db.prepare('SELECT COUNT(*) AS n FROM workshops').get() as { n: number }).n
const importFile = (body: string) =>
  fetch(`${s.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json', ...ADMIN_HEADERS }, body })

test('a file of 49,000 records is refused (413) before anything is built, and the server goes on', async () => {
  const file = bigWorkshopFile(49_000, 10)
  assert.ok(file.length > 11_000_000, `the file is ${file.length} bytes`)
  const before = workshops()
  const res = await importFile(file)
  assert.is(res.status, 413)
  assert.is(((await res.json()) as { error: string }).error, 'the board has 49002 records; this server takes at most 10000 (MAX_BOARD_RECORDS)')
  assert.is(workshops(), before, 'nothing was created')
  assert.is((await fetch(`${s.url}/healthz`)).status, 200)
})

test('a file at the record limit imports while another room keeps working', async () => {
  const other = await s.createWorkshop({ title: 'Annat rum' })
  const a = connectClient(s.wsUrl, other.id, other.participantKey)
  const b = connectClient(s.wsUrl, other.id, other.participantKey)
  clients.push(a, b)
  await Promise.all([waitForSync(a), waitForSync(b)])

  // The other room edits every 20 ms through the import; each edit's latency is kept.
  const latencies: number[] = []
  const sentAt = new Map<string, number>()
  testCards(b.doc).onRemoteChange((keys) => {
    for (const key of keys) {
      const t = sentAt.get(key)
      if (t !== undefined) latencies.push(performance.now() - t)
    }
  })
  let n = 0
  const ticker = setInterval(() => {
    const key = `e${n++}`
    sentAt.set(key, performance.now())
    testCards(a.doc).set(key, n)
  }, 20)

  const file = bigWorkshopFile(9_998, 1200)
  const started = performance.now()
  const res = await importFile(file)
  const importMs = performance.now() - started
  clearInterval(ticker)
  assert.is(res.status, 201, await res.clone().text())
  // A later edit as the barrier: everything sent during the import has arrived once it has.
  testCards(a.doc).set('barrier', true)
  await waitFor(() => testCards(b.doc).get('barrier') === true, 'the other room got every edit')
  const sorted = [...latencies].sort((x, y) => x - y)
  const p99 = sorted[Math.floor(sorted.length * 0.99)]
  console.log(`  import of ${file.length} bytes (10,000 records): ${importMs.toFixed(0)} ms; other room during it: ${sorted.length} edits, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`)
  assert.is(sorted.length, n, 'every edit of the other room arrived')

  const created = (await res.json()) as { id: string; facilitatorUrl: string }
  const board = connectClient(s.wsUrl, created.id, keyOf(created.facilitatorUrl))
  clients.push(board)
  await waitForSync(board, 20_000)
  assert.is(readBoardRecords(board.doc).length, 10_000, 'the whole board arrived')
})

test('a record over MAX_RECORD_BYTES is refused with 413, a malformed one with 400 naming it; nothing is created', async () => {
  const small = await startTestServer({ MAX_RECORD_BYTES: '2000' })
  try {
    const res = await fetch(`${small.url}/api/workshops/import`, { method: 'POST', headers: ADMIN_HEADERS, body: bigWorkshopFile(3, 3000) })
    assert.is(res.status, 413)
    assert.match(((await res.json()) as { error: string }).error, /^board\.records\[\d\] \(shape:c\d\): \d+ bytes; a record may have at most 2000 \(MAX_RECORD_BYTES\)$/)
  } finally {
    await small.close({ removeData: true })
  }
  const before = workshops()
  const file = JSON.parse(bigWorkshopFile(3)) as { board: { records: Array<Record<string, unknown>> } }
  file.board.records[3].props = { kind: 'idea', text: 42 }
  const bad = await importFile(JSON.stringify(file))
  assert.is(bad.status, 400)
  assert.match(((await bad.json()) as { error: string }).error, /^cannot import the workshop file: board\.records\[3\] \(shape:c\d\)/)
  const notJson = await importFile('{"format": ')
  assert.is(notJson.status, 400)
  assert.is(workshops(), before)
})

test('pieces of an import the server did not finish are dropped when it starts again', async () => {
  const other = await startTestServer()
  const id = 'AAAAAAAAAAAAAAAAAAAAAA'
  other.app.db.prepare('INSERT INTO imports_in_progress (workshop_id, started_at) VALUES (?, ?)').run(id, Date.now())
  other.app.db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)').run(id, Buffer.from([0, 0]))
  await other.close()
  const again = await startTestServer({ DATA_DIR: other.dataDir })
  try {
    const left = again.app.db.prepare('SELECT (SELECT COUNT(*) FROM doc_updates WHERE doc = ?) + (SELECT COUNT(*) FROM imports_in_progress) AS n').get(id) as { n: number }
    assert.is(left.n, 0)
  } finally {
    await again.close({ removeData: true })
  }
})

test.run()
