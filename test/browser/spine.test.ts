import { boardMeta } from '../../workshops/doc/boardDoc'
import { META_DOC_VERSION } from '../../workshops/doc/layout'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, Person } from './helpers/browser'
import { signInAsOrganiser } from './helpers/signIn'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)

function foreignRequests(p: Person): string[] {
  const own = new URL(suite.server.url)
  return p.requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false
    const url = new URL(u)
    return url.host !== own.host
  })
}

test('a facilitator creates a workshop, a participant joins, and both work on one board', async () => {
  const karin = await person('Karin')
  const page = karin.page
  await signInAsOrganiser(karin, suite.server)
  await clickVisible(page.getByText('Insikter och utmaningar'))
  await page.getByLabel('Workshopens namn').fill('KUPO grupp 2')
  await clickVisible(page.getByRole('button', { name: 'Skapa workshop' }))
  const facilitatorLink = await page.getByTestId('facilitator-link').inputValue()
  const participantLink = await page.getByTestId('participant-link').inputValue()
  assert.is.not(facilitatorLink, participantLink)

  await karin.join(facilitatorLink)
  const ahmed = await person('Ahmed')
  await ahmed.join(participantLink)

  // Each sees the other in the list of who is here.
  await eventually(() => karin.page.getByTestId('presence-list').innerText(), (t) => t.includes('Ahmed'), 'Karin sees Ahmed')
  await eventually(() => ahmed.page.getByTestId('presence-list').innerText(), (t) => t.includes('Karin'), 'Ahmed sees Karin')

  // A card written by one appears, with its text and author, for the other.
  await karin.writeCard('Insikt', 'Vi har funnit att chefer känner sig otrygga i samtalen', { x: 200, y: 250 })
  await eventually(() => ahmed.cardTexts(), (t) => t.includes('Vi har funnit att chefer känner sig otrygga i samtalen'), 'card reaches Ahmed')
  const shown = ahmed.page.locator('.sv-card', { hasText: 'chefer känner sig otrygga' })
  await shown.waitFor()
  assert.match(await shown.innerText(), /Karin/, 'the card shows its author')
  assert.match(await shown.innerText(), /INSIKT/i, 'the card shows its kind')

  await ahmed.writeCard('Utmaning', 'Hur skulle vi kunna stödja cheferna?', { x: 450, y: 500 })
  await eventually(() => karin.cardTexts(), (t) => t.includes('Hur skulle vi kunna stödja cheferna?'), 'card reaches Karin')

  // Ahmed's cursor is on Karin's board.
  await ahmed.page.mouse.move(500, 500)
  await ahmed.page.mouse.move(520, 510)
  await eventually(
    () => karin.page.evaluate(() => window.__samverkstadEditor!.getCollaborators().map((c) => c.userName)),
    (names) => names.includes('Ahmed'),
    'Karin has Ahmed as a collaborator with a cursor',
  )

  // After a reload both cards are still there.
  await ahmed.page.reload()
  await ahmed.waitForBoard()
  const written = ['Hur skulle vi kunna stödja cheferna?', 'Vi har funnit att chefer känner sig otrygga i samtalen']
  const after = await eventually(() => ahmed.cardTexts(), (t) => written.every((w) => t.includes(w)), 'cards after reload')
  assert.equal(after.filter((t) => written.includes(t)), written)

  // Nothing was loaded from any other host.
  assert.equal(foreignRequests(karin), [], 'Karin loaded nothing from other hosts')
  assert.equal(foreignRequests(ahmed), [], 'Ahmed loaded nothing from other hosts')
  assert.equal(karin.errors, [], 'no page errors')
})

test('the start page is Swedish by default and switches to English', async () => {
  const p = await person('Eva')
  await signInAsOrganiser(p, suite.server)
  await p.page.getByRole('heading', { name: 'Starta en workshop' }).waitFor()
  await clickVisible(p.page.getByRole('button', { name: 'In English' }))
  await p.page.getByRole('heading', { name: 'Start a workshop' }).waitFor()
  assert.ok(await p.page.getByText('Interview analysis').isVisible())
  await p.page.reload()
  await p.page.getByRole('heading', { name: 'Start a workshop' }).waitFor()
})

test('a link with a wrong key shows a clear message and no board', async () => {
  const w = await suite.server.createWorkshop()
  const p = await person('Intruder')
  await p.page.goto(`${suite.server.url}/w/${w.id}#key=wrong`)
  await p.page.getByText('Länken gäller inte längre').waitFor()
  assert.is(await p.page.getByTestId('board').count(), 0)
})

test('a board saved by a newer version asks the user to reload instead of showing a blank board', async () => {
  const w = await suite.server.createWorkshop()
  // As a newer server would have written it: only the server writes the board's versions.
  suite.server.app.sync.editAsServer(w.id, 'board', (doc) => boardMeta(doc).set(META_DOC_VERSION, 99))
  const p = await person('Eva')
  await p.page.goto(w.participantUrl)
  await p.page.getByLabel('Ditt namn').fill('Eva')
  await clickVisible(p.page.getByRole('button', { name: 'Gå med' }))
  await p.page.getByText('Tavlan är sparad av en nyare version av Samverkstad. Ladda om sidan.').waitFor()
  assert.ok(await p.page.getByRole('button', { name: 'Ladda om' }).isVisible())
})

test('a board the server upgrades while the page is open asks the user to reload', async () => {
  const w = await suite.server.createWorkshop()
  const p = await person('Eva')
  await p.join(w.participantUrl)
  suite.server.app.sync.editAsServer(w.id, 'board', (doc) => boardMeta(doc).set(META_DOC_VERSION, 99))
  await expectReadable(p.page.getByText('Tavlan är sparad av en nyare version av Samverkstad. Ladda om sidan.'))
})

test.run()
