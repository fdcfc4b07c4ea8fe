import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readBoard } from '../../workshops/chain/board'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { writeCard } from '../helpers/boardEdits'
import { connectClient, waitForSync } from '../helpers/yClient'
import { eventually } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { expectReadable } from './helpers/visible'

const suite = browserSuite(test)
/** Node clients a test opened: closed after it, passed or failed (a provider left open keeps reconnecting and the run never ends). */
const scripts: Array<{ destroy(): void }> = []
test.after.each(() => {
  for (const s of scripts.splice(0)) s.destroy()
})
const step = (what: string) => process.env.DEBUG_STEPS && console.log(new Date().toISOString().slice(11, 19), what)

/** Presses keys and counts them: what a keyboard user spends (typed text is not counted). */
function keys(page: Page) {
  let count = 0
  return {
    async press(key: string, times = 1) {
      for (let i = 0; i < times; i++) {
        count++
        await page.keyboard.press(key)
      }
    },
    get count() {
      return count
    },
  }
}

/** What has focus: the card's id if it is a card of the outline, its accessible name otherwise. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return { card: el?.matches('li[data-card-id]') ? el.dataset.cardId! : null, tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 80) ?? '', position: el?.getAttribute('aria-posinset'), size: el?.getAttribute('aria-setsize') }
  })

test('the outline by keyboard: add an insight and a challenge, link them, reach the last of 50 cards and delete one, in few keys, with focus always visible', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Tangentbord' })
  const script = connectClient(suite.server.wsUrl, w.id, w.facilitatorKey)
  scripts.push(script)
  await waitForSync(script)
  step('50 notes far below the step frames, a')
  // 50 notes far below the step frames, as a long session leaves them.
  for (let i = 0; i < 50; i++) writeCard(script.doc, `kb-${String(i).padStart(2, '0')}`, `Anteckning nummer ${i}`, { x: (i % 10) * 220, y: 6000 + Math.floor(i / 10) * 160 })
  const karin = await suite.person('Karin')
  await karin.join(w.participantUrl)
  const page = karin.page
  const outline = page.getByTestId('outline')
  await eventually(() => outline.locator('#outline-all').innerText(), (t) => /\((5\d)\)/.test(t), 'the outline counts the cards')
  const k = keys(page)

  step('Add an insight: the form starts at th')
  // Add an insight: the form starts at the insight kind; its sentence frame's "…" is selected, so typing replaces it.
  await outline.getByLabel('Korttyp').focus()
  await k.press('Tab')
  await page.keyboard.type('chefer känner sig ensamma')
  await k.press('Tab')
  await k.press('Enter')
  step('A challenge: back to the kind, one st')
  // A challenge: back to the kind, one step down the list, then the same.
  await k.press('Shift+Tab', 2)
  for (let i = 0; i < 5 && (await outline.getByLabel('Korttyp').inputValue()) !== 'challenge'; i++) await k.press('ArrowDown')
  assert.is(await outline.getByLabel('Korttyp').inputValue(), 'challenge', 'arrow keys choose the challenge kind')
  await k.press('Tab')
  await page.keyboard.type('skapa chefsnätverk')
  await k.press('Tab')
  await k.press('Enter')
  await eventually(() => outline.locator('li.outline-card[data-kind=challenge]').count(), (n) => n === 1, 'the challenge is in the list')
  const afterAdding = k.count

  step('Into the list: one Tab stop for all c')
  // Into the list: one Tab stop for all cards.
  let f = await focused(page)
  for (let i = 0; i < 8 && !f.card; i++) {
    await k.press('Tab')
    f = await focused(page)
  }
  assert.ok(f.card, `Tab reaches the list of cards (focus on ${f.tag} "${f.label}")`)
  assert.ok(k.count - afterAdding <= 6, `a few Tabs from the form to the list, not one per card (${k.count - afterAdding})`)
  assert.is(f.position, '1', 'the first card holds the Tab stop')

  step('The last of 52 cards is one key away,')
  // The last of 52 cards is one key away, and in view.
  const beforeEnd = k.count
  await k.press('End')
  f = await focused(page)
  assert.is(f.position, f.size, 'End moves to the last card')
  assert.is(k.count - beforeEnd, 1)
  await expectReadable(page.locator('li.outline-card:focus .outline-text'), 'the focused last card')

  step('To the insight with arrows, then its ')
  // To the insight with arrows, then its actions: Enter, → to "Koppla", Enter.
  await k.press('Home')
  const insight = outline.locator('li.outline-card[data-kind=insight]')
  for (let i = 0; i < 60 && !(await insight.evaluate((el) => el === document.activeElement)); i++) await k.press('ArrowDown')
  assert.ok(await insight.evaluate((el) => el === document.activeElement), 'arrow keys reach the insight')
  await expectReadable(insight.locator('.outline-text'), 'the focused insight')
  await k.press('Enter')
  f = await focused(page)
  assert.match(f.label, /^Redigera kortet: Vi har funnit att chefer känner sig ensamma/, 'Enter opens the card’s actions at "Redigera"')
  await k.press('ArrowRight')
  f = await focused(page)
  assert.match(f.label, /^Koppla kortet:/)
  await k.press('Enter')

  step('"Koppla" offers kinds that may link, ')
  // "Koppla" offers kinds that may link, nearest first, and never the persona's notes.
  const select = outline.getByLabel('Koppla till')
  const options = await select.locator('option').allInnerTexts()
  assert.match(options[0], /^Utmaning: Hur skulle vi kunna skapa chefsnätverk/, 'the challenge comes first')
  assert.not.ok(options.some((o) => /Ålder|Familj|Diagnos/.test(o)), `no persona notes among ${options.slice(0, 5).join(' | ')}…`)
  assert.not.ok(options.some((o) => o.startsWith('Insikt:')), 'an insight is not linked to an insight')
  await k.press('Tab')
  await k.press('Enter')
  await eventually(
    () => Promise.resolve(readBoard(readBoardRecords(script.doc))),
    (b) => b.cards.some((c) => c.kind === 'insight' && b.linkedOfKind(c, 'challenge').length === 1),
    'the link reaches the server and another client',
  )
  f = await focused(page)
  assert.match(f.label, /^Redigera kortet: Vi har funnit att/, 'focus returns to the card’s actions')
  await expectReadable(page.locator(':focus'), 'the focused button')
  assert.ok(k.count < 40, `adding two cards, reaching the last of 52 and linking took ${k.count} keys`)

  step('Delete a note by keys: focus moves on')
  // Delete a note by keys: focus moves on to the next card, never to the page.
  await k.press('Escape')
  await k.press('End')
  await k.press('ArrowUp')
  const doomed = (await focused(page)).card!
  const last = await outline.locator('li.outline-card').last().getAttribute('data-card-id')
  await k.press('Enter')
  await k.press('ArrowLeft')
  f = await focused(page)
  assert.match(f.label, /^Ta bort kortet:/, '← wraps to the last action, "Ta bort"')
  await k.press('Enter')
  await eventually(() => focused(page), (now) => now.card === last, 'focus moves to the next card')
  assert.is(await outline.locator(`li[data-card-id="${doomed}"]`).count(), 0, 'the card is gone')
  await expectReadable(page.locator('li.outline-card:focus .outline-text'), 'the card that has focus after the delete')

  const axe = await new AxeBuilder({ page: page as never }).include('[data-testid=outline]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  assert.equal(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], 'the outline has no accessibility problems')
})

test('a 2,000-card outline renders only what is in view, counts every card, and End reaches the last', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Stor tavla' })
  const script = connectClient(suite.server.wsUrl, w.id, w.facilitatorKey)
  scripts.push(script)
  await waitForSync(script)
  script.doc.transact(() => {
    for (let i = 0; i < 2000; i++) writeCard(script.doc, `big-${String(i).padStart(4, '0')}`, `Kort ${i}`, { x: (i % 40) * 220, y: 6000 + Math.floor(i / 40) * 160 })
  })
  const karin = await suite.person('Karin')
  await karin.join(w.participantUrl)
  const page = karin.page
  const outline = page.getByTestId('outline')
  await eventually(() => outline.locator('#outline-all').innerText(), (t) => /\(20\d\d\)/.test(t), 'the outline counts 2,000+ cards', 30_000)
  const rendered = await outline.locator('li.outline-card').count()
  assert.ok(rendered < 200, `only the cards in view (and a margin) are in the page: ${rendered}`)
  await outline.locator('li.outline-card').first().focus()
  await page.keyboard.press('End')
  const f = await eventually(() => focused(page), (now) => now.position !== null && now.position === now.size, 'End reaches the last card')
  assert.is(f.card, 'shape:big-1999')
  await expectReadable(page.locator('li.outline-card:focus .outline-text'), 'the last card')
  step('A remote edit of the card in view sho')
  // A remote edit of the card in view shows there.
  writeCard(script.doc, 'big-1999', 'Kort 1999 ändrat', { x: (1999 % 40) * 220, y: 6000 + Math.floor(1999 / 40) * 160 })
  await eventually(() => page.locator('li.outline-card:focus .outline-text').innerText(), (t) => t === 'Kort 1999 ändrat', 'the edit shows in the focused card')
})

test.run()
