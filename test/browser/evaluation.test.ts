import AxeBuilder from '@axe-core/playwright'
import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import type { Locator } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, type Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)
const button = (scope: Person | Locator, name: string) => ('context' in scope ? scope.page : scope).getByRole('button', { name, exact: true })

/** Answers the form as a person does: a rating before and after per question, and the free-text line. */
async function answer(form: Locator, ratings: Array<[number, number]>, text: string): Promise<void> {
  const questions = ['Min kunskap om psykisk ohälsa', 'Min kunskap om metoder och verktyg för det fortsatta arbetet']
  for (const [i, [before, after]] of ratings.entries()) {
    const question = form.getByRole('group', { name: questions[i] })
    await clickVisible(question.getByRole('group', { name: 'Före workshoppen' }).getByText(String(before), { exact: true }))
    await clickVisible(question.getByRole('group', { name: 'Efter workshoppen' }).getByText(String(after), { exact: true }))
  }
  await form.getByLabel('Vad tar du med dig?').fill(text)
  await clickVisible(form.getByRole('button', { name: 'Skicka svar' }))
  await form.getByText('Tack! Ditt svar är sparat.').waitFor()
}

async function download(p: Person, label: string): Promise<Buffer> {
  await clickVisible(p.page.getByRole('button', { name: 'Exportera' }))
  const item = p.page.getByRole('button', { name: label })
  await expectReadable(item)
  const [file] = await Promise.all([p.page.waitForEvent('download'), item.click()])
  return readFileSync(await file.path())
}

test('the facilitator opens the evaluation from the agenda, three answer (one from the evaluation link), the results show and go into the Word report with their chart', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws8', title: 'Plan och utvärdering' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  const bea = await person('Bea')
  const cecilia = await person('Cecilia')
  await Promise.all([karin.join(w.facilitatorUrl), ahmed.join(w.participantUrl), bea.join(w.participantUrl)])

  // WS8's fourth step is the evaluation: starting it opens the evaluation for everyone.
  await clickVisible(button(karin, 'Starta första steget'))
  for (let i = 0; i < 3; i++) await clickVisible(button(karin, 'Nästa steg'))
  const panel = karin.page.getByTestId('evaluation-panel')
  await expectReadable(panel.getByTestId('evaluation-count'))
  await panel.getByText('Öppen · 0 svar').waitFor()

  const ahmedForm = ahmed.page.getByTestId('evaluation-overlay')
  await ahmedForm.getByRole('group', { name: 'Min kunskap om psykisk ohälsa' }).waitFor()
  const axe = await new AxeBuilder({ page: ahmed.page as never }).include('[data-testid=evaluation-overlay]').analyze()
  assert.equal(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`), [], 'the form has no accessibility problems')

  // "Svara senare" puts it aside, and it comes back.
  await clickVisible(button(ahmed, 'Svara senare'))
  await clickVisible(button(ahmed, 'Utvärdering: svara'))
  // A half-answered question is pointed out before anything is sent.
  await clickVisible(ahmedForm.getByRole('group', { name: 'Min kunskap om psykisk ohälsa' }).getByRole('group', { name: 'Före workshoppen' }).getByText('2', { exact: true }))
  await clickVisible(ahmedForm.getByRole('button', { name: 'Skicka svar' }))
  await expectReadable(ahmedForm.getByRole('alert'))
  assert.match(await ahmedForm.getByRole('alert').innerText(), 'Svara både före och efter')
  await answer(ahmedForm, [[2, 4], [1, 4]], 'Att våga fråga')
  await panel.getByText('Öppen · 1 svar').waitFor()

  await answer(bea.page.getByTestId('evaluation-overlay'), [[3, 4], [2, 5]], 'Samtalsguiden')
  // A reload keeps Bea's answers and her token: sending again replaces, it does not add.
  await bea.page.reload()
  const beaForm = bea.page.getByTestId('evaluation-overlay')
  await beaForm.getByText('Tack! Ditt svar är sparat.').waitFor()
  assert.ok(await beaForm.getByRole('group', { name: 'Min kunskap om psykisk ohälsa' }).getByRole('group', { name: 'Efter workshoppen' }).getByLabel('4').isChecked())
  await clickVisible(beaForm.getByRole('group', { name: 'Min kunskap om psykisk ohälsa' }).getByRole('group', { name: 'Efter workshoppen' }).getByText('5', { exact: true }))
  await clickVisible(beaForm.getByRole('button', { name: 'Uppdatera svaret' }))
  await beaForm.getByText('Tack! Ditt svar är sparat.').waitFor()
  await panel.getByText('Öppen · 2 svar').waitFor()

  // Cecilia is not on the board: she answers from the evaluation link, which opens nothing else.
  const link = await panel.getByTestId('evaluation-link').inputValue()
  assert.match(link, `/e/${w.id}#key=`)
  await cecilia.page.goto(link)
  await cecilia.page.getByRole('heading', { name: 'Utvärdering: Plan och utvärdering' }).waitFor()
  assert.not.match(cecilia.page.url(), 'key=', 'the key leaves the address bar')
  await answer(cecilia.page.getByTestId('evaluation-form'), [[2, 3], [2, 4]], 'Rollspelet')
  await panel.getByText('Öppen · 3 svar').waitFor()
  const axePage = await new AxeBuilder({ page: cecilia.page as never }).include('main').analyze()
  assert.equal(axePage.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target + ' ' + n.failureSummary).join(' | ')}`), [], 'the evaluation link\'s page has no accessibility problems')

  // No results while it is open; closing takes the form away from everyone.
  await clickVisible(button(panel, 'Visa resultat'))
  await panel.getByText('Utvärderingen är öppen (3 svar).', { exact: false }).waitFor()
  await clickVisible(button(panel, 'Stäng utvärderingen'))
  await panel.getByText('Stängd · 3 svar').waitFor()
  await eventually(() => ahmedForm.count(), (n) => n === 0, 'the form leaves Ahmed\'s board')

  const results = panel.getByTestId('evaluation-results')
  await results.getByText('Antal svar vid workshoppen: 3').waitFor()
  // Ahmed 2 → 4, Bea 3 → 5 (her changed answer), Cecilia 2 → 3.
  const first = results.locator('section', { has: karin.page.getByRole('heading', { name: 'Min kunskap om psykisk ohälsa' }) })
  await expectReadable(first.getByRole('listitem', { name: 'Före: medel 2,3 av 5' }))
  await expectReadable(first.getByRole('listitem', { name: 'Efter: medel 4,0 av 5' }))
  await expectReadable(first.getByText('Förändring (efter − före, medel per person): +1,7'))
  const efter = await first.getByRole('row', { name: /^Efter/ }).locator('td').allInnerTexts()
  assert.equal(efter, ['0', '0', '1', '1', '1', '4,0'], 'the distribution after: one 3, one 4, one 5')
  const texts = (await results.getByTestId('evaluation-texts').locator('li').allInnerTexts()).sort()
  assert.equal(texts, ['Att våga fråga', 'Rollspelet', 'Samtalsguiden'])

  // The follow-up: six months on by default, its own link.
  const followUp = panel.getByLabel('Datum för uppföljningen')
  const date = await followUp.inputValue()
  assert.match(date, /^\d{4}-\d{2}-\d{2}$/)
  await clickVisible(button(panel, 'Skapa uppföljningslänk'))
  await expectReadable(panel.getByTestId('follow-up-status'))
  assert.is(await panel.getByTestId('follow-up-status').innerText(), `Öppnar ${date}`)
  assert.match(await panel.getByTestId('follow-up-link').inputValue(), `/e/${w.id}#key=`)

  // The Word report holds the section and its chart (the bars are shaded table cells).
  const docx = await download(karin, 'Rapport (Word)')
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
  assert.match(xml, '>Utvärdering<')
  assert.match(xml, 'Antal svar vid workshoppen: 3')
  assert.match(xml, 'Min kunskap om psykisk ohälsa')
  assert.match(xml, 'w:fill="6C7A89"', 'the bars before')
  assert.match(xml, 'w:fill="1864AB"', 'the bars after')
  assert.match(xml, '>4,3<')
  assert.match(xml, 'Samtalsguiden')
  for (const p of [karin, ahmed, bea, cecilia]) assert.equal(p.errors, [], `${p.name}'s page had no errors`)
  const own = new URL(suite.server.url).host
  for (const p of [ahmed, bea, cecilia]) {
    const elsewhere = p.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).host !== own)
    assert.equal(elsewhere, [], `${p.name} loaded nothing from other hosts`)
  }
  // The evaluation link's page loads no board and opens no sync connection.
  assert.not.ok(cecilia.requests.some((u) => u.includes('/sync/') || /mountBoard/.test(u)), 'no board for the evaluation link')
})

test.run()
