import type { Browser } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { identityProvider, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, type TestIdentityProvider } from '../helpers/oidcProvider'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { launchBrowser, Person } from './helpers/browser'
import { signInAsOrganiser } from './helpers/signIn'

// A real OpenID Connect provider on a free port, and our server set up to use it.
let idp: TestIdentityProvider
let server: TestServer
let browser: Browser
const people: Person[] = []

test.before(async () => {
  idp = await identityProvider()
  server = await startTestServer({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_ALLOWED_DOMAINS: 'kommun.se',
  })
  await idp.start(`${server.url}/auth/oidc/callback`)
  browser = await launchBrowser()
})
test.after.each(async () => {
  for (const p of people.splice(0)) await p.close()
})
test.after(async () => {
  await browser?.close()
  await server?.close({ removeData: true })
  await idp?.stop()
})

async function person(name: string): Promise<Person> {
  const p = await Person.create(browser, name)
  people.push(p)
  return p
}

/** Through the provider's own login and consent pages, as a person would. */
async function signInAtProvider(p: Person, login: string): Promise<void> {
  await p.page.goto(server.url)
  await p.page.getByRole('link', { name: 'Logga in med organisationens konto' }).click()
  await p.page.locator('input[name=login]').fill(login)
  await p.page.locator('input[name=password]').fill('vad som helst')
  await p.page.getByRole('button', { name: 'Sign-in' }).click()
  await p.page.getByRole('button', { name: 'Continue' }).click()
}

test('an organiser signs in with the identity provider, creates a workshop, sees it in Mina workshoppar, and signs out', async () => {
  const karin = await person('Karin')
  await signInAtProvider(karin, 'karin@kommun.se')
  const page = karin.page
  await page.getByText('Inloggad som karin@kommun.se').waitFor()
  assert.is(new URL(page.url()).origin, server.url, 'back on our start page')

  await page.getByText('Insikter och utmaningar').click()
  await page.getByLabel('Workshopens namn').fill('Via organisationens konto')
  await page.getByRole('button', { name: 'Skapa workshop' }).click()
  const participantLink = await page.getByTestId('participant-link').inputValue()
  const mine = page.getByTestId('my-workshop').filter({ hasText: 'Via organisationens konto' })
  await mine.waitFor()
  assert.ok(await mine.isVisible())
  assert.match(await mine.innerText(), /Insikter och utmaningar · skapad/)
  assert.is(await mine.getByTestId('my-participant-link').inputValue(), participantLink)

  await page.getByRole('button', { name: 'Logga ut' }).click()
  await page.getByRole('heading', { name: 'Logga in som organisatör' }).waitFor()
  await page.reload()
  await page.getByRole('heading', { name: 'Logga in som organisatör' }).waitFor()
  assert.is(await page.getByTestId('my-workshop').count(), 0, 'no list after signing out')
  const session = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { organiser: unknown })
  assert.is(session.organiser, null)
})

test('someone outside OIDC_ALLOWED_DOMAINS is told they may not be an organiser, and gets no session', async () => {
  const eve = await person('Eve')
  await signInAtProvider(eve, 'eve@example.com')
  await eve.page.getByText('Ditt konto får inte vara organisatör här').waitFor()
  assert.ok(await eve.page.getByRole('heading', { name: 'Logga in som organisatör' }).isVisible())
  assert.is(await eve.page.getByTestId('signed-in-as').count(), 0)
})

test('with the identity provider down, the start page says so and local sign-in still works', async () => {
  await idp.stop()
  const ahmed = await person('Ahmed')
  await ahmed.page.goto(server.url)
  await ahmed.page.getByRole('link', { name: 'Logga in med organisationens konto' }).click()
  await ahmed.page.getByText('Organisationens inloggningstjänst svarar inte just nu').waitFor()
  assert.is(new URL(ahmed.page.url()).origin, server.url, 'a page of ours, not a browser error')
  await signInAsOrganiser(ahmed, server, 'ahmed@konsult.se')
  assert.ok(await ahmed.page.getByRole('heading', { name: 'Mina workshoppar' }).isVisible())
})

test.run()
