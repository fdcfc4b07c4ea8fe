import AxeBuilder from '@axe-core/playwright'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { TEST_PASSWORD } from '../helpers/organisers'
import { eventually, type Person } from './helpers/browser'
import { signInAsOrganiser } from './helpers/signIn'
import { browserSuite } from './helpers/suite'

const suite = browserSuite(test)

const myWorkshop = (p: Person, title: string) => p.page.getByTestId('my-workshop').filter({ hasText: title })

async function createOnStartPage(p: Person, title: string): Promise<{ facilitator: string; participant: string }> {
  await p.page.getByText('Idégenerering och prototyper', { exact: true }).click()
  await p.page.getByLabel('Workshopens namn').fill(title)
  await p.page.getByRole('button', { name: 'Skapa workshop' }).click()
  const links = { facilitator: await p.page.getByTestId('facilitator-link').inputValue(), participant: await p.page.getByTestId('participant-link').inputValue() }
  await p.page.getByRole('button', { name: 'Skapa en till' }).click()
  await myWorkshop(p, title).waitFor()
  return links
}

test('the first start\'s setup link creates the first organiser, who is signed in; the used link says so', async () => {
  const link = suite.server.app.firstStartLink()
  assert.ok(link, 'no organiser yet: there is a setup link')
  const karin = await suite.person('Karin')
  await karin.page.goto(link!.replace(/^http:\/\/localhost:\d+/, suite.server.url))
  await karin.page.getByRole('heading', { name: 'Skapa det första organisatörskontot' }).waitFor()
  await karin.page.getByLabel('E-post').fill('karin@kommun.se')
  await karin.page.getByLabel('Lösenord', { exact: true }).fill(TEST_PASSWORD)
  await karin.page.getByLabel('Upprepa lösenordet').fill(TEST_PASSWORD)
  await karin.page.getByRole('button', { name: 'Spara och logga in' }).click()
  await karin.page.getByText('Inloggad som karin@kommun.se').waitFor()
  assert.is(new URL(karin.page.url()).pathname, '/')
  assert.is(new URL(karin.page.url()).hash, '', 'the token is not left in the address bar')

  const other = await suite.person('Eve')
  await other.page.goto(link!.replace(/^http:\/\/localhost:\d+/, suite.server.url))
  await other.page.getByText('Länken har redan använts eller har gått ut').waitFor()
  assert.is(await other.page.getByLabel('E-post').count(), 0, 'no form on a used link')
})

test('a wrong password gets one message for wrong password and unknown account alike', async () => {
  const p = await suite.person('Eva')
  await p.page.goto(suite.server.url)
  await p.page.getByLabel('E-post').fill('karin@kommun.se')
  await p.page.getByLabel('Lösenord').fill('fel lösenord 1234')
  await p.page.getByRole('button', { name: 'Logga in' }).click()
  await p.page.getByText('Fel e-post eller lösenord.').waitFor()
  await p.page.getByLabel('E-post').fill('finns.inte@kommun.se')
  await p.page.getByRole('button', { name: 'Logga in' }).click()
  await eventually(() => p.page.getByRole('alert').innerText(), (t) => t === 'Fel e-post eller lösenord.', 'the same message')
})

test('Mina workshoppar: open as facilitator, copy the participant link, new facilitator link, export, delete', async () => {
  const karin = await suite.person('Karin')
  await signInAsOrganiser(karin, suite.server)
  const links = await createOnStartPage(karin, 'Min egen workshop')
  const item = myWorkshop(karin, 'Min egen workshop')
  assert.match(await item.innerText(), /Idégenerering och prototyper · skapad/)
  assert.is(await item.getByTestId('my-participant-link').inputValue(), links.participant, 'the participant link to copy')

  // Export straight from the list.
  await item.getByLabel('Exportformat för Min egen workshop').selectOption('pairs.md')
  const download = karin.page.waitForEvent('download')
  await item.getByRole('button', { name: 'Exportera' }).click()
  assert.match((await download).suggestedFilename(), /\.md$/)

  // A new facilitator link: confirmed first; the old link then shows that it no longer works.
  await item.getByRole('button', { name: 'Ny processledarlänk för Min egen workshop' }).click()
  await item.getByText('Den nuvarande processledarlänken slutar fungera direkt').waitFor()
  await item.getByRole('button', { name: 'Skapa ny länk' }).click()
  const newLink = await item.getByTestId('my-facilitator-link').inputValue()
  assert.is.not(newLink, links.facilitator)
  const cofacilitator = await suite.person('Ahmed')
  await cofacilitator.page.goto(links.facilitator)
  await cofacilitator.page.getByText('Länken gäller inte längre').waitFor()

  // Open as facilitator: the board with the facilitator's tools.
  await item.getByRole('button', { name: 'Öppna Min egen workshop som processledare' }).click()
  await karin.page.getByLabel('Ditt namn').fill('Karin')
  await karin.page.getByRole('button', { name: 'Gå med' }).click()
  await karin.waitForBoard()
  await karin.page.getByText('Processledare', { exact: true }).first().waitFor()
  assert.ok(await karin.page.getByRole('button', { name: 'Starta första steget' }).isVisible(), 'the facilitator tools are there')

  // Delete, confirmed: gone from the list, and its links stop working.
  await karin.page.goto(suite.server.url)
  await item.getByRole('button', { name: 'Radera Min egen workshop' }).click()
  await item.getByRole('button', { name: 'Radera för gott' }).click()
  await eventually(() => item.count(), (n) => n === 0, 'the workshop is gone from the list')
  // A fresh page load: a link that differs only after # would not reload the page.
  await cofacilitator.page.goto('about:blank')
  await cofacilitator.page.goto(links.participant)
  await cofacilitator.page.getByText('Workshoppen finns inte').waitFor()
})

test('inviting a co-organiser by e-mail: the link to pass on lets them choose a password, and they see the workshop', async () => {
  const karin = await suite.person('Karin')
  await signInAsOrganiser(karin, suite.server)
  await createOnStartPage(karin, 'Delad workshop')
  const item = myWorkshop(karin, 'Delad workshop')
  await item.getByText('Organisatörer (1)').click()
  await item.getByLabel('Bjud in en organisatör').fill('maja@kommun.se')
  await item.getByRole('button', { name: 'Bjud in' }).click()
  await item.getByText('Samverkstad skickar ingen e-post').waitFor()
  const invite = await item.getByTestId('invite-link').inputValue()
  await item.getByText('Organisatörer (2)').waitFor()

  const maja = await suite.person('Maja')
  await maja.page.goto(invite)
  await maja.page.getByText('Välj ett lösenord för maja@kommun.se.').waitFor()
  await maja.page.getByLabel('Lösenord', { exact: true }).fill('majas långa lösenord')
  await maja.page.getByLabel('Upprepa lösenordet').fill('majas långa lösenord')
  await maja.page.getByRole('button', { name: 'Spara och logga in' }).click()
  await maja.page.getByText('Inloggad som maja@kommun.se').waitFor()
  await myWorkshop(maja, 'Delad workshop').waitFor()

  // The audit log, per workshop, for its organisers.
  await myWorkshop(maja, 'Delad workshop').getByText('Händelser').click()
  const log = await myWorkshop(maja, 'Delad workshop').getByTestId('audit-log').innerText()
  assert.match(log, /organisator-\w+@kommun\.se skapade workshoppen \(ws3\)/)
  assert.match(log, /bjöd in maja@kommun\.se/)
})

test('an organiser imports a workshop file and adds and deletes a persona', async () => {
  const w = await suite.server.createWorkshop({ title: 'Exporterad' })
  const file = join(suite.server.dataDir, 'exporterad.json')
  writeFileSync(file, await (await fetch(`${suite.server.url}/api/workshops/${w.id}/export/workshop.json?key=${w.facilitatorKey}`)).text())
  const karin = await suite.person('Karin')
  await signInAsOrganiser(karin, suite.server)
  await karin.page.getByLabel('Workshopfil', { exact: true }).setInputFiles(file)
  await karin.page.getByRole('button', { name: 'Importera', exact: true }).click()
  const imported = await karin.page.getByTestId('participant-link').inputValue()
  assert.match(imported, /\/w\/[A-Za-z0-9_-]+#key=/)
  await karin.page.getByRole('button', { name: 'Skapa en till' }).click()
  await myWorkshop(karin, 'Exporterad').waitFor()

  await karin.page.getByText('Lägg till en egen persona').click()
  const form = karin.page.locator('form.persona-form')
  await form.getByLabel('Namn').fill('Lisa')
  await form.getByLabel('Ålder').fill('39')
  for (const [label, value] of [['Familj', 'sambo'], ['Boende', 'villa'], ['Arbete', 'lärare'], ['Intressen', 'löpning'], ['Diagnos', 'ångest'], ['Situation idag', 'arbetar 75 %']]) {
    await form.getByLabel(label).fill(value)
  }
  await form.getByRole('button', { name: 'Spara personan' }).click()
  await karin.page.getByText('Personan Lisa är sparad och vald.').waitFor()
  await karin.page.getByRole('button', { name: 'Ta bort personan Lisa' }).click()
  await karin.page.getByText('Personan Lisa är borttagen.').waitFor()
  const options = await karin.page.getByLabel('Persona').locator('option').allInnerTexts()
  assert.not.ok(options.some((o) => o.startsWith('Lisa')), 'Lisa is no longer offered')
})

test('a workshop that retention will delete within 14 days says so in Mina workshoppar', async () => {
  const karin = await suite.person('Karin')
  await signInAsOrganiser(karin, suite.server)
  await createOnStartPage(karin, 'Snart borta')
  await createOnStartPage(karin, 'Används')
  const id = suite.server.app.db.prepare("SELECT id FROM workshops WHERE title = 'Snart borta'").get() as { id: string }
  // As if nobody had touched it for 360 of the 365 days.
  const back = 360 * 86_400_000
  suite.server.app.db.prepare('UPDATE workshops SET created_at = created_at - ? WHERE id = ?').run(back, id.id)
  suite.server.app.db.prepare('UPDATE workshop_activity SET last_activity_at = last_activity_at - ? WHERE workshop_id = ?').run(back, id.id)
  suite.server.app.db.prepare("UPDATE doc_states SET updated_at = updated_at - ? WHERE doc = ? OR doc LIKE ? || '/%'").run(back, id.id, id.id)
  await karin.page.reload()
  const warning = myWorkshop(karin, 'Snart borta').getByText(/Raderas .* eftersom ingen har använt den på länge/)
  await warning.waitFor()
  assert.ok(await warning.isVisible())
  assert.is(await myWorkshop(karin, 'Används').getByText(/eftersom ingen har använt den/).count(), 0, 'the used one has no warning')
})

test('the start page, signed out and signed in with a workshop open for inviting, has no serious or critical accessibility problems', async () => {
  const p = await suite.person('Karin')
  const check = async (what: string) => {
    const result = await new AxeBuilder({ page: p.page as never }).include('main').analyze()
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    assert.equal(bad.map((v) => `${v.id}: ${v.help}`), [], `${what}: no serious or critical violations`)
  }
  await p.page.goto(suite.server.url)
  await p.page.getByRole('heading', { name: 'Logga in som organisatör' }).waitFor()
  await check('signed out')
  await signInAsOrganiser(p, suite.server)
  await createOnStartPage(p, 'Tillgänglig')
  await myWorkshop(p, 'Tillgänglig').getByText('Organisatörer (1)').click()
  await myWorkshop(p, 'Tillgänglig').getByRole('button', { name: 'Radera Tillgänglig' }).click()
  await check('signed in')
})

test.run()
