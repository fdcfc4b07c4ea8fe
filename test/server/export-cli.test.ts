import { test } from 'uvu'
import * as assert from 'uvu/assert'
import ExcelJS from 'exceljs'
import { execFile } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TLRecord } from '@tldraw/tlschema'
import { DocStore } from '../../server/store/docStore'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { ROOT, startTestServer, tempDataDir, type CreatedWorkshop } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'
import { arrow, card } from '../unit/helpers/boardRecords'

const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'server/cli/export.ts')

interface Run {
  code: number
  stdout: Buffer
  stderr: string
}

function runCli(args: string[], dataDir: string): Promise<Run> {
  return new Promise((ok) => {
    execFile(
      TSX,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => ok({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr: stderr.toString('utf8') }),
    )
  })
}

let dataDir: string
let w: CreatedWorkshop
const INSIGHT = 'Vi har funnit att chefer känner sig otrygga – åäö'
const CHALLENGE = 'Hur skulle vi kunna stödja cheferna?'

test.before(async () => {
  dataDir = tempDataDir()
  // Build the workshop through a running server, as users would, then stop it: the CLI reads the data directory.
  const s = await startTestServer({ DATA_DIR: dataDir })
  try {
    w = await s.createWorkshop({ method: 'ws2', title: 'Skript-export' })
    const client = connectClient(s.wsUrl, w.id, w.facilitatorKey)
    await waitForSync(client)
    const records = [card('i', 'insight', INSIGHT), card('c', 'challenge', CHALLENGE, { y: 300 }), ...arrow('a', 'i', 'c')].map(
      (r) => ('parentId' in r && r.parentId === 'page:page' ? { ...r, parentId: BOARD_PAGE_ID } : r) as unknown as TLRecord,
    )
    const kv = boardRecordStore(client.doc)
    client.doc.transact(() => records.forEach((r) => kv.set(r.id, r)))
    const docs = new DocStore(s.app.db)
    await waitFor(() => {
      const { ydoc } = docs.load(w.id)
      const stored = new Set(readBoardRecords(ydoc).map((r) => r.id))
      ydoc.destroy()
      return records.every((r) => stored.has(r.id))
    }, 'records stored')
    client.destroy()
  } finally {
    await s.close()
  }
})
test.after(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

test('CLI: pairs.csv to stdout', async () => {
  const run = await runCli([w.id, 'pairs.csv'], dataDir)
  assert.is(run.code, 0, run.stderr)
  const text = run.stdout.toString('utf8')
  assert.ok(text.startsWith('\uFEFFInsikt;Utmaning;'), text.slice(0, 40))
  assert.match(text, `\r\n${INSIGHT};${CHALLENGE};;0;;;\r\n`)
})

test('CLI: report.md in English, and pairs.xlsx with --out', async () => {
  const md = await runCli([w.id, 'report.md', '--lang', 'en'], dataDir)
  assert.is(md.code, 0, md.stderr)
  assert.match(md.stdout.toString('utf8'), /^# Skript-export\n\n\*\*Method:\*\* WS2 – Insights and challenges/)

  const out = join(dataDir, 'par.xlsx')
  const run = await runCli([w.id, 'pairs.xlsx', '--out', out], dataDir)
  assert.is(run.code, 0, run.stderr)
  assert.is(run.stdout.length, 0)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer)
  assert.is(workbook.worksheets[0].getRow(2).getCell(1).value, INSIGHT)
})

test('CLI: unknown workshop, unknown format, missing arguments and an empty data directory exit 1 with a clear message', async () => {
  const unknown = await runCli(['AAAAAAAAAAAAAAAAAAAAAA', 'pairs.csv'], dataDir)
  assert.is(unknown.code, 1)
  assert.match(unknown.stderr, /unknown workshop "AAAAAAAAAAAAAAAAAAAAAA"/)
  const format = await runCli([w.id, 'pairs.pdf'], dataDir)
  assert.is(format.code, 1)
  assert.match(format.stderr, /unknown format "pairs.pdf"; formats: pairs.xlsx, pairs.csv/)
  const usage = await runCli([w.id], dataDir)
  assert.is(usage.code, 1)
  assert.match(usage.stderr, /usage: npm run export -- <workshopId> <format>/)
  const empty = tempDataDir()
  try {
    const none = await runCli([w.id, 'pairs.csv'], empty)
    assert.is(none.code, 1)
    assert.match(none.stderr, /no Samverkstad data in/)
  } finally {
    rmSync(empty, { recursive: true, force: true })
  }
})

test.run()
