import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CLOSE_REVOKED, CLOSE_WRONG_KEY } from '../../workshops/doc/wire'
import { organiser, signIn, type Organiser } from '../helpers/organisers'
import { ADMIN_HEADERS, keyOf, startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

let s: TestServer
let karin: Organiser
let eva: Organiser
const clients: YClient[] = []
test.before(async () => {
  s = await startTestServer()
  karin = await organiser(s.app, s.url, 'karin@kommun.se')
  eva = await organiser(s.app, s.url, 'eva@region.se')
})
test.after.each(() => {
  for (const c of clients.splice(0)) c.destroy()
})
test.after(async () => {
  await s.close({ removeData: true })
})

const client = (room: string, key: string, reconnect = false) => {
  const c = connectClient(s.wsUrl, room, key, { reconnect })
  clients.push(c)
  return c
}

const PERSONA = { name: 'Maja', age: 44, family: 'ensamstående', home: 'radhus', work: 'förskollärare', interests: 'körsång', diagnosis: 'utmattning', situation: 'sjukskriven 25 %' }

interface Created {
  id: string
  facilitatorUrl: string
  participantUrl: string
}

/** A workshop file to import: a fresh workshop's own export. */
async function workshopFile(): Promise<string> {
  const w = await s.createWorkshop({ title: 'Källa' })
  const res = await fetch(`${s.url}/api/workshops/${w.id}/export/workshop.json`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  return res.text()
}

const count = (table: string) => (s.app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
const personaCount = async () => ((await (await fetch(`${s.url}/api/personas`)).json()) as unknown[]).length
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error

/** Every creating endpoint, as a request with the given headers. */
async function creatingRequests(headers: Record<string, string>, file: string) {
  const json = { 'content-type': 'application/json', ...headers }
  return {
    workshop: await fetch(`${s.url}/api/workshops`, { method: 'POST', headers: json, body: JSON.stringify({ method: 'ws2', title: 'X' }) }),
    import: await fetch(`${s.url}/api/workshops/import`, { method: 'POST', headers: json, body: file }),
    persona: await fetch(`${s.url}/api/personas`, { method: 'POST', headers: json, body: JSON.stringify(PERSONA) }),
  }
}

test('every creating endpoint refuses a request without an organiser (401 with a JSON message) and creates nothing', async () => {
  const file = await workshopFile()
  const workshopsBefore = count('workshops')
  const personasBefore = await personaCount()
  for (const headers of [
    {} as Record<string, string>,
    { cookie: 'samverkstad_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', origin: s.url },
    { authorization: 'Bearer not-the-admin-token-but-long-enough' },
  ]) {
    const answers = await creatingRequests(headers, file)
    for (const [what, res] of Object.entries(answers)) {
      assert.is(res.status, 401, `${what} with ${JSON.stringify(headers)}`)
      assert.match(await errorOf(res), /sign in as an organiser/)
    }
  }
  assert.is((await fetch(`${s.url}/api/workshops`)).status, 401, 'no list without an organiser')
  assert.is((await fetch(`${s.url}/api/personas/anna`, { method: 'DELETE' })).status, 401)
  assert.is(count('workshops'), workshopsBefore, 'no workshop was created')
  assert.is(await personaCount(), personasBefore, 'no persona was added')
})

test('a signed-in organiser\'s request that changes something must come from our own origin (CSRF)', async () => {
  const file = await workshopFile()
  const workshopsBefore = count('workshops')
  const personasBefore = await personaCount()
  for (const origin of [undefined, 'https://evil.example', 'null']) {
    const headers: Record<string, string> = { cookie: karin.cookie, ...(origin ? { origin } : {}) }
    const answers = await creatingRequests(headers, file)
    for (const [what, res] of Object.entries(answers)) {
      assert.is(res.status, 403, `${what} with Origin ${origin}`)
      assert.match(await errorOf(res), /Origin/)
    }
  }
  assert.is(count('workshops'), workshopsBefore)
  assert.is(await personaCount(), personasBefore)

  const answers = await creatingRequests({ cookie: karin.cookie, origin: s.url }, file)
  assert.is(answers.workshop.status, 201)
  assert.is(answers.import.status, 201)
  assert.is(answers.persona.status, 201)

  // Deleting through the session: refused from another site, done from ours.
  const { id } = (await answers.workshop.json()) as Created
  const foreign = await fetch(`${s.url}/api/workshops/${id}`, { method: 'DELETE', headers: { cookie: karin.cookie, origin: 'https://evil.example' } })
  assert.is(foreign.status, 403)
  assert.is((await karin.fetch(`/api/workshops/${id}`, { method: 'DELETE' })).status, 204)
  // A sign-in form on another site cannot sign a visitor in.
  const crossSignIn = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ email: 'karin@kommun.se', password: 'x' }) })
  assert.is(crossSignIn.status, 403)
})

test('ADMIN_TOKEN acts as an organiser: creates, imports, adds and deletes personas, lists every workshop', async () => {
  const file = await workshopFile()
  const answers = await creatingRequests(ADMIN_HEADERS, file)
  assert.is(answers.workshop.status, 201)
  assert.is(answers.import.status, 201)
  assert.is(answers.persona.status, 201)
  const persona = (await answers.persona.json()) as { id: string }
  const mine = (await (await karin.fetch('/api/workshops', { method: 'POST', json: { method: 'ws1', title: 'Karins' } })).json()) as Created
  const all = (await (await fetch(`${s.url}/api/workshops`, { headers: ADMIN_HEADERS })).json()) as Array<{ id: string }>
  assert.ok(all.some((w) => w.id === mine.id), 'the admin list has Karin\'s workshop too')
  assert.is((await fetch(`${s.url}/api/personas/${persona.id}`, { method: 'DELETE', headers: ADMIN_HEADERS })).status, 204)
  const listed = (await (await fetch(`${s.url}/api/personas`)).json()) as Array<{ id: string }>
  assert.not.ok(listed.some((p) => p.id === persona.id), 'the persona is gone')
  assert.is((await fetch(`${s.url}/api/personas/anna`, { method: 'DELETE', headers: ADMIN_HEADERS })).status, 403, 'a built-in persona stays')
})

test('persona fields have length limits', async () => {
  const long = await karin.fetch('/api/personas', { method: 'POST', json: { ...PERSONA, situation: 'x'.repeat(201) } })
  assert.is(long.status, 400)
  assert.is(await errorOf(long), 'situation: at most 200 characters')
  const name = await karin.fetch('/api/personas', { method: 'POST', json: { ...PERSONA, name: 'N'.repeat(61) } })
  assert.is(await errorOf(name), 'name: at most 60 characters')
})

test('GET /api/workshops lists the signed-in organiser\'s own workshops with method, dates and the participant link', async () => {
  const before = Date.now()
  const k = (await (await karin.fetch('/api/workshops', { method: 'POST', json: { method: 'ws3', title: 'Idéer grupp 1' } })).json()) as Created
  const e = (await (await eva.fetch('/api/workshops', { method: 'POST', json: { method: 'ws2', title: 'Evas' } })).json()) as Created
  const list = (await (await karin.fetch('/api/workshops')).json()) as Array<Record<string, unknown>>
  const mine = list.find((w) => w.id === k.id)
  assert.ok(mine, 'Karin sees her workshop')
  assert.not.ok(list.some((w) => w.id === e.id), 'and not Eva\'s')
  assert.is(mine!.title, 'Idéer grupp 1')
  assert.is(mine!.method, 'ws3')
  assert.is((mine!.methodTitle as { sv: string }).sv.length > 0, true)
  assert.ok(Date.parse(mine!.createdAt as string) >= before - 1000)
  assert.ok(Date.parse(mine!.lastActivityAt as string) >= Date.parse(mine!.createdAt as string))
  const days = (Date.parse(mine!.deletesAt as string) - Date.parse(mine!.lastActivityAt as string)) / 86_400_000
  assert.is(Math.round(days), 365, 'deleted after 365 days without activity (the default)')
  assert.equal(mine!.organisers, ['karin@kommun.se'])
  assert.is(mine!.participantUrl, k.participantUrl, 'the participant link can be copied again')
  // Eva cannot act on Karin's workshop.
  assert.is((await eva.fetch(`/api/workshops/${k.id}/open`, { method: 'POST' })).status, 403)
  assert.is((await eva.fetch(`/api/workshops/${k.id}`, { method: 'DELETE' })).status, 403)
  assert.is((await eva.fetch(`/api/workshops/${k.id}/export/pairs.csv`)).status, 403)
})

test('a facilitator link works with no session', async () => {
  const w = await s.createWorkshop()
  const info = await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(((await info.json()) as { role: string }).role, 'facilitator')
  const c = client(w.id, w.facilitatorKey)
  await waitForSync(c)
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}/export/pairs.md?key=${w.facilitatorKey}`)).status, 200)
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}/participant-link`, { method: 'POST', headers: { authorization: `Bearer ${w.facilitatorKey}` } })).status, 200)
})

test('open as facilitator: the organiser\'s own key opens the board and the API, and stops working at sign-out', async () => {
  const second = await signIn(s.url, 'karin@kommun.se')
  const w = (await (await second.fetch('/api/workshops', { method: 'POST', json: { method: 'ws2', title: 'Öppna' } })).json()) as Created
  const opened = (await (await second.fetch(`/api/workshops/${w.id}/open`, { method: 'POST' })).json()) as { facilitatorUrl: string }
  const own = keyOf(opened.facilitatorUrl)
  assert.is.not(own, keyOf(w.facilitatorUrl), 'a key of her own, not the shared link')
  const info = await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${own}` } })
  assert.is(((await info.json()) as { role: string }).role, 'facilitator')
  const c = client(w.id, own)
  await waitForSync(c)
  c.destroy()

  assert.is((await second.fetch('/api/session', { method: 'DELETE' })).status, 204)
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${own}` } })).status, 403)
  const after = client(w.id, own)
  await waitFor(() => after.closes.includes(CLOSE_WRONG_KEY), 'the socket is refused with 4403')
  // The shared facilitator link was never touched.
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${keyOf(w.facilitatorUrl)}` } })).status, 200)
})

test('a new facilitator link replaces the old one: old gets 403 on the API and 4403 on the socket; the organiser\'s own key still works', async () => {
  const w = (await (await karin.fetch('/api/workshops', { method: 'POST', json: { method: 'ws2', title: 'Läckt länk' } })).json()) as Created
  const oldKey = keyOf(w.facilitatorUrl)
  const own = keyOf(((await (await karin.fetch(`/api/workshops/${w.id}/open`, { method: 'POST' })).json()) as { facilitatorUrl: string }).facilitatorUrl)
  const live = client(w.id, oldKey)
  await waitForSync(live)

  const res = await karin.fetch(`/api/workshops/${w.id}/facilitator-link`, { method: 'POST' })
  assert.is(res.status, 200)
  const newKey = keyOf(((await res.json()) as { facilitatorUrl: string }).facilitatorUrl)
  await waitFor(() => live.closes.includes(CLOSE_REVOKED), 'the socket on the old link is closed')
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${oldKey}` } })).status, 403)
  const again = client(w.id, oldKey)
  await waitFor(() => again.closes.includes(CLOSE_WRONG_KEY), 'the old link gets 4403 on the socket')

  assert.is((await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${newKey}` } })).status, 200)
  const ownClient = client(w.id, own)
  await waitForSync(ownClient)
  // The facilitator link itself may replace it too (a facilitator who leaked it).
  const byLink = await fetch(`${s.url}/api/workshops/${w.id}/facilitator-link`, { method: 'POST', headers: { authorization: `Bearer ${newKey}` } })
  assert.is(byLink.status, 200)
  assert.is((await fetch(`${s.url}/api/workshops/${w.id}/facilitator-link`, { method: 'POST', headers: { authorization: `Bearer ${newKey}` } })).status, 403)
})

test('co-organisers: invited by e-mail, a new person gets a link to pass on and then sees the workshop; the last organiser stays', async () => {
  const w = (await (await karin.fetch('/api/workshops', { method: 'POST', json: { method: 'ws4', title: 'Tillsammans' } })).json()) as Created
  const invited = await karin.fetch(`/api/workshops/${w.id}/organisers`, { method: 'POST', json: { email: 'Ny.Kollega@Kommun.se' } })
  assert.is(invited.status, 201)
  const answer = (await invited.json()) as { email: string; signIn: string; setupUrl: string; organisers: string[] }
  assert.is(answer.email, 'ny.kollega@kommun.se')
  assert.is(answer.signIn, 'link')
  assert.equal(answer.organisers, ['karin@kommun.se', 'ny.kollega@kommun.se'])
  const token = new URL(answer.setupUrl).hash.replace('#token=', '')
  const set = await fetch(`${s.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: s.url }, body: JSON.stringify({ token, password: 'kollegans lösenord' }) })
  assert.is(set.status, 204)
  const colleague = await signIn(s.url, 'ny.kollega@kommun.se', 'kollegans lösenord')
  const theirs = (await (await colleague.fetch('/api/workshops')).json()) as Array<{ id: string }>
  assert.equal(theirs.map((x) => x.id), [w.id])

  // An existing account gets no link (the inviter must not choose someone else's password).
  const existing = (await (await karin.fetch(`/api/workshops/${w.id}/organisers`, { method: 'POST', json: { email: 'eva@region.se' } })).json()) as { signIn: string; setupUrl?: string }
  assert.is(existing.signIn, 'password')
  assert.is(existing.setupUrl, undefined)
  assert.ok(((await (await eva.fetch('/api/workshops')).json()) as Array<{ id: string }>).some((x) => x.id === w.id))

  assert.is((await colleague.fetch(`/api/workshops/${w.id}/organisers/eva%40region.se`, { method: 'DELETE' })).status, 204)
  assert.not.ok(((await (await eva.fetch('/api/workshops')).json()) as Array<{ id: string }>).some((x) => x.id === w.id))
  assert.is((await colleague.fetch(`/api/workshops/${w.id}/organisers/karin%40kommun.se`, { method: 'DELETE' })).status, 204)
  const last = await colleague.fetch(`/api/workshops/${w.id}/organisers/ny.kollega%40kommun.se`, { method: 'DELETE' })
  assert.is(last.status, 409)
  assert.is((await karin.fetch(`/api/workshops/${w.id}/organisers`, { method: 'POST', json: { email: 'x@y.se' } })).status, 403, 'Karin is off it now')
  const bad = await colleague.fetch(`/api/workshops/${w.id}/organisers`, { method: 'POST', json: { email: 'inte en adress' } })
  assert.is(bad.status, 400)
})

test('the audit log says who did what and when, by organiser or by key role, never card text', async () => {
  const w = (await (await karin.fetch('/api/workshops', { method: 'POST', json: { method: 'ws2', title: 'Granskad' } })).json()) as Created
  const secret = 'Jag känner frustration när det saknas vikarier'
  const writer = client(w.id, keyOf(w.participantUrl))
  await waitForSync(writer)
  writer.doc.getArray('records').push([{ key: 'shape:q1', val: { text: secret } }])
  await fetch(`${s.url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${keyOf(w.facilitatorUrl)}` } })
  await fetch(`${s.url}/api/workshops/${w.id}/export/pairs.csv?key=${keyOf(w.facilitatorUrl)}`)
  await karin.fetch(`/api/workshops/${w.id}/export/report.md`)
  await karin.fetch(`/api/workshops/${w.id}/open`, { method: 'POST' })
  await karin.fetch(`/api/workshops/${w.id}/open`, { method: 'POST' })
  await karin.fetch(`/api/workshops/${w.id}/participant-link`, { method: 'POST' })
  const entries = (await (await karin.fetch(`/api/workshops/${w.id}/audit`)).json()) as Array<{ at: string; action: string; actor: { kind: string; email?: string }; detail: string | null }>
  const seen = entries.map((e) => `${e.action} ${e.actor.kind}${e.actor.email ? ` ${e.actor.email}` : ''}${e.detail ? ` ${e.detail}` : ''}`).reverse()
  assert.equal(seen, [
    'created organiser karin@kommun.se ws2',
    'opened facilitator-link',
    'exported facilitator-link pairs.csv',
    'exported organiser karin@kommun.se report.md',
    'opened organiser karin@kommun.se',
    'link-replaced organiser karin@kommun.se participant',
  ])
  assert.ok(entries.every((e) => !Number.isNaN(Date.parse(e.at))))
  assert.is((await eva.fetch(`/api/workshops/${w.id}/audit`)).status, 403, 'only its organisers read it')

  assert.is((await fetch(`${s.url}/api/workshops/${w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${keyOf(w.facilitatorUrl)}` } })).status, 204)
  const rows = s.app.db.prepare('SELECT * FROM audit_log WHERE workshop_id = ?').all(w.id) as Array<{ action: string; actor_kind: string }>
  assert.equal(rows.at(-1), { ...rows.at(-1)!, action: 'deleted', actor_kind: 'facilitator-link' }, 'the deletion is logged and outlives the workshop')
  const everything = JSON.stringify(s.app.db.prepare('SELECT * FROM audit_log').all())
  assert.not.ok(everything.includes('vikarier'), 'no card text in the audit log')
  assert.not.ok(everything.includes('Granskad'), 'no workshop title either')
})

test.run()
