import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ADMIN_HEADERS, ROOT, startTestServer, tempDataDir, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'

const servers: TestServer[] = []
test.after.each(async () => {
  for (const s of servers.splice(0)) await s.close({ removeData: true })
})

test('an employer\'s workshop in WORKSHOPS_DIR is listed and can be run', async () => {
  const dir = tempDataDir()
  const ws2 = JSON.parse(readFileSync(join(ROOT, 'workshops/definitions/ws2.json'), 'utf8'))
  writeFileSync(join(dir, 'region-ws2.json'), JSON.stringify({ ...ws2, id: 'region-ws2', title: { sv: 'Insikter – Region', en: 'Insights – Region' } }))
  mkdirSync(join(dir, 'personas'))
  writeFileSync(
    join(dir, 'personas', 'lars.json'),
    JSON.stringify({ id: 'lars', name: 'Lars', age: 52, family: 'gift', home: 'lägenhet i Karlstad', work: 'enhetschef', interests: 'fiske', diagnosis: 'depression', situation: 'idag sjukskriven 50 %' }),
  )
  const s = await startTestServer({ WORKSHOPS_DIR: dir })
  servers.push(s)
  const methods = (await (await fetch(`${s.url}/api/methods`)).json()) as Array<{ id: string; title: { sv: string } }>
  assert.ok(methods.some((m) => m.id === 'region-ws2' && m.title.sv === 'Insikter – Region'))
  const personas = (await (await fetch(`${s.url}/api/personas`)).json()) as Array<{ id: string }>
  assert.ok(personas.some((p) => p.id === 'lars'))
  const w = await s.createWorkshop({ method: 'region-ws2', persona: 'lars' })
  const c = connectClient(s.wsUrl, w.id, w.participantKey)
  await waitForSync(c)
  const texts = () =>
    c.doc
      .getArray<{ val: { type?: string; props?: { text?: string; name?: string } } }>('records')
      .toArray()
      .map((e) => e.val.props?.text ?? e.val.props?.name ?? '')
  await waitFor(() => texts().some((t) => t.includes('Lars')), 'persona Lars on the board')
  c.destroy()
})

test('a broken definition in WORKSHOPS_DIR stops the server with the file, field and problem', async () => {
  const dir = tempDataDir()
  const ws3 = JSON.parse(readFileSync(join(ROOT, 'workshops/definitions/ws3.json'), 'utf8'))
  ws3.id = 'egen-ws3'
  ws3.steps[2].timebox = 'ten'
  writeFileSync(join(dir, 'egen-ws3.json'), JSON.stringify(ws3))
  try {
    await startTestServer({ WORKSHOPS_DIR: dir })
    assert.unreachable('the server started on a broken definition')
  } catch (error) {
    assert.match((error as Error).message, /egen-ws3\.json: steps\[2\]\.timebox: expected a number of minutes, got "ten"/)
  }
})

test('a facilitator adds a persona; it is stored, listed, and survives a restart', async () => {
  const s = await startTestServer()
  const persona = { name: 'Maja', age: 44, family: 'ensamstående, 1 barn', home: 'radhus i Arvika', work: 'förskollärare', interests: 'körsång', diagnosis: 'utmattningssyndrom', situation: 'idag sjukskriven 25 %' }
  const res = await fetch(`${s.url}/api/personas`, { method: 'POST', headers: { 'content-type': 'application/json', ...ADMIN_HEADERS }, body: JSON.stringify(persona) })
  assert.is(res.status, 201)
  const saved = (await res.json()) as { id: string; name: string }
  assert.match(saved.id, /^maja-[0-9a-f]{6}$/)
  const bad = await fetch(`${s.url}/api/personas`, { method: 'POST', headers: { 'content-type': 'application/json', ...ADMIN_HEADERS }, body: JSON.stringify({ ...persona, age: 'fyrtio' }) })
  assert.is(bad.status, 400)
  assert.match(((await bad.json()) as { error: string }).error, /^age: expected an age/)
  await s.close()
  const again = await startTestServer({ DATA_DIR: s.dataDir })
  servers.push(again)
  const listed = (await (await fetch(`${again.url}/api/personas`)).json()) as Array<{ id: string }>
  assert.ok(listed.some((p) => p.id === saved.id))
  const unknown = await fetch(`${again.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json', ...ADMIN_HEADERS }, body: JSON.stringify({ method: 'ws1', title: 'x', persona: 'nobody' }) })
  assert.is(unknown.status, 400)
})

test.run()
