import { DEFAULT_DOC_LIMITS } from '../../workshops/rules/limits'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ADMIN_HEADERS, startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor } from '../helpers/yClient'

let s: TestServer
test.before(async () => {
  s = await startTestServer()
})
test.after(async () => {
  await s.close({ removeData: true })
})

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...ADMIN_HEADERS, ...headers }, body })

test('GET /healthz answers ok', async () => {
  const res = await fetch(`${s.url}/healthz`)
  assert.is(res.status, 200)
  assert.equal(await res.json(), { ok: true })
})

test('GET /api/methods lists ws1 … ws8 with Swedish and English titles', async () => {
  const res = await fetch(`${s.url}/api/methods`)
  assert.is(res.status, 200)
  const methods = (await res.json()) as Array<{ id: string; title: { sv: string; en: string } }>
  assert.equal(methods.map((m) => m.id), ['ws1', 'ws2', 'ws3', 'ws4', 'ws5', 'ws6', 'ws7', 'ws8'])
  assert.is(methods[1].title.sv, 'Insikter och utmaningar')
  assert.ok(methods.every((m) => m.title.en.length > 0))
})

test('POST /api/workshops creates a workshop with two different unguessable links', async () => {
  const res = await post('/api/workshops', JSON.stringify({ method: 'ws2', title: 'Grupp 2 – insikter' }))
  assert.is(res.status, 201)
  const body = (await res.json()) as { id: string; facilitatorUrl: string; participantUrl: string }
  assert.match(body.id, /^[A-Za-z0-9_-]{22}$/)
  const fKey = new URL(body.facilitatorUrl).hash.slice(5)
  const pKey = new URL(body.participantUrl).hash.slice(5)
  assert.ok(fKey.length >= 22 && pKey.length >= 22, 'keys carry at least 128 bits')
  assert.is.not(fKey, pKey)
  assert.ok(body.facilitatorUrl.startsWith(`${s.url}/w/${body.id}#key=`))
})

test('keys are stored only as hashes', async () => {
  const res = await post('/api/workshops', JSON.stringify({ method: 'ws1', title: 'Hash' }))
  const body = (await res.json()) as { id: string; facilitatorUrl: string; participantUrl: string }
  const row = s.app.db.prepare('SELECT * FROM workshops WHERE id = ?').get(body.id) as Record<string, string>
  const stored = JSON.stringify(row)
  assert.not.ok(stored.includes(new URL(body.facilitatorUrl).hash.slice(5)))
  assert.not.ok(stored.includes(new URL(body.participantUrl).hash.slice(5)))
})

test('bad requests get a JSON error with the right status', async () => {
  const unknown = await post('/api/workshops', JSON.stringify({ method: 'ws99', title: 'x' }))
  assert.is(unknown.status, 400)
  assert.match(((await unknown.json()) as { error: string }).error, /unknown method "ws99"/)

  const badJson = await post('/api/workshops', '{"method": "ws2",')
  assert.is(badJson.status, 400)
  assert.match(((await badJson.json()) as { error: string }).error, /not valid JSON/)

  const noTitle = await post('/api/workshops', JSON.stringify({ method: 'ws2', title: '   ' }))
  assert.is(noTitle.status, 400)
  assert.match(((await noTitle.json()) as { error: string }).error, /^title:/)

  const huge = await post('/api/workshops', JSON.stringify({ method: 'ws2', title: 'x'.repeat(200_000) }))
  assert.is(huge.status, 413)
  assert.ok(((await huge.json()) as { error: string }).error.length > 0)

  const wrongMethod = await fetch(`${s.url}/api/workshops`, { method: 'PUT' })
  assert.is(wrongMethod.status, 405)
  const noRoute = await fetch(`${s.url}/api/nothing`)
  assert.is(noRoute.status, 404)
  assert.equal(Object.keys((await noRoute.json()) as object), ['error'])
})

test('GET /api/workshops/<id> tells the role of a key, refuses others', async () => {
  const w = await s.createWorkshop({ method: 'ws3', title: 'Idéer', anonymous: true })
  const asFacilitator = await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(asFacilitator.status, 200)
  const info = (await asFacilitator.json()) as { role: string; title: string; anonymous: boolean; definition: { id: string } }
  assert.is(info.role, 'facilitator')
  assert.is(info.title, 'Idéer')
  assert.is(info.anonymous, true)
  assert.is(info.definition.id, 'ws3')
  const asParticipant = await fetch(`${s.url}/api/workshops/${w.id}?key=${w.participantKey}`)
  assert.is(((await asParticipant.json()) as { role: string }).role, 'participant')
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}?key=wrong`)).status, 403)
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}`)).status, 403)
  assert.is((await fetch(`${s.url}/api/workshops/AAAAAAAAAAAAAAAAAAAAAA?key=x`)).status, 404)
})

test('only the facilitator can delete a workshop; afterwards it is gone for good', async () => {
  const w = await s.createWorkshop()
  const live = connectClient(s.wsUrl, w.id, w.participantKey, { reconnect: false })
  await waitFor(() => live.provider.synced, 'sync')
  const byParticipant = await fetch(`${s.url}/api/workshops/${w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${w.participantKey}` } })
  assert.is(byParticipant.status, 403)
  const byFacilitator = await fetch(`${s.url}/api/workshops/${w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(byFacilitator.status, 204)
  await waitFor(() => live.closes.includes(4410), 'live client told the workshop is gone')
  live.destroy()
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}?key=${w.facilitatorKey}`)).status, 404)
  const left = s.app.db.prepare("SELECT COUNT(*) AS n FROM doc_states WHERE doc = ? OR doc LIKE ? || '/%'").get(w.id, w.id) as { n: number }
  const log = s.app.db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(w.id) as { n: number }
  assert.is(left.n + log.n, 0, 'no document data left')
})

test('pages are served with a policy that forbids other hosts', async () => {
  const res = await fetch(`${s.url}/api/config`)
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/)
  assert.is(res.headers.get('referrer-policy'), 'no-referrer')
  const config = (await res.json()) as { tldrawLicenseKey: unknown; limits: Record<string, number> }
  assert.is(config.tldrawLicenseKey, null)
  assert.equal(config.limits, { ...DEFAULT_DOC_LIMITS }, 'the limits, so the browser refuses what the server would before it sends it')
})

test.run()
