import AxeBuilder from '@axe-core/playwright'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)

const NAMES = ['Eva Lind', 'Bo Ek', 'Åsa Berg', 'Per Holm', 'Olle Ström']

const quoteTexts = (p: Person) =>
  p.page.evaluate(() =>
    window.__samverkstadEditor!
      .getCurrentPageShapes()
      .filter((s) => s.type === 'card' && (s.props as { kind: string }).kind === 'quote')
      .map((s) => (s.props as { text: string }).text)
      .sort(),
  )

/** Pastes tab-separated rows into the import, answers the column question as suggested, and returns the result message. */
async function importRows(p: Person, rows: string[][]): Promise<string> {
  const outline = p.page.getByTestId('outline')
  const summary = outline.getByText('Importera citat')
  if (!(await outline.locator('details.quote-import').evaluate((d) => (d as HTMLDetailsElement).open))) await clickVisible(summary)
  await outline.getByLabel('Klistra in citat, ett per rad').fill(rows.map((r) => r.join('\t')).join('\n'))
  await clickVisible(outline.getByRole('button', { name: 'Skapa citatkort' }))
  // Nothing is created before the question is answered.
  const question = outline.getByTestId('import-columns')
  await question.getByText('Vilken kolumn är vad?').waitFor()
  const quoteChoice = question.getByRole('combobox', { name: /^Citatet/ })
  assert.ok(await quoteChoice.evaluate((el) => el === document.activeElement), 'the question has the focus')
  await expectReadable(question.getByText('Respondenter blir R1, R2'))
  const axe = await new AxeBuilder({ page: p.page as never }).include('[data-testid=import-columns]').analyze()
  assert.equal(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), [], 'the question has no serious accessibility problems')
  assert.is(await quoteChoice.inputValue(), '1', 'the long texts are offered as the quotes')
  assert.is(await question.getByRole('combobox', { name: /^Respondenten/ }).inputValue(), '0', 'the short names are offered as the respondents')
  await clickVisible(outline.getByRole('button', { name: 'Skapa citatkort' }))
  const done = outline.getByText(/citatkort skapade/)
  await done.waitFor()
  return done.innerText()
}

test('pasted columns of names and quotes: the import asks first, and names become R1, R2 … numbered on across imports', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws1', title: 'Citat med namn' })
  const karin = await suite.person('Karin')
  const ahmed = await suite.person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)

  const first = await importRows(karin, [
    ['Eva Lind', 'Jag vet inte vad jag får fråga min chef'],
    ['Bo Ek', 'Det saknas vikarier hela tiden'],
    ['Eva Lind', 'Jag mår bättre när jag får prata'],
  ])
  assert.is(first, '3 citatkort skapade. Respondenterna blev R1, R2; namnen sparades inte.')
  const afterFirst = await eventually(() => quoteTexts(ahmed), (q) => q.length === 3, 'three quote cards on Ahmed\'s board')
  assert.equal(afterFirst, [
    '"Det saknas vikarier hela tiden" — R2',
    '"Jag mår bättre när jag får prata" — R1',
    '"Jag vet inte vad jag får fråga min chef" — R1',
  ])

  // A second batch on the same page: numbering goes on, and Eva keeps her number.
  const second = await importRows(karin, [
    ['Åsa Berg', 'Vi behöver mer tid för varandra'],
    ['Eva Lind', 'Jag vill bli sedd av min chef'],
  ])
  assert.is(second, '2 citatkort skapade. Respondenterna blev R3, R1; namnen sparades inte.')
  // After a reload the page remembers no names; numbers still go on from the board.
  await karin.page.reload()
  await karin.waitForBoard()
  assert.match(await importRows(karin, [['Per Holm', 'Ingen frågar hur jag mår']]), /Respondenterna blev R4;/)
  // And so do another person's imports.
  assert.match(await importRows(ahmed, [['Olle Ström', 'Jag orkar inte längre']]), /Respondenterna blev R5;/)

  const all = await eventually(() => quoteTexts(karin), (q) => q.length === 7, 'seven quote cards')
  assert.ok(all.some((q) => q.endsWith('— R5')))
  // No real name anywhere: not on the cards, in either browser, or on the server.
  const file = await fetch(`${suite.server.url}/api/workshops/${w.id}/export/workshop.json`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  const stored = await file.text()
  for (const p of [karin, ahmed]) {
    const held = await p.page.evaluate(() => JSON.stringify(window.__samverkstadEditor!.store.allRecords()) + JSON.stringify(localStorage) + JSON.stringify(sessionStorage))
    for (const name of NAMES) {
      assert.not.ok(held.includes(name), `${p.name}'s browser does not keep "${name}"`)
      assert.not.ok(stored.includes(name), `the server does not have "${name}"`)
    }
  }
})

test.run()
