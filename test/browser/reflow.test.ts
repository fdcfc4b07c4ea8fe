import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, type Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)

/** Whether anything on the page needs sideways scrolling, and how wide the board is. */
const measure = (page: Page) =>
  page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth,
    board: document.getElementById('board-region')?.getBoundingClientRect().width ?? 0,
    outline: document.getElementById('outline-panel')?.getBoundingClientRect().width ?? 0,
    tools: document.getElementById('tools-panel')?.getBoundingClientRect().width ?? 0,
  }))
const tab = (p: Person, name: string) => p.page.getByRole('group', { name: 'Visa' }).getByRole('button', { name, exact: true })

for (const [label, size] of [
  ['320 CSS px wide', { width: 320, height: 640 }],
  ['200 % zoom of 1280×800', { width: 640, height: 400 }],
] as const) {
  test(`at ${label} the panels are tabs, the board is never 0 px wide and nothing scrolls sideways`, async () => {
    const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Smal skärm' })
    const karin = await suite.person('Karin')
    await karin.page.setViewportSize(size)
    await karin.join(w.facilitatorUrl)
    const page = karin.page

    let m = await measure(page)
    assert.ok(m.scrollWidth <= m.innerWidth, `no sideways scrolling on the board: ${JSON.stringify(m)}`)
    assert.ok(m.board > 0, `the board has a width: ${JSON.stringify(m)}`)
    assert.is(await tab(karin, 'Tavlan').getAttribute('aria-pressed'), 'true')

    await clickVisible(tab(karin, 'Översikt'))
    await page.getByTestId('outline').waitFor()
    m = await measure(page)
    assert.ok(m.outline > 0 && m.scrollWidth <= m.innerWidth, `the outline fits: ${JSON.stringify(m)}`)

    await clickVisible(tab(karin, 'Verktyg'))
    await page.getByRole('button', { name: 'Starta första steget', exact: true }).waitFor()
    m = await measure(page)
    assert.ok(m.tools > 0 && m.scrollWidth <= m.innerWidth, `the tools fit: ${JSON.stringify(m)}`)
    await clickVisible(page.getByRole('button', { name: 'Starta första steget', exact: true }))

    await clickVisible(tab(karin, 'Tavlan'))
    m = await eventually(() => measure(page), (x) => x.board > 0, 'the board is back')
    assert.ok(m.scrollWidth <= m.innerWidth, `no sideways scrolling: ${JSON.stringify(m)}`)
    assert.ok(await page.evaluate(() => window.__samverkstadEditor!.getViewportScreenBounds().w > 0), 'the canvas has a width')
    assert.equal(karin.errors, [])
  })
}

test('at desktop widths the side panels fold away, and stay folded after a reload', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Bred skärm' })
  const karin = await suite.person('Karin')
  await karin.join(w.facilitatorUrl)
  const page = karin.page
  const wide = (await measure(page)).board
  const toggle = page.getByRole('button', { name: 'Verktyg', exact: true })
  assert.is(await toggle.getAttribute('aria-expanded'), 'true')
  await clickVisible(toggle)
  await clickVisible(page.getByRole('button', { name: 'Översikt', exact: true }))
  const m = await eventually(() => measure(page), (x) => x.tools === 0 && x.outline === 0, 'both panels folded')
  assert.ok(m.board > wide + 300, `the board gets their room: ${wide} → ${m.board}`)
  await page.reload()
  await karin.waitForBoard()
  const after = await measure(page)
  assert.equal([after.tools, after.outline], [0, 0], 'still folded after a reload')
  assert.is(await page.getByRole('button', { name: 'Verktyg', exact: true }).getAttribute('aria-expanded'), 'false')
})

test.run()
