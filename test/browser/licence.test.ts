import type { Browser } from 'playwright-core'
import { pino } from 'pino'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { eventually, launchBrowser, Person } from './helpers/browser'
import { selfSignedCertificate, startTlsProxy, type TlsProxy } from './helpers/tlsProxy'
import { clickVisible, expectReadable } from './helpers/visible'

// Production as an employer runs it: a TLS proxy at a name that is not localhost, and no tldraw licence key.
const HOST = 'verkstad.test'
let proxy: TlsProxy
let server: TestServer
let browser: Browser
let origin: string
const logged: Array<{ level: number; msg: string }> = []
const people: Person[] = []

test.before(async () => {
  proxy = await startTlsProxy(selfSignedCertificate(HOST))
  origin = `https://${HOST}:${proxy.port}`
  const log = pino({ level: 'warn', base: undefined }, { write: (line: string) => void logged.push(JSON.parse(line)) })
  server = await startTestServer({ PUBLIC_URL: origin }, log)
  proxy.setTarget(server.port)
  browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, '--ignore-certificate-errors'])
})
test.after(async () => {
  for (const p of people) await p.close()
  await browser?.close()
  await proxy?.close()
  await server?.close({ removeData: true })
})

/** A person whose page also records every URL its scripts ask fetch() for, even those the CSP then blocks. */
async function person(name: string): Promise<Person> {
  const p = await Person.create(browser, name)
  people.push(p)
  await p.context.addInitScript(() => {
    const w = window as unknown as { __fetched: string[] }
    w.__fetched = []
    const real = window.fetch.bind(window)
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      w.__fetched.push(input instanceof Request ? input.url : String(input))
      return real(input, init)
    }
  })
  return p
}

async function enter(p: Person, link: string): Promise<void> {
  await p.page.goto(link)
  await p.page.getByLabel('Ditt namn').fill(p.name)
  await clickVisible(p.page.getByRole('button', { name: 'Gå med' }))
}

const outlineCards = (p: Person) => p.page.locator('.outline-card .outline-text').allInnerTexts()

async function addInOutline(p: Person, text: string): Promise<void> {
  const outline = p.page.getByTestId('outline')
  await outline.getByLabel('Korttyp').selectOption('note')
  await outline.getByLabel('Text', { exact: true }).fill(text)
  await clickVisible(outline.getByRole('button', { name: 'Lägg till kort' }))
}

test('without a licence key on a public HTTPS address, everyone is told so and works on in the outline; no key and no request leaves the host', async () => {
  // The server said so at start.
  const warning = logged.find((l) => l.level === 40 && l.msg.includes('TLDRAW_LICENSE_KEY'))
  assert.ok(warning, 'the server warned at start')
  assert.ok(warning!.msg.includes(origin))

  const w = await server.createWorkshop({ method: 'ws2', title: 'Utan licens' })
  assert.ok(w.facilitatorUrl.startsWith(`${origin}/w/`), w.facilitatorUrl)
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await enter(karin, w.facilitatorUrl)

  // The key is gone from the address bar at once, and kept for this tab.
  await eventually(() => Promise.resolve(karin.page.url()), (u) => u === `${origin}/w/${w.id}`, 'the address without the key')
  assert.is(await karin.page.evaluate((id) => sessionStorage.getItem(`samverkstad.key.${id}`), w.id), w.facilitatorKey)

  const notice = karin.page.getByTestId('licence-notice')
  await notice.waitFor()
  await expectReadable(notice.getByRole('heading', { name: 'Tavlan kan inte visas på den här servern' }))
  assert.match(await notice.innerText(), /Översikten fungerar som vanligt/)
  assert.match(await notice.innerText(), /TLDRAW_LICENSE_KEY/, 'the facilitator is told what to ask for')
  // This is tldraw's real production check: it takes the board away (its own marker stands where the editor was).
  await karin.page.locator('[data-testid="tl-license-expired"]').waitFor({ state: 'attached', timeout: 15_000 })
  await expectReadable(notice.getByRole('heading', { name: 'Tavlan kan inte visas på den här servern' }), 'the notice after the board is gone')
  await clickVisible(notice.getByRole('button', { name: 'Gå till översikten' }))
  assert.is(await karin.page.evaluate(() => document.activeElement?.id), 'outline-heading', 'the outline has the focus')

  // The outline works for both.
  await addInOutline(karin, 'Kort från processledaren')
  await enter(ahmed, w.participantUrl)
  const seen = ahmed.page.getByTestId('licence-notice')
  await seen.getByRole('heading', { name: 'Tavlan kan inte visas på den här servern' }).waitFor()
  assert.not.match(await seen.innerText(), /TLDRAW_LICENSE_KEY/, 'participants are not asked to fix the server')
  await eventually(() => outlineCards(ahmed), (t) => t.includes('Kort från processledaren'), 'Karin\'s card in Ahmed\'s outline')
  await addInOutline(ahmed, 'Kort från deltagaren')
  await eventually(() => outlineCards(karin), (t) => t.includes('Kort från deltagaren'), 'Ahmed\'s card in Karin\'s outline')

  // A reload in the same tab still works without the key in the address.
  await karin.page.reload()
  await karin.page.getByTestId('licence-notice').waitFor()
  await eventually(() => outlineCards(karin), (t) => t.includes('Kort från deltagaren') && t.includes('Kort från processledaren'), 'both cards after a reload')

  for (const p of [karin, ahmed]) {
    const hosts = [...new Set(p.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:')).map((u) => new URL(u).host))]
    assert.equal(hosts, [`${HOST}:${proxy.port}`], `${p.name}'s requests all went to this server`)
    const fetched = await p.page.evaluate(() => (window as unknown as { __fetched: string[] }).__fetched)
    const key = p === karin ? w.facilitatorKey : w.participantKey
    assert.not.ok(fetched.some((u) => u.includes(key) || decodeURIComponent(u).includes(key)), `no script asked for a URL with ${p.name}'s key: ${fetched.join(', ')}`)
  }
})

test.run()
