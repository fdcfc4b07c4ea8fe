import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)

const button = (p: Person, name: string) => p.page.getByRole('button', { name, exact: true })
const stepOf = (p: Person) => p.page.getByTestId('current-step').getAttribute('data-step-id')
/** Every text this person's editor holds anywhere, and the page itself. */
const everything = async (page: Page) =>
  (await page.evaluate(() => JSON.stringify(window.__samverkstadEditor!.store.allRecords()))) + (await page.content())

/** Adds a card from the outline as a keyboard user does: kind, text, Enter on the button. */
async function addFromOutline(p: Person, kind: string, text: string): Promise<void> {
  const outline = p.page.getByTestId('outline')
  await outline.getByLabel('Korttyp').selectOption(kind)
  await outline.getByLabel('Text', { exact: true }).fill(text)
  await clickVisible(outline.getByRole('button', { name: 'Lägg till kort' }))
}

test('during a private step every way of adding a card writes only to the author\'s private document', async () => {
  // WS4: the second step takes quotes (so the quote import is there), the third is written privately.
  const w = await suite.server.createWorkshop({ method: 'ws4', title: 'Privat skrivande' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  const bea = await person('Bea')
  await ahmed.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
  await Promise.all([karin.join(w.facilitatorUrl), ahmed.join(w.participantUrl), bea.join(w.participantUrl)])

  // A shared card from before the private step: editing it later is the barrier.
  await addFromOutline(ahmed, 'note', 'Gemensam anteckning')
  await eventually(() => karin.cardTexts(), (t) => t.includes('Gemensam anteckning'), 'the shared card reaches Karin')

  await clickVisible(button(karin, 'Starta första steget'))
  await eventually(() => stepOf(ahmed), (s) => s === 'prepare-test', 'Ahmed on the first step')
  await clickVisible(button(karin, 'Nästa steg'))
  await eventually(() => stepOf(ahmed), (s) => s === 'show-prototypes', 'Ahmed on the second step')
  await clickVisible(button(karin, 'Nästa steg'))
  await eventually(() => stepOf(ahmed), (s) => s === 'capture-feedback', 'Ahmed in the private step')
  await ahmed.page.getByText('Enskilt skrivande').waitFor()

  const secrets = {
    outline: 'Hemligt från översikten: chefen lyssnar inte',
    imported: 'Hemligt citat: jag vågar inte säga något',
    pasted: 'Hemligt inklistrat: prototypen kändes stel',
  }
  // 1. The outline's "Lägg till kort".
  await addFromOutline(ahmed, 'note', secrets.outline)
  // 2. The quote import.
  const outline = ahmed.page.getByTestId('outline')
  await clickVisible(outline.getByText('Importera citat'))
  await outline.getByLabel('Klistra in citat, ett per rad').fill(secrets.imported)
  await clickVisible(outline.getByRole('button', { name: 'Skapa citatkort' }))
  await outline.getByText('1 citatkort skapade.').waitFor()
  // 3. Text pasted onto the board.
  await ahmed.page.evaluate((text) => navigator.clipboard.writeText(text), secrets.pasted)
  await ahmed.goToEmptyArea()
  const board = (await ahmed.page.getByTestId('board').boundingBox())!
  await ahmed.page.mouse.click(board.x + 400, board.y + 300)
  await ahmed.page.keyboard.press('Control+V')
  await eventually(() => ahmed.cardTexts(), (t) => t.includes(secrets.pasted), 'the pasted text is a card on Ahmed\'s board')
  // 4. A duplicate of the private outline card (Ctrl+D on the board).
  await ahmed.page.evaluate((text) => {
    const editor = window.__samverkstadEditor!
    const card = editor.getCurrentPageShapes().find((s) => s.type === 'card' && (s.props as { text: string }).text === text)!
    editor.select(card.id)
    editor.zoomToSelection({ immediate: true })
  }, secrets.outline)
  await ahmed.page.keyboard.press('Control+D')
  await eventually(() => ahmed.cardTexts(), (t) => t.filter((x) => x === secrets.outline).length === 2, 'the duplicate on Ahmed\'s board')

  // Ahmed has every one of them, marked as only his.
  const mine = await eventually(
    () =>
      ahmed.page.evaluate(() =>
        window.__samverkstadEditor!
          .getCurrentPageShapes()
          .filter((s) => s.type === 'card' && (s.meta as { private?: boolean }).private === true)
          .map((s) => (s.props as { text: string }).text)
          .sort(),
      ),
    (t) => t.length === 4,
    'four private cards on Ahmed\'s board',
  )
  assert.equal(mine, [secrets.imported, secrets.outline, secrets.outline, secrets.pasted].sort())
  // The outline follows the board a moment later: wait for it, then both are marked.
  await eventually(() => outline.locator('.outline-card', { hasText: secrets.outline }).filter({ hasText: 'Privat – syns bara för dig' }).count(), (n) => n === 2, 'the outline marks them private')

  // Barrier: a later edit of the shared card, which the others do receive.
  await outline.getByRole('button', { name: 'Redigera kortet: Gemensam anteckning' }).focus()
  await ahmed.page.keyboard.press('Enter')
  await ahmed.page.keyboard.press('End')
  await ahmed.page.keyboard.type(', ändrad')
  await clickVisible(outline.getByRole('button', { name: 'Spara' }))
  for (const p of [karin, bea]) {
    await eventually(() => p.cardTexts(), (t) => t.includes('Gemensam anteckning, ändrad'), `the barrier reaches ${p.name}`)
    const seen = await everything(p.page)
    for (const [how, text] of Object.entries(secrets)) assert.not.ok(seen.includes(text), `${p.name} has not received the card added by ${how}`)
    assert.not.ok(seen.includes('Hemligt'), `no part of a private card reached ${p.name}`)
  }

  // The reveal puts them all on the board for everyone.
  await clickVisible(button(karin, 'Visa de privata korten'))
  await karin.page.getByText('4 kort visas nu för alla.').waitFor()
  for (const p of [karin, bea]) {
    await eventually(
      () => p.cardTexts(),
      (t) => t.filter((x) => x === secrets.outline).length === 2 && t.includes(secrets.imported) && t.includes(secrets.pasted),
      `${p.name} sees every revealed card`,
    )
  }
})

test.run()
