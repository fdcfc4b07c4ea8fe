import { cardText, writeCard } from '../helpers/boardEdits'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { organiser } from '../helpers/organisers'
import { ADMIN_HEADERS, keyOf, startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'

let s: TestServer | undefined
test.after.each(async () => {
  await s?.close({ removeData: true })
  s = undefined
})

/** Every row anywhere that names the workshop. */
function rowsOf(server: TestServer, id: string): Record<string, number> {
  const db = server.app.db
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
  const out: Record<string, number> = {}
  for (const { name } of tables) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${name})`).all().map((c) => c.name)
    const column = ['workshop_id', 'doc', 'id'].find((c) => columns.includes(c))
    if (!column || name === 'audit_log' || name === 'schema_migrations') continue
    const where = column === 'doc' ? `doc = @id OR substr(doc, 1, length(@id) + 1) = @id || '/'` : `${column} = @id`
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM ${name} WHERE ${where}`).get({ id }) as { n: number }).n
    if (n > 0) out[name] = n
  }
  return out
}

/** The database file and its WAL, as bytes, searched for a text. */
function onDisk(dataDir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8')
  return readdirSync(dataDir)
    .filter((f) => f.startsWith('samverkstad.sqlite'))
    .filter((f) => readFileSync(join(dataDir, f)).includes(needle))
}

test('a workshop without activity for RETENTION_DAYS is deleted for good: rows, documents, and its text in the database file and WAL', async () => {
  // 0.00005 days = 4.3 s; the server checks every second at that setting.
  s = await startTestServer({ RETENTION_DAYS: '0.00005' })
  const karin = await organiser(s.app, s.url, 'karin@kommun.se')
  const old = (await (await karin.fetch('/api/workshops', { method: 'POST', json: { method: 'ws2', title: 'Gammal' } })).json()) as { id: string; participantUrl: string; facilitatorUrl: string }
  const text = 'Citat som ska försvinna: jag orkar inte längre med schemat'
  const c = connectClient(s.wsUrl, old.id, keyOf(old.participantUrl))
  await waitForSync(c)
  writeCard(c.doc, 'gone', text, { kind: 'quote' })
  const watcher = connectClient(s.wsUrl, old.id, keyOf(old.facilitatorUrl))
  await waitFor(() => cardText(watcher.doc, 'gone') === text, 'the card is stored and relayed')
  c.destroy()
  watcher.destroy()
  await waitFor(() => onDisk(s!.dataDir, text).length > 0, 'the card text is on disk', 5000)
  assert.ok(Object.keys(rowsOf(s, old.id)).length >= 3, `rows before: ${JSON.stringify(rowsOf(s, old.id))}`)

  // The list warns: deletesAt is lastActivity + retention.
  const listed = ((await (await karin.fetch('/api/workshops')).json()) as Array<{ id: string; lastActivityAt: string; deletesAt: string }>).find((w) => w.id === old.id)!
  assert.is(Date.parse(listed.deletesAt) - Date.parse(listed.lastActivityAt), Math.round(0.00005 * 86_400_000))

  await waitFor(() => s!.app.db.prepare('SELECT 1 FROM workshops WHERE id = ?').get(old.id) === undefined, 'the workshop is deleted', 20_000)
  assert.equal(rowsOf(s, old.id), {}, 'no row names it')
  assert.is((await fetch(`${s.url}/api/workshops/${old.id}`, { headers: { authorization: `Bearer ${keyOf(old.facilitatorUrl)}` } })).status, 404)
  assert.equal(onDisk(s.dataDir, text), [], 'its text is gone from the database file and its WAL')
  const list = (await (await karin.fetch('/api/workshops')).json()) as Array<{ id: string }>
  assert.not.ok(list.some((w) => w.id === old.id), 'gone from Mina workshoppar')
})

test('activity keeps a workshop; RETENTION_DAYS=0 keeps every workshop', async () => {
  s = await startTestServer({ RETENTION_DAYS: '0' })
  const w = await s.createWorkshop()
  const listed = ((await (await fetch(`${s.url}/api/workshops`, { headers: ADMIN_HEADERS })).json()) as Array<{ id: string; deletesAt: string | null }>).find((x) => x.id === w.id)!
  assert.is(listed.deletesAt, null)
  const deleted = s.app.retention.sweep(Date.now() + 10 * 365 * 86_400_000)
  assert.equal(deleted, [])
  await s.close({ removeData: true })

  s = await startTestServer({ RETENTION_DAYS: '30' })
  const used = await s.createWorkshop()
  const idle = await s.createWorkshop()
  const day = 86_400_000
  // Twenty days later someone opens `used`: it counts as activity.
  s.app.db.prepare('UPDATE workshops SET created_at = created_at - ? WHERE id IN (?, ?)').run(20 * day, used.id, idle.id)
  s.app.db.prepare('UPDATE doc_states SET updated_at = updated_at - ? WHERE doc IN (?, ?)').run(20 * day, used.id, idle.id)
  s.app.db.prepare('UPDATE workshop_activity SET last_activity_at = last_activity_at - ? WHERE workshop_id IN (?, ?)').run(20 * day, used.id, idle.id)
  assert.is((await fetch(`${s.url}/api/workshops/${used.id}?key=${used.participantKey}`)).status, 200)
  const deleted30 = s.app.retention.sweep(Date.now() + 11 * day)
  assert.equal(deleted30, [idle.id])
  assert.is((await fetch(`${s.url}/api/workshops/${used.id}?key=${used.participantKey}`)).status, 200)
})

test.run()
