import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { drawArrow, eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)

/** Places a card from the palette and types into it key by key, as a person does (no fill: that replaces everything). */
async function typeCard(p: Person, paletteLabel: string, words: string, at: { x: number; y: number }): Promise<string> {
  await clickVisible(p.page.getByRole('button', { name: paletteLabel }))
  const board = (await p.page.getByTestId('board').boundingBox())!
  await p.page.mouse.click(board.x + at.x, board.y + at.y)
  const input = p.page.locator('textarea.sv-card-input')
  await input.waitFor().catch(async (e) => {
    await p.page.screenshot({ path: '/tmp/starter-fail.png' })
    throw e
  })
  const before = await input.inputValue()
  await p.page.keyboard.type(words)
  await p.page.keyboard.press('Escape')
  return before
}

test('typing on a new insight or challenge replaces the sentence frame\'s "…", in Swedish and English, and the export has no placeholder', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2' })
  const karin = await suite.person('Karin')
  await karin.join(w.facilitatorUrl)

  assert.is(await typeCard(karin, 'Nytt kort: Insikt', 'chefer ser tidiga tecken', { x: 150, y: 200 }), 'Vi har funnit att …', 'the card starts with its sentence frame')
  assert.is(await typeCard(karin, 'Nytt kort: Utmaning', 'korta ner väntetiden', { x: 450, y: 420 }), 'Hur skulle vi kunna … ?')
  await eventually(
    () => karin.cardTexts(),
    (t) => t.includes('Vi har funnit att chefer ser tidiga tecken') && t.includes('Hur skulle vi kunna korta ner väntetiden?'),
    'the typed words in place of the "…"',
  )

  // From the outline, by keyboard: Tab into the text and type.
  const outline = karin.page.getByTestId('outline')
  await outline.getByLabel('Korttyp').focus()
  await outline.getByLabel('Korttyp').selectOption('insight')
  await karin.page.keyboard.press('Tab')
  await karin.page.keyboard.type('det saknas rutiner')
  await karin.page.keyboard.press('Tab')
  await karin.page.keyboard.press('Enter')
  await eventually(() => karin.cardTexts(), (t) => t.includes('Vi har funnit att det saknas rutiner'), 'the outline\'s card')

  await clickVisible(karin.page.getByRole('button', { name: 'In English' }))
  assert.is(await typeCard(karin, 'New card: Insight', 'managers feel alone', { x: 150, y: 600 }), 'We have found that …')
  assert.is(await typeCard(karin, 'New card: Challenge', 'support them early', { x: 450, y: 200 }), 'How might we … ?')
  const texts = await eventually(
    () => karin.cardTexts(),
    (t) => t.includes('We have found that managers feel alone') && t.includes('How might we support them early?'),
    'the English cards',
  )
  assert.not.ok(texts.some((t) => t.includes('…')), `no card holds a placeholder: ${JSON.stringify(texts)}`)

  // The pairs as CSV from the export menu.
  await drawArrow(karin.page, 'chefer ser tidiga tecken', 'korta ner väntetiden')
  await drawArrow(karin.page, 'managers feel alone', 'support them early')
  await eventually(() => karin.page.getByTestId('outline-challenge').count(), (n) => n === 2, 'two pairs in the outline')
  await clickVisible(karin.page.getByRole('button', { name: 'Export' }))
  const item = karin.page.getByRole('button', { name: 'Pairs (CSV)' })
  await expectReadable(item)
  const [file] = await Promise.all([karin.page.waitForEvent('download'), item.click()])
  const csv = readFileSync(await file.path(), 'utf8')
  for (const text of ['Vi har funnit att chefer ser tidiga tecken', 'Hur skulle vi kunna korta ner väntetiden?', 'We have found that managers feel alone', 'How might we support them early?']) {
    assert.ok(csv.includes(text), `the CSV has "${text}"`)
  }
  assert.not.ok(csv.includes('…'), 'the CSV holds no placeholder')
})

test.run()
