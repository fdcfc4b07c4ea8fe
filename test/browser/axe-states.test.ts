import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ADMIN_HEADERS } from '../helpers/testServer'
import { eventually, type Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { signInAsOrganiser } from './helpers/signIn'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Every violation axe finds on the whole page, one line each with where. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(WCAG).analyze()
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`))
}

const found: Record<string, string[]> = {}
async function check(state: string, page: Page): Promise<void> {
  found[state] = await violations(page)
  if (found[state].length) console.log(state, found[state])
}

const button = (p: Person, name: string) => p.page.getByRole('button', { name, exact: true })
const stepOf = (p: Person) => p.page.getByTestId('current-step').getAttribute('data-step-id')

test('the pages before the board: setup, start, signed-in start, join, programme', async () => {
  const karin = await suite.person('Karin')
  const link = suite.server.app.firstStartLink()
  assert.ok(link, 'no organiser yet: there is a setup link')
  await karin.page.goto(link!.replace(/^http:\/\/localhost:\d+/, suite.server.url))
  await karin.page.getByRole('heading', { name: 'Skapa det första organisatörskontot' }).waitFor()
  await check('setup', karin.page)

  const ahmed = await suite.person('Ahmed')
  await ahmed.page.goto(suite.server.url)
  await ahmed.page.getByRole('button', { name: 'Logga in' }).waitFor()
  await check('start', ahmed.page)

  await signInAsOrganiser(karin, suite.server)
  await check('start signed in', karin.page)

  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Tillgänglighet' })
  await ahmed.page.goto(w.participantUrl)
  await ahmed.page.getByLabel('Ditt namn').waitFor()
  await check('join', ahmed.page)

  const res = await fetch(`${suite.server.url}/api/programmes`, {
    method: 'POST',
    headers: { ...ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'kupo', title: 'KUPO Värmland 2027', workshops: ['ws1', 'ws2'] }),
  })
  const programme = (await res.json()) as { facilitatorUrl: string }
  await karin.page.goto(programme.facilitatorUrl)
  await eventually(() => karin.page.getByTestId('programme-workshop').count(), (n) => n === 2, 'the programme lists its workshops')
  await check('programme', karin.page)
})

test('the board: participant, facilitator, export menu, open vote, locked, reconnecting', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Tillgänglighet' })
  const karin = await suite.person('Karin')
  const ahmed = await suite.person('Ahmed')
  // Keeps the page's sockets where the test can close them, as a dropped network would.
  await ahmed.context.addInitScript(() => {
    const Real = window.WebSocket
    const sockets: WebSocket[] = []
    ;(window as unknown as { __sockets: WebSocket[] }).__sockets = sockets
    window.WebSocket = class extends Real {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        sockets.push(this)
      }
    }
  })
  await Promise.all([karin.join(w.facilitatorUrl), ahmed.join(w.participantUrl)])
  await check('board participant', ahmed.page)
  await check('board facilitator', karin.page)

  await clickVisible(button(karin, 'Exportera'))
  await karin.page.locator('.export-menu-list').waitFor()
  await check('export menu', karin.page)
  await karin.page.keyboard.press('Escape')

  await karin.writeCard('Utmaning', 'Utmaning Alfa', { x: 200, y: 200 })
  await eventually(() => ahmed.cardTexts(), (t) => t.includes('Utmaning Alfa'), 'the card reaches Ahmed')
  await karin.page.getByLabel('Rösta på korttyp').selectOption({ label: 'Utmaning' })
  await clickVisible(button(karin, 'Starta röstning'))
  await ahmed.page.getByTestId('dots-left').waitFor()
  await check('vote participant', ahmed.page)
  await check('vote facilitator', karin.page)
  await clickVisible(ahmed.page.locator('.sv-card', { hasText: 'Utmaning Alfa' }).getByRole('button', { name: 'Lägg en prick på kortet', exact: true }))
  await eventually(() => ahmed.page.getByTestId('dots-left').innerText(), (t) => t.includes('2'), 'Ahmed has cast a dot')
  await clickVisible(button(karin, 'Avsluta röstningen'))
  await ahmed.page.getByTestId('vote-ranking').waitFor()
  await check('vote result', ahmed.page)

  await clickVisible(button(karin, 'Lås tavlan för deltagare'))
  await ahmed.page.getByText('Processledaren har låst tavlan.').waitFor()
  await check('locked participant', ahmed.page)
  await check('locked facilitator', karin.page)

  // The narrow layout (a phone, or 200 % zoom): each tab's view.
  await karin.page.setViewportSize({ width: 320, height: 640 })
  const tabs = karin.page.getByRole('group', { name: 'Visa' })
  await tabs.waitFor()
  await check('board at 320 px', karin.page)
  await clickVisible(tabs.getByRole('button', { name: 'Översikt', exact: true }))
  await check('outline at 320 px', karin.page)
  await clickVisible(tabs.getByRole('button', { name: 'Verktyg', exact: true }))
  await check('tools at 320 px', karin.page)
  await karin.page.setViewportSize({ width: 1280, height: 800 })

  // The connection drops and cannot come back while the network is gone.
  await ahmed.context.setOffline(true)
  await ahmed.page.evaluate(() => {
    for (const ws of (window as unknown as { __sockets: WebSocket[] }).__sockets) ws.close()
  })
  await eventually(() => ahmed.page.getByTestId('sync-status').getAttribute('data-status'), (s) => s === 'offline' || s === 'connecting', 'Ahmed is told the connection is gone')
  await check('reconnecting', ahmed.page)
  await ahmed.context.setOffline(false)
})

test('private writing and the evaluation form', async () => {
  const w3 = await suite.server.createWorkshop({ method: 'ws3', title: 'Privat' })
  const karin = await suite.person('Karin')
  const ahmed = await suite.person('Ahmed')
  await Promise.all([karin.join(w3.facilitatorUrl), ahmed.join(w3.participantUrl)])
  // A refused write: a participant deletes one of the method's template cards.
  await ahmed.page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    const template = editor.getCurrentPageShapes().find((s) => s.type === 'card' && (s.meta as { template?: string }).template === 'inspiration')
    editor.select(template!.id)
    editor.zoomToSelection()
  })
  await ahmed.page.locator('#board-region .tl-container').focus()
  await ahmed.page.keyboard.press('Delete')
  await ahmed.page.getByTestId('refusal').waitFor()
  await check('refused write', ahmed.page)
  await clickVisible(ahmed.page.getByRole('button', { name: 'Översikt', exact: true }))
  await check('outline closed', ahmed.page)

  await clickVisible(button(karin, 'Starta första steget'))
  await clickVisible(button(karin, 'Nästa steg'))
  await eventually(() => stepOf(ahmed), (s) => s === 'brainstorm', 'Ahmed in the private step')
  await ahmed.page.getByText('Enskilt skrivande').waitFor()
  await ahmed.goToEmptyArea()
  await ahmed.writeCard('Idé', 'Hemlig idé', { x: 250, y: 250 })
  await ahmed.page.locator('.sv-card[data-private=true]').waitFor()
  await check('private writing', ahmed.page)

  const w8 = await suite.server.createWorkshop({ method: 'ws8', title: 'Utvärdering' })
  const bea = await suite.person('Bea')
  const cecilia = await suite.person('Cecilia')
  await Promise.all([bea.join(w8.facilitatorUrl), cecilia.join(w8.participantUrl)])
  await clickVisible(button(bea, 'Starta första steget'))
  for (let i = 0; i < 3; i++) await clickVisible(button(bea, 'Nästa steg'))
  await cecilia.page.getByTestId('evaluation-overlay').getByRole('group', { name: 'Min kunskap om psykisk ohälsa' }).waitFor()
  await check('evaluation form', cecilia.page)
  await check('evaluation facilitator', bea.page)
})

test('no state has an accessibility violation (WCAG 2.1 A and AA)', async () => {
  const counts = Object.fromEntries(Object.entries(found).map(([state, v]) => [state, v.length]))
  console.log('axe violations per state:', JSON.stringify(counts))
  assert.ok(Object.keys(found).length >= 22, `every state was visited: ${Object.keys(found).join(', ')}`)
  assert.equal(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length)), {}, 'no violations')
})

test.run()
