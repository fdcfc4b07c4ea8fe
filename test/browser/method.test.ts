import AxeBuilder from '@axe-core/playwright'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { drawArrow, eventually, Person } from './helpers/browser'
import { signInAsOrganiser } from './helpers/signIn'
import { browserSuite } from './helpers/suite'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)

const insightsInOutline = (p: Person) =>
  p.page.getByTestId('outline-insight').evaluateAll((els) =>
    els.map((el) => ({
      insight: el.querySelector('h4')?.textContent ?? '',
      challenges: [...el.querySelectorAll('[data-testid=outline-challenge]')].map((c) => c.textContent ?? ''),
    })),
  )

test('an arrow drawn from an insight to a challenge shows as a pair in another participant\'s outline', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)
  await karin.writeCard('Insikt', 'Vi har funnit att chefer saknar stöd', { x: 150, y: 250 })
  await karin.writeCard('Utmaning', 'Hur skulle vi kunna stödja cheferna tidigt?', { x: 450, y: 480 })
  await drawArrow(karin.page, 'chefer saknar stöd', 'stödja cheferna tidigt')
  const pairs = await eventually(() => insightsInOutline(ahmed), (v) => v.some((p) => p.challenges.length > 0), 'the pair in Ahmed\'s outline')
  const pair = pairs.find((p) => p.insight.includes('chefer saknar stöd'))!
  assert.ok(pair, 'the insight is listed')
  assert.match(pair.challenges[0], /stödja cheferna tidigt/)
  assert.equal(await ahmed.page.getByTestId('outline-orphans').count(), 0, 'nothing is flagged as unlinked')
})

test('cards added and linked from the outline by keyboard appear linked on another participant\'s board', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)
  const page = karin.page
  const outline = page.getByTestId('outline')

  // Add an insight: kind select, text, submit, all from the keyboard.
  await outline.getByLabel('Korttyp').focus()
  await outline.getByLabel('Korttyp').selectOption('insight')
  await outline.getByLabel('Text', { exact: true }).focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Vi har funnit att chefer känner sig ensamma')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  // And a challenge.
  await outline.getByLabel('Korttyp').selectOption('challenge')
  await outline.getByLabel('Text', { exact: true }).focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Hur skulle vi kunna skapa chefsnätverk?')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')

  // The orphans are flagged until they are linked.
  await eventually(() => page.getByTestId('outline-orphans').innerText(), (t) => t.includes('Insikt utan utmaning'), 'orphan flagged')

  // Link them: focus the insight's link button, choose the challenge, confirm.
  await outline.getByRole('button', { name: 'Koppla kortet: Vi har funnit att chefer känner sig ensamma' }).focus()
  await page.keyboard.press('Enter')
  await outline.getByLabel('Koppla till').selectOption({ label: 'Utmaning: Hur skulle vi kunna skapa chefsnätverk?' })
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')

  // On Ahmed's board: both cards and an arrow bound to both.
  const link = await eventually(
    () =>
      ahmed.page.evaluate(() => {
        const editor = window.__samverkstadEditor!
        const cards = editor.getCurrentPageShapes().filter((s) => s.type === 'card')
        const arrows = editor.getCurrentPageShapes().filter((s) => s.type === 'arrow')
        return arrows.map((a) =>
          editor
            .getBindingsFromShape(a, 'arrow')
            .map((b) => (cards.find((c) => c.id === b.toId)?.props as { text?: string } | undefined)?.text ?? '?')
            .sort(),
        )
      }),
    (arrows) => arrows.some((ends) => ends.length === 2),
    'a bound arrow on Ahmed\'s board',
  )
  assert.equal(link.find((ends) => ends.length === 2), ['Hur skulle vi kunna skapa chefsnätverk?', 'Vi har funnit att chefer känner sig ensamma'])

  // Unlink by keyboard: the arrow leaves Ahmed's board.
  await outline.getByRole('button', { name: 'Ta bort kopplingen till: Hur skulle vi kunna skapa chefsnätverk?' }).focus()
  await page.keyboard.press('Enter')
  await eventually(
    () =>
      ahmed.page.evaluate(() => {
        const editor = window.__samverkstadEditor!
        return editor.getCurrentPageShapes().filter((s) => s.type === 'arrow' && editor.getBindingsFromShape(s, 'arrow').length > 0).length
      }),
    (n) => n === 0,
    'bound arrow removed',
  )
  // Edit and delete by keyboard.
  await outline.getByRole('button', { name: 'Redigera kortet: Hur skulle vi kunna skapa chefsnätverk?' }).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('End')
  await page.keyboard.type(' för nya chefer')
  await outline.getByRole('button', { name: 'Spara' }).focus()
  await page.keyboard.press('Enter')
  await eventually(() => ahmed.cardTexts(), (t) => t.includes('Hur skulle vi kunna skapa chefsnätverk? för nya chefer'), 'edit reached Ahmed')
  await outline.getByRole('button', { name: /^Ta bort kortet: Hur skulle vi kunna skapa chefsnätverk/ }).focus()
  await page.keyboard.press('Enter')
  await eventually(() => ahmed.cardTexts(), (t) => !t.some((x) => x.includes('chefsnätverk')), 'deletion reached Ahmed')
})

test('a new WS1 workshop has its templates on the board', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws1', title: 'Intervjuanalys' })
  const karin = await person('Karin')
  await karin.join(w.facilitatorUrl)
  const frames = await karin.page.evaluate(() =>
    window.__samverkstadEditor!.getCurrentPageShapes()
      .filter((s) => s.type === 'frame')
      .map((s) => (s.props as { name: string }).name),
  )
  for (const name of ['Persona: Anna', 'Annas resa', 'Orsak och samband', 'FÖRE', 'UNDER', 'EFTER', 'Organisation', 'Ledarskap', 'Resurser']) {
    assert.ok(frames.some((f) => f.includes(name)), `frame "${name}" is on the board (frames: ${frames.join(', ')})`)
  }
  const texts = await karin.cardTexts()
  assert.ok(texts.some((t) => t.includes('36')), 'Anna\'s age is on her persona card')
})

test('a facilitator adds a persona on the start page and the new workshop\'s board shows it', async () => {
  const karin = await person('Karin')
  const page = karin.page
  await signInAsOrganiser(karin, suite.server)
  await clickVisible(page.getByText('Lägg till en egen persona'))
  const form = page.locator('form.persona-form')
  await form.getByLabel('Namn').fill('Lars')
  await form.getByLabel('Ålder').fill('52')
  await form.getByLabel('Familj').fill('gift, 3 vuxna barn')
  await form.getByLabel('Boende').fill('lägenhet i Karlstad')
  await form.getByLabel('Arbete').fill('enhetschef i hemtjänsten')
  await form.getByLabel('Intressen').fill('fiske')
  await form.getByLabel('Diagnos').fill('depression')
  await form.getByLabel('Situation idag').fill('idag sjukskriven 50 %')
  await clickVisible(form.getByRole('button', { name: 'Spara personan' }))
  await page.getByText('Personan Lars är sparad och vald.').waitFor()
  await clickVisible(page.getByText('Intervjuanalys').first())
  await page.getByLabel('Workshopens namn').fill('Med Lars')
  await clickVisible(page.getByRole('button', { name: 'Skapa workshop' }))
  await karin.join(await page.getByTestId('facilitator-link').inputValue())
  const frames = await karin.page.evaluate(() =>
    window.__samverkstadEditor!.getCurrentPageShapes().filter((s) => s.type === 'frame').map((s) => (s.props as { name: string }).name),
  )
  assert.ok(frames.some((f) => f.includes('Lars')), `a frame names Lars (frames: ${frames.join(', ')})`)
  assert.ok((await karin.cardTexts()).some((t) => t.includes('enhetschef i hemtjänsten')))
})

test('the outline has no serious or critical accessibility problems', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2' })
  const karin = await person('Karin')
  await karin.join(w.facilitatorUrl)
  const outline = karin.page.getByTestId('outline')
  await outline.getByLabel('Text', { exact: true }).fill('Vi har funnit att det behövs rutiner')
  await clickVisible(outline.getByRole('button', { name: 'Lägg till kort' }))
  await karin.page.getByTestId('outline-insight').first().waitFor()
  const result = await new AxeBuilder({ page: karin.page as never }).include('[data-testid=outline]').analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.equal(bad.map((v) => `${v.id}: ${v.help}`), [], 'no serious or critical violations')
})

test('pasting 20 quotes in WS1 gives 20 quote cards in the step frame; a bad file creates nothing', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws1', title: 'Citat' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)
  const outline = karin.page.getByTestId('outline')
  await clickVisible(outline.getByText('Importera citat'))
  const lines = Array.from({ length: 20 }, (_, i) => `- "Citat nummer ${i + 1}: jag känner frustration när det saknas vikarier"`)
  await outline.getByLabel('Klistra in citat, ett per rad').fill(lines.join('\n'))
  await clickVisible(outline.getByRole('button', { name: 'Skapa citatkort' }))
  await outline.getByText('20 citatkort skapade.').waitFor()
  const quotes = await eventually(
    () =>
      ahmed.page.evaluate(() => {
        const editor = window.__samverkstadEditor!
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'card' && (s.props as { kind: string }).kind === 'quote')
          .map((s) => {
            const frame = editor.getShape(s.parentId as never)
            const inside = frame ? editor.getShapePageBounds(frame.id)!.contains(editor.getShapePageBounds(s.id)!) : false
            return { text: (s.props as { text: string }).text, frame: frame?.type === 'frame' ? (frame.props as { name: string }).name : null, inside }
          })
      }),
    (q) => q.length === 20,
    '20 quote cards on Ahmed\'s board',
  )
  assert.ok(quotes.every((q) => q.frame !== null && q.inside), 'every quote card is inside a step frame')
  assert.ok(quotes.some((q) => q.text.includes('Citat nummer 20')))
  assert.not.ok(quotes.some((q) => q.text.startsWith('-')), 'bullets are stripped')

  // A CSV without a quote column is refused and creates nothing.
  await outline.getByLabel('eller välj en fil (CSV eller text)').setInputFiles({
    name: 'intervjuer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('namn;ålder\nAnna;36\nBo;41\n', 'utf8'),
  })
  await clickVisible(outline.getByRole('button', { name: 'Skapa citatkort' }))
  await outline.getByText(/Inget importerades/).waitFor()
  await new Promise((r) => setTimeout(r, 300))
  const after = await karin.page.evaluate(() =>
    window.__samverkstadEditor!.getCurrentPageShapes().filter((s) => s.type === 'card' && (s.props as { kind: string }).kind === 'quote').length,
  )
  assert.is(after, 20, 'the refused file added no cards')
})

test.run()
