import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { setBoardLock } from '../../workshops/facilitation/control'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'
import type { Page } from 'playwright-core'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)

const hasShape = (page: Page, id: string) =>
  page.evaluate((shapeId: string) => Boolean((window.__samverkstadEditor as unknown as { getShape(id: string): unknown }).getShape(shapeId)), id)

/** A WS3 board (inspiration cards, Målbild, risk factors) with Eva as a participant and a script as the facilitator. */
async function setup() {
  const w = await suite.server.createWorkshop({ method: 'ws3' })
  const control = connectClient(suite.server.wsUrl, `${w.id}/control`, w.facilitatorKey)
  await waitForSync(control)
  const eva = await suite.person('Eva')
  await eva.join(w.participantUrl)
  return { w, control, eva }
}

const inspirationCard = (w: { id: string }) =>
  suite.server.app.sync.withDoc(w.id, 'board', (doc) =>
    readBoardRecords(doc).find((r) => r.typeName === 'shape' && r.type === 'card' && (r.meta as { template?: string }).template === 'inspiration'),
  )!

test('on a locked board the outline says so and offers nothing that would be refused; unlocked, everything works again', async () => {
  const { w, control, eva } = await setup()
  const page = eva.page
  const outline = page.getByTestId('outline')
  await outline.getByLabel('Korttyp').first().selectOption({ label: 'Anteckning' })
  await outline.getByLabel('Text').first().fill('Chefer vill ha stöd')
  setBoardLock(control.doc, true)
  await page.getByTestId('outline-locked').waitFor()
  await expectReadable(page.getByTestId('outline-locked'))
  assert.match(await page.getByTestId('outline-locked').innerText(), /låst av processledaren/)
  assert.ok(await outline.getByRole('button', { name: 'Lägg till kort' }).isDisabled(), 'adding is disabled')
  const deletes = outline.getByRole('button', { name: /^Ta bort kortet:/ })
  assert.ok((await deletes.count()) > 0)
  for (let i = 0; i < (await deletes.count()); i++) assert.ok(await deletes.nth(i).isDisabled(), 'no delete is offered')
  assert.is(await outline.getByLabel('Text').first().inputValue(), 'Chefer vill ha stöd', 'what was typed is kept')
  assert.is(await page.getByTestId('sync-status').getAttribute('data-status'), 'connected')

  setBoardLock(control.doc, false)
  await page.getByTestId('outline-locked').waitFor({ state: 'detached' })
  await clickVisible(outline.getByRole('button', { name: 'Lägg till kort' }))
  await waitFor(
    () => suite.server.app.sync.withDoc(w.id, 'board', (doc) => readBoardRecords(doc).some((r) => (r as { props?: { text?: string } }).props?.text === 'Chefer vill ha stöd')),
    'the card reaches the server',
  )
  control.destroy()
})

test('a template card cannot be deleted by a participant: the board keeps it and says why, the outline says it beforehand, nobody is thrown off', async () => {
  const { w, control, eva } = await setup()
  const page = eva.page
  const card = inspirationCard(w)
  // On the board: select the inspiration card and press Delete.
  await page.evaluate((id: string) => {
    const editor = window.__samverkstadEditor as unknown as { select(id: string): void; zoomToSelection(): void }
    editor.select(id)
    editor.zoomToSelection()
  }, card.id as string)
  // tldraw's shortcuts act only while focus is on the board (as after a click on it or "Till tavlan").
  await page.locator('#board-region .tl-container').focus()
  await page.keyboard.press('Delete')
  await page.getByTestId('refusal').waitFor()
  await expectReadable(page.getByTestId('refusal').locator('p').first())
  assert.match(await page.getByTestId('refusal').innerText(), /hör till mallen/)
  assert.ok(await hasShape(page, card.id), 'still on her board')
  // In the outline the delete button of that card is disabled, with the reason next to it.
  const item = page.locator(`li.outline-card[data-card-id="${card.id}"]`)
  assert.ok(await item.getByRole('button', { name: /^Ta bort kortet:/ }).isDisabled())
  await expectReadable(item.locator('.outline-blocked'))
  // A later edit she may make reaches the server: the barrier that nothing else was lost or refused.
  await clickVisible(page.getByTestId('refusal').getByRole('button', { name: 'Stäng' }))
  await page.getByTestId('outline').getByLabel('Korttyp').first().selectOption({ label: 'Anteckning' })
  await page.getByTestId('outline').getByLabel('Text').first().fill('Efter försöket')
  await clickVisible(page.getByTestId('outline').getByRole('button', { name: 'Lägg till kort' }))
  await waitFor(
    () => suite.server.app.sync.withDoc(w.id, 'board', (doc) => readBoardRecords(doc).some((r) => (r as { props?: { text?: string } }).props?.text === 'Efter försöket')),
    'the later card reaches the server',
  )
  assert.ok(inspirationCard(w), 'the template card is on the server')
  assert.is(await page.getByTestId('sync-status').getAttribute('data-status'), 'connected')
  control.destroy()
})

test('an edit the server refuses anyway (sent by a raw script) is taken back on everyone’s board, and the browser says why without a reload', async () => {
  const { w, control, eva } = await setup()
  const card = inspirationCard(w)
  const script = connectClient(suite.server.wsUrl, w.id, w.participantKey)
  await waitForSync(script)
  // A script on the participant link deletes the template card: the server writes it back.
  script.doc.transact(() => {
    const array = script.doc.getArray<{ key: string }>('records')
    const at = array.toArray().findIndex((e) => e.key === card.id)
    array.delete(at, 1)
  })
  await waitFor(() => readBoardRecords(script.doc).some((r) => r.id === card.id), "the card comes back in the script's own copy")
  assert.ok(await hasShape(eva.page, card.id), 'Eva never lost it')
  script.destroy()
  control.destroy()
})

test.run()
