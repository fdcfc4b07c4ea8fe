import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { startProcessServer, type ProcessServer } from '../helpers/processServer'
import { addOrganiser, sessionCookieOf, signIn, TEST_PASSWORD } from '../helpers/organisers'
import { ADMIN_HEADERS, ROOT, startTestServer, type TestServer } from '../helpers/testServer'

const run = promisify(execFile)
const servers: TestServer[] = []
const processes: ProcessServer[] = []
test.after.each(async () => {
  for (const s of servers.splice(0)) await s.close({ removeData: true })
  for (const p of processes.splice(0)) await p.stop({ removeData: true })
})

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer(env)
  servers.push(s)
  return s
}

const json = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, ...headers }, body: JSON.stringify(body) })

const session = async (url: string, cookie?: string) =>
  (await (await fetch(`${url}/api/session`, { headers: cookie ? { cookie } : {} })).json()) as { organiser: { email: string } | null; setupPending: boolean }

const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '')

test('first start prints a one-time setup link; it creates the first organiser, who is signed in; used again it says so', async () => {
  const p = await startProcessServer()
  processes.push(p)
  const line = p.output.find((l) => l.includes('setupLink'))
  assert.ok(line, `the log has the setup link:\n${p.output.join('\n')}`)
  const link = (JSON.parse(line!) as { setupLink: string }).setupLink
  assert.match(link, new RegExp(`^http://localhost:${p.port}/setup#token=[A-Za-z0-9_-]{43}$`))
  assert.is((await session(p.url)).setupPending, true)

  const inspected = await json(p.url, '/api/setup/inspect', { token: tokenOf(link) })
  assert.equal(await inspected.json(), { purpose: 'setup', email: null })
  const tooShort = await json(p.url, '/api/setup', { token: tokenOf(link), email: 'karin@kommun.se', password: 'kort' })
  assert.is(tooShort.status, 400)
  assert.match(((await tooShort.json()) as { error: string }).error, /^password: at least 10 characters/)

  const created = await json(p.url, '/api/setup', { token: tokenOf(link), email: 'Karin@Kommun.se', password: TEST_PASSWORD })
  assert.is(created.status, 204)
  const cookie = sessionCookieOf(created)
  assert.equal((await session(p.url, cookie)).organiser, { email: 'karin@kommun.se' })
  assert.is((await session(p.url)).setupPending, false)

  const again = await json(p.url, '/api/setup', { token: tokenOf(link), email: 'eve@example.com', password: TEST_PASSWORD })
  assert.is(again.status, 410)
  assert.match(((await again.json()) as { error: string }).error, /used or has expired/)
  assert.is((await json(p.url, '/api/setup/inspect', { token: tokenOf(link) })).status, 410)

  // A restart with an organiser prints no new link.
  await p.stop()
  const linesBefore = p.output.length
  await p.restart()
  assert.not.ok(p.output.slice(linesBefore).some((l) => l.includes('setupLink')), 'no setup link once an organiser exists')
  await signIn(p.url, 'karin@kommun.se')
})

test('npm run organisers -- add prints a link to choose a password; list shows the account; remove signs it out', async () => {
  const s = await server()
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'server/cli/organisers.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: s.dataDir, PORT: String(s.port) } })
  const added = await cli('add', 'Ahmed@Region.se')
  const link = /http:\/\/localhost:\d+\/setup#token=\S+/.exec(added.stdout)?.[0]
  assert.ok(link, added.stdout)
  assert.match(added.stdout, /Added ahmed@region\.se/)

  const inspected = await json(s.url, '/api/setup/inspect', { token: tokenOf(link!) })
  assert.equal(await inspected.json(), { purpose: 'password', email: 'ahmed@region.se' })
  const chosen = await json(s.url, '/api/setup', { token: tokenOf(link!), password: TEST_PASSWORD })
  assert.is(chosen.status, 204)
  const ahmed = await signIn(s.url, 'ahmed@region.se')
  assert.equal((await session(s.url, ahmed.cookie)).organiser, { email: 'ahmed@region.se' })

  const listed = await cli('list')
  assert.match(listed.stdout, /^ahmed@region\.se\t.*password$/m)

  await cli('remove', 'ahmed@region.se')
  assert.is((await session(s.url, ahmed.cookie)).organiser, null, 'the removed organiser is signed out at once')
  const gone = await json(s.url, '/api/session', { email: 'ahmed@region.se', password: TEST_PASSWORD })
  assert.is(gone.status, 401)
  const unknown = await cli('remove', 'ahmed@region.se').catch((e: { stderr: string; code: number }) => e)
  assert.is((unknown as { code: number }).code, 2)
  assert.match((unknown as { stderr: string }).stderr, /no organiser ahmed@region\.se/)
})

test('sign-in: 204 and an HttpOnly, SameSite=Lax, expiring cookie; a wrong password and an unknown account get the same 401; sign-out ends the session', async () => {
  const s = await server()
  await addOrganiser(s.app, 'karin@kommun.se')
  const ok = await json(s.url, '/api/session', { email: ' KARIN@kommun.se ', password: TEST_PASSWORD })
  assert.is(ok.status, 204)
  const setCookie = ok.headers.getSetCookie()[0]
  assert.match(setCookie, /^samverkstad_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/)
  const cookie = sessionCookieOf(ok)
  const stored = JSON.stringify(s.app.db.prepare('SELECT * FROM sessions').all())
  assert.not.ok(stored.includes(cookie.split('=')[1]), 'only a hash of the session id is stored')

  const wrong = await json(s.url, '/api/session', { email: 'karin@kommun.se', password: 'fel lösenord 123' })
  const unknown = await json(s.url, '/api/session', { email: 'nobody@kommun.se', password: 'fel lösenord 123' })
  assert.is(wrong.status, 401)
  assert.is(unknown.status, 401)
  assert.equal(await wrong.json(), await unknown.json())

  const forged = await session(s.url, 'samverkstad_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
  assert.is(forged.organiser, null)

  const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { cookie, origin: s.url } })
  assert.is(out.status, 204)
  assert.match(out.headers.getSetCookie()[0], /^samverkstad_session=; Path=\/; Max-Age=0/)
  assert.is((await session(s.url, cookie)).organiser, null)
})

test('behind an HTTPS proxy the cookie is Secure', async () => {
  const s = await server({ TRUST_PROXY: 'on' })
  await addOrganiser(s.app, 'karin@kommun.se')
  const res = await json(s.url, '/api/session', { email: 'karin@kommun.se', password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https' })
  assert.match(res.headers.getSetCookie()[0], /; Secure$/)
})

test('repeated failed sign-ins: 429 with Retry-After, per account and per address', async () => {
  const s = await server({ TRUST_PROXY: 'on' })
  await addOrganiser(s.app, 'karin@kommun.se')
  const from = (address: string) => ({ 'x-forwarded-for': address })
  const attempt = (email: string, password: string, address: string) => json(s.url, '/api/session', { email, password }, from(address))

  // Per account: five wrong passwords, then even the right one waits, from any address.
  for (let i = 0; i < 5; i++) assert.is((await attempt('karin@kommun.se', `fel lösenord ${i}xx`, '10.0.0.1')).status, 401)
  const locked = await attempt('karin@kommun.se', TEST_PASSWORD, '10.0.0.2')
  assert.is(locked.status, 429)
  assert.ok(Number(locked.headers.get('retry-after')) >= 1, 'Retry-After in seconds')
  assert.match(((await locked.json()) as { error: string }).error, /too many failed sign-ins; try again in \d+ seconds/)

  // Per address: twenty failures over many accounts, then that address waits for every account.
  for (let i = 0; i < 20; i++) {
    const status = (await attempt(`guess${i}@kommun.se`, 'fel lösenord 123', '10.0.0.3')).status
    assert.is(status, 401, `attempt ${i}`)
  }
  const blocked = await attempt('someone@kommun.se', 'fel lösenord 123', '10.0.0.3')
  assert.is(blocked.status, 429)
  assert.ok(Number(blocked.headers.get('retry-after')) >= 1)
  assert.is((await attempt('someone@kommun.se', 'fel lösenord 123', '10.0.0.4')).status, 401, 'another address is not held up')
})

test('endpoints without a key are rate limited per address', async () => {
  const s = await server({ TRUST_PROXY: 'on' })
  const get = (address: string) => fetch(`${s.url}/api/methods`, { headers: { 'x-forwarded-for': address } })
  let status = 200
  let sent = 0
  while (status === 200 && sent < 2000) {
    const batch = await Promise.all(Array.from({ length: 50 }, () => get('10.1.1.1')))
    sent += batch.length
    status = batch.find((r) => r.status !== 200)?.status ?? 200
    if (status === 429) assert.ok(Number(batch.find((r) => r.status === 429)!.headers.get('retry-after')) >= 1)
  }
  assert.is(status, 429, `refused after about 600 (sent ${sent})`)
  assert.ok(sent >= 600 && sent <= 700, `the burst is about 600 requests (sent ${sent})`)
  assert.is((await get('10.1.1.2')).status, 200, 'another address is not held up')
  // Scripts with ADMIN_TOKEN are not counted.
  const admin = await fetch(`${s.url}/api/methods`, { headers: { 'x-forwarded-for': '10.1.1.1', ...ADMIN_HEADERS } })
  assert.is(admin.status, 200)
})

test('LOCAL_SIGN_IN=off: no setup link, no password sign-in, only the identity provider', async () => {
  const s = await server({ LOCAL_SIGN_IN: 'off', OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'x', OIDC_ALLOWED_DOMAINS: 'kommun.se' })
  assert.is(s.app.firstStartLink(), null)
  const info = (await (await fetch(`${s.url}/api/session`)).json()) as { signIn: { local: boolean; oidc: boolean } }
  assert.equal(info.signIn, { local: false, oidc: true })
  assert.is((await json(s.url, '/api/session', { email: 'a@kommun.se', password: TEST_PASSWORD })).status, 404)
  // The provider is down (nothing listens on port 9): a clear answer, not a browser error.
  const start = await fetch(`${s.url}/auth/oidc`, { redirect: 'manual' })
  assert.is(start.status, 302)
  assert.is(start.headers.get('location'), '/?signin=unavailable')
})

test.run()
