import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { expectReadable } from './helpers/visible'

const suite = browserSuite(test)

/** The focused element: its tag, accessible name, and whether a person can see it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'BODY', name: '', id: '', inBoard: false, visible: false }
    const r = el.getBoundingClientRect()
    return {
      tag: el.tagName,
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      id: el.id,
      inBoard: Boolean(el.closest('#board-region')),
      visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    }
  })
const tool = (page: Page) => page.evaluate(() => window.__samverkstadEditor!.getCurrentToolId())

test('skip links, shortcuts only on the canvas, the palette by keyboard, the hint to leave the canvas, and one name per tool', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Tangentbord' })
  const ahmed = await suite.person('Ahmed')
  await ahmed.join(w.participantUrl)
  const page = ahmed.page
  assert.is(await page.locator('main').count(), 1, 'the page has one <main>')

  // From the heading (where joining leaves focus), the first Tab stops are the skip links.
  await page.getByRole('heading', { level: 1, name: 'Tangentbord' }).focus()
  await page.keyboard.press('Tab')
  let f = await focused(page)
  assert.equal([f.name, f.visible], ['Till översikten', true], 'the first Tab shows "Till översikten"')
  await page.keyboard.press('Enter')
  f = await eventually(() => focused(page), (x) => x.id === 'outline-panel', 'focus in the outline')
  assert.ok(f.visible, 'the outline has focus where one can see it')

  // "d" pressed outside the canvas types nothing and switches no tool.
  await page.getByRole('button', { name: 'Översikt', exact: true }).focus()
  await page.keyboard.press('d')
  await page.keyboard.press('r')
  assert.is(await tool(page), 'select', 'tldraw\'s shortcuts do nothing with focus outside the board')

  await page.getByRole('heading', { level: 1 }).focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  f = await focused(page)
  assert.equal([f.name, f.visible], ['Till tavlan', true], 'the second skip link (participants have no tools link)')
  await page.keyboard.press('Enter')
  await eventually(() => focused(page), (x) => x.inBoard, 'focus on the board')
  await expectReadable(page.getByTestId('canvas-hint'))
  assert.match(await page.getByTestId('canvas-hint').innerText(), /Esc och sedan Tabb/)
  // On the canvas the shortcuts work.
  await page.keyboard.press('d')
  await eventually(() => tool(page), (t) => t === 'draw', 'd switches to drawing on the canvas')
  await page.keyboard.press('v')
  await eventually(() => tool(page), (t) => t === 'select', 'v back to selecting')

  // Enter on a palette button places a card in the middle of the view, open for typing.
  const before = await page.evaluate(() => window.__samverkstadEditor!.getViewportPageBounds().center.toJson())
  await page.getByRole('button', { name: 'Nytt kort: Insikt' }).focus()
  await page.keyboard.press('Enter')
  const input = page.locator('textarea.sv-card-input')
  await input.waitFor()
  assert.ok(await input.evaluate((el) => el === document.activeElement), 'the new card\'s text has focus')
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Vi har funnit att tangentbordet räcker')
  await page.keyboard.press('Escape')
  await eventually(() => ahmed.cardTexts(), (t) => t.includes('Vi har funnit att tangentbordet räcker'), 'the card holds the text')
  const placed = await page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    const card = editor.getCurrentPageShapes().find((s) => s.type === 'card' && (s.props as { text: string }).text === 'Vi har funnit att tangentbordet räcker')!
    return editor.getShapePageBounds(card.id)!.center.toJson()
  })
  assert.ok(Math.abs(placed.x - before.x) < 2 && Math.abs(placed.y - before.y) < 2, `the card is in the middle of the view: ${JSON.stringify({ placed, before })}`)
  // Escape left editing on the canvas; a further Escape and Tab leave the canvas, as the hint says.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  f = await focused(page)
  assert.not.equal(f.tag, 'BODY', 'Tab from the canvas reaches a control')

  // Space works like Enter.
  await page.getByRole('button', { name: 'Nytt kort: Utmaning' }).focus()
  await page.keyboard.press('Space')
  await input.waitFor()
  await page.keyboard.press('Escape')

  // Each tool has its own name: the card tool is no second "Anmärkning".
  const names = await page.locator('.tlui-toolbar [data-testid^="tools."]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? ''))
  const notes = names.filter((n) => /Anmärkning/.test(n))
  assert.ok(notes.length <= 1, `at most one tool called "Anmärkning": ${JSON.stringify(names)}`)
  assert.ok(names.some((n) => n.startsWith('Kort av vald korttyp')), `the card tool has its own name: ${JSON.stringify(names)}`)
  const bare = names.map((n) => n.replace(/ — .*$/, ''))
  assert.equal(bare.filter((n, i) => bare.indexOf(n) !== i), [], `no two tools share a name: ${JSON.stringify(bare)}`)
  assert.equal(ahmed.errors, [])
})

test.run()
