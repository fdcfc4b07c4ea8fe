import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)

test('the language switch changes the board at once: tldraw\'s tools, the palette, card labels, the outline\'s sentence frame; Swedish template text says it is Swedish', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Språk' })
  const ahmed = await suite.person('Ahmed')
  await ahmed.join(w.participantUrl)
  const page = ahmed.page
  await ahmed.writeCard('Insikt', 'Vi har funnit att språket byts', { x: 300, y: 300 })
  const card = page.locator('.sv-card', { hasText: 'Vi har funnit att språket byts' })
  const template = page.locator('.sv-card[data-kind] .sv-card-text').filter({ hasText: /\S/ })
  const tool = (id: string) => page.locator(`.tlui-toolbar [data-testid="tools.${id}"]`)
  const outlineText = page.getByTestId('outline').getByLabel('Text').first()

  assert.is(await card.locator('.sv-card-kind').innerText(), 'INSIKT')
  assert.match((await tool('select').getAttribute('aria-label')) ?? '', /^Välj/)
  const svStarter = await outlineText.inputValue()

  await clickVisible(page.getByRole('button', { name: 'In English' }))
  await eventually(() => card.locator('.sv-card-kind').innerText(), (t) => t === 'INSIGHT', 'the card\'s kind label in English')
  await eventually(() => tool('select').getAttribute('aria-label'), (l) => /^Select/.test(l ?? ''), 'tldraw\'s tools in English')
  await page.getByRole('button', { name: 'New card: Insight' }).waitFor()
  await eventually(() => outlineText.inputValue(), (v) => v !== svStarter && /^We /.test(v), 'the outline\'s sentence frame in English')
  assert.is(await page.evaluate(() => document.documentElement.lang), 'en')
  // Swedish template texts (the persona, the inspiration) are marked Swedish; what someone wrote is not marked.
  await page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    editor.zoomToBounds(editor.getCurrentPageBounds()!, { immediate: true })
  })
  const marked = await page.locator('.sv-card-text[lang="sv"]').count()
  assert.ok(marked > 0, `template texts carry lang="sv" (${marked}, of ${await template.count()} card texts)`)
  assert.is(await card.locator('.sv-card-text').getAttribute('lang'), null, 'a written card is not marked')
  assert.ok((await page.getByTestId('outline').locator('.outline-text[lang="sv"]').count()) > 0, 'and in the outline')

  await clickVisible(page.getByRole('button', { name: 'På svenska' }))
  await eventually(() => card.locator('.sv-card-kind').innerText(), (t) => t === 'INSIKT', 'back in Swedish')
  await eventually(() => tool('select').getAttribute('aria-label'), (l) => /^Välj/.test(l ?? ''), 'tldraw\'s tools in Swedish again')
  assert.is(await page.locator('.sv-card-text[lang]').count(), 0, 'nothing needs marking in Swedish')
  assert.equal(ahmed.errors, [])
})

test.run()
