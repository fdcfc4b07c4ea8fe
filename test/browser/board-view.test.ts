import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { frameOfStep } from '../../workshops/templates/placeTemplates'
import { eventually, type Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)
const ws2 = JSON.parse(readFileSync(new URL('../../workshops/definitions/ws2.json', import.meta.url), 'utf8')) as WorkshopDefinition

interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

/** Opens a link and joins, leaving the view where the board opened it (Person.join moves it away). */
async function joinAsIs(p: Person, link: string) {
  await p.page.goto(link)
  await p.page.getByLabel('Ditt namn').fill(p.name)
  await clickVisible(p.page.getByRole('button', { name: 'Gå med' }))
  await p.waitForBoard()
}

const view = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    const b = editor.getViewportPageBounds()
    return { x: b.x, y: b.y, w: b.w, h: b.h, zoom: editor.getZoomLevel() }
  })

const pageBounds = (page: Page, id: string) =>
  page.evaluate((shapeId) => {
    const b = window.__samverkstadEditor!.getShapePageBounds(shapeId as never)
    return b ? { x: b.x, y: b.y, w: b.w, h: b.h } : null
  }, id)

const within = (inner: Bounds, outer: Bounds) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
const overlap = (a: Bounds, b: Bounds) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** The whole frame is in view and fills it one way: zoomed to fit, not a corner of it at 100 %. */
async function assertOpensAt(p: Person, frameId: string, what: string) {
  const frame = await pageBounds(p.page, frameId)
  assert.ok(frame, `${what}: the frame is on the board`)
  const v = await view(p.page)
  assert.ok(within(frame!, v), `${what}: the frame ${JSON.stringify(frame)} is inside the view ${JSON.stringify(v)}`)
  assert.ok(Math.max(frame!.w / v.w, frame!.h / v.h) > 0.8, `${what}: the frame fills the view (${JSON.stringify(frame)} in ${JSON.stringify(v)})`)
}

const button = (p: Person, name: string) => p.page.getByRole('button', { name, exact: true })
const onStep = (p: Person, id: string) => eventually(() => p.page.getByTestId('current-step').getAttribute('data-step-id'), (s) => s === id, `${p.name} on ${id}`)

test('a new board opens at the first step; a reload and a rejoin open at the step the facilitator is on', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Vy' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await joinAsIs(karin, w.facilitatorUrl)
  await assertOpensAt(karin, frameOfStep(ws2, ws2.steps[0].id), 'before the start, the facilitator')
  await joinAsIs(ahmed, w.participantUrl)
  await assertOpensAt(ahmed, frameOfStep(ws2, ws2.steps[0].id), 'before the start, a participant')

  await clickVisible(button(karin, 'Starta första steget'))
  await clickVisible(button(karin, 'Nästa steg'))
  await clickVisible(button(karin, 'Nästa steg'))
  const third = ws2.steps[2].id
  await onStep(ahmed, third)

  // Ahmed looks somewhere else, then reloads: he is back at step 3's frame.
  await ahmed.goToEmptyArea()
  await ahmed.page.reload()
  await ahmed.waitForBoard()
  await assertOpensAt(ahmed, frameOfStep(ws2, third), 'after a reload')

  // Bea joins late, in a new browser: step 3 too.
  const bea = await person('Bea')
  await joinAsIs(bea, w.participantUrl)
  await assertOpensAt(bea, frameOfStep(ws2, third), 'a late joiner')
})

test('a card added in the outline lands in the current step\'s frame, in view, on a free place', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Nya kort' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)
  await clickVisible(button(karin, 'Starta första steget'))
  for (let i = 0; i < 3; i++) await clickVisible(button(karin, 'Nästa steg'))
  const step = ws2.steps[3]
  await onStep(ahmed, step.id)
  const frameId = frameOfStep(ws2, step.id)

  // Ahmed's view is elsewhere (Person.join shows an empty area); he adds two insights, a kind the first steps use.
  const outline = ahmed.page.getByTestId('outline')
  const added: string[] = []
  for (const text of ['första insikten', 'andra insikten']) {
    await outline.getByLabel('Korttyp').selectOption({ label: 'Insikt' })
    await outline.getByLabel('Text', { exact: true }).fill(text)
    await clickVisible(outline.getByRole('button', { name: 'Lägg till kort' }))
    const card = await eventually(
      () =>
        ahmed.page.evaluate((t) => {
          const editor = window.__samverkstadEditor!
          const s = editor.getCurrentPageShapes().find((x) => x.type === 'card' && (x.props as { text: string }).text.endsWith(t))
          return s ? { id: s.id as string, parentId: s.parentId as string } : null
        }, text),
      (c) => c !== null,
      `the card "${text}" is on the board`,
    )
    assert.is(card!.parentId, frameId, `"${text}" is in the frame of step 4 (${step.id})`)
    const bounds = (await pageBounds(ahmed.page, card!.id))!
    await eventually(() => view(ahmed.page), (v) => within(bounds, v), `"${text}" is in Ahmed's view`)
    added.push(card!.id)
  }
  const [a, b] = await Promise.all(added.map((id) => pageBounds(ahmed.page, id)))
  assert.not.ok(overlap(a!, b!), `the two cards do not overlap: ${JSON.stringify([a, b])}`)
  // The card is really seen: its element is on screen.
  const box = await ahmed.page.locator('.sv-card', { hasText: 'andra insikten' }).boundingBox()
  const board = await ahmed.page.getByTestId('board').boundingBox()
  assert.ok(box && board && box.x >= board.x && box.y >= board.y && box.x + box.width <= board.x + board.width && box.y + box.height <= board.y + board.height, 'the new card is drawn inside the board area')
})

test.run()
