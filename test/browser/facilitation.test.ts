import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A facilitator and two participants, each in their own browser context, all on the board. */
async function session(method: 'ws2' | 'ws3', opts: { beforeJoin?: (p: Person) => Promise<void> } = {}) {
  const w = await suite.server.createWorkshop({ method, title: 'Facilitering' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  const bea = await person('Bea')
  for (const p of [karin, ahmed, bea]) await opts.beforeJoin?.(p)
  await Promise.all([karin.join(w.facilitatorUrl), ahmed.join(w.participantUrl), bea.join(w.participantUrl)])
  return { w, karin, ahmed, bea }
}

const button = (p: Person, name: string) => p.page.getByRole('button', { name, exact: true })

const currentStep = async (p: Person) => {
  const el = p.page.getByTestId('current-step')
  return { id: await el.getAttribute('data-step-id'), text: await el.innerText() }
}

/** Every text this person's editor holds anywhere (all records, not just the page's shapes). */
const storeJson = (page: Page) => page.evaluate(() => JSON.stringify(window.__samverkstadEditor!.store.allRecords()))

/** The page bounds of a shape as this person's editor has them. */
const shapeBounds = (page: Page, id: string) =>
  page.evaluate((shapeId) => {
    const b = window.__samverkstadEditor!.getShapePageBounds(shapeId as never)
    return b ? { x: b.x, y: b.y, w: b.w, h: b.h, midX: b.midX, midY: b.midY } : null
  }, id)

const viewport = (page: Page) =>
  page.evaluate(() => {
    const b = window.__samverkstadEditor!.getViewportPageBounds()
    return { x: b.x, y: b.y, w: b.w, h: b.h }
  })

const contains = (v: { x: number; y: number; w: number; h: number }, p: { x: number; y: number }) =>
  p.x >= v.x && p.x <= v.x + v.w && p.y >= v.y && p.y <= v.y + v.h

const shapePosition = (page: Page, id: string) =>
  page.evaluate((shapeId) => {
    const s = window.__samverkstadEditor!.getShape(shapeId as never)
    return s ? { x: s.x, y: s.y, isLocked: s.isLocked } : null
  }, id)

/** Shows the whole of a shape in this person's view, at once. */
const zoomTo = (page: Page, id: string) =>
  page.evaluate((shapeId) => {
    const editor = window.__samverkstadEditor!
    editor.zoomToBounds(editor.getShapePageBounds(shapeId as never)!, { inset: 80, immediate: true })
  }, id)

/** Drags a frame by its heading with the mouse, as a user moves a frame. */
async function dragFrameByHeading(page: Page, frameId: string, by: { x: number; y: number }) {
  const heading = page.locator(`[data-shape-id="${frameId}"] .tl-frame-heading`).first()
  const box = await heading.boundingBox()
  if (!box) throw new Error(`no heading for ${frameId}`)
  const from = { x: box.x + Math.min(30, box.width / 2), y: box.y + box.height / 2 }
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 5 })
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 5 })
  await page.mouse.up()
}

test('a step change by the facilitator is seen by both participants', async () => {
  const { karin, ahmed, bea } = await session('ws2')
  for (const p of [ahmed, bea]) assert.match((await currentStep(p)).text, /inte börjat/, `${p.name} starts before the first step`)

  await clickVisible(button(karin, 'Starta första steget'))
  await eventually(() => currentStep(ahmed), (s) => s.id === 'review-needs', 'Ahmed on the first step')
  await clickVisible(button(karin, 'Nästa steg'))

  for (const p of [ahmed, bea, karin]) {
    const step = await eventually(() => currentStep(p), (s) => s.id === 'write-insights', `${p.name} on the second step`)
    assert.match(step.text, /Skriv insikter/, `${p.name} sees the second step's title`)
    assert.match(step.text, /Steg 2 av 6/)
  }
  // Participants have no agenda controls.
  assert.is(await button(ahmed, 'Nästa steg').count(), 0)
})

test('everyone sees the same remaining time, even with a computer clock 10 minutes wrong', async () => {
  const { karin, ahmed, bea } = await session('ws2', {
    beforeJoin: async (p) => {
      if (p.name !== 'Bea') return
      await p.context.addInitScript(() => {
        const realNow = Date.now.bind(Date)
        Date.now = () => realNow() + 600_000
      })
    },
  })
  // Bea's clock really is wrong.
  const skew = (await bea.page.evaluate(() => Date.now())) - Date.now()
  assert.ok(skew > 590_000 && skew < 610_000, `Bea's clock is 10 minutes ahead (${skew} ms)`)

  for (const p of [karin, ahmed, bea]) assert.is(await p.page.getByTestId('timer').getAttribute('data-state'), 'stopped')
  await clickVisible(karin.page.getByRole('button', { name: /^Starta timer/ }))

  const sample = () =>
    Promise.all(
      [karin, ahmed, bea].map(async (p) => {
        const el = p.page.getByTestId('timer')
        return { state: await el.getAttribute('data-state'), ms: Number(await el.getAttribute('data-remaining-ms')) }
      }),
    )
  const spread = (s: Array<{ ms: number }>) => Math.max(...s.map((x) => x.ms)) - Math.min(...s.map((x) => x.ms))

  await eventually(sample, (s) => s.every((x) => x.state === 'running'), 'the timer runs for everyone')
  for (let i = 0; i < 3; i++) {
    const s = await sample()
    assert.ok(spread(s) < 1000, `remaining times agree within a second: ${JSON.stringify(s)}`)
    // No step started: the default 10 minutes, counting down (each estimate of the server's clock may be a few ms off).
    for (const x of s) assert.ok(x.ms > 9 * 60_000 && x.ms < 10 * 60_000 + 1000, `about 10 minutes left: ${x.ms}`)
    await sleep(400)
  }
  const shown = await Promise.all([karin, ahmed, bea].map((p) => p.page.getByTestId('timer').innerText()))
  assert.match(shown[2], /^(9:\d\d|10:0[01])$/, `Bea's display shows the right time: ${shown[2]}`)
})

test('dot voting: 3 dots each, hidden until the vote closes, then counts on the cards and a ranking', async () => {
  const { w, karin, ahmed, bea } = await session('ws2')
  const texts = ['Utmaning Alfa', 'Utmaning Beta', 'Utmaning Gamma', 'Utmaning Delta']
  const spots = [
    { x: 120, y: 130 },
    { x: 400, y: 130 },
    { x: 120, y: 380 },
    { x: 400, y: 380 },
  ]
  for (const [i, text] of texts.entries()) await karin.writeCard('Utmaning', text, spots[i])
  for (const p of [ahmed, bea]) {
    await eventually(() => p.cardTexts(), (t) => texts.every((x) => t.includes(x)), `the cards reach ${p.name}`)
  }
  const card = (p: Person, text: string) => p.page.locator('.sv-card', { hasText: text })
  const plus = (p: Person, text: string) => card(p, text).getByRole('button', { name: 'Lägg en prick på kortet', exact: true })
  const dotsLeft = (p: Person, n: number) =>
    eventually(() => p.page.getByTestId('dots-left').innerText(), (t) => t.includes(n === 1 ? 'Du har 1 prick kvar' : `Du har ${n} prickar kvar`), `${p.name} has ${n} dots left`)

  await karin.page.getByLabel('Rösta på korttyp').selectOption({ label: 'Utmaning' })
  await clickVisible(button(karin, 'Starta röstning'))
  for (const p of [ahmed, bea]) await dotsLeft(p, 3)

  // Ahmed: three dots on the board; the fourth is refused.
  await clickVisible(plus(ahmed, 'Alfa'))
  await dotsLeft(ahmed, 2)
  await clickVisible(plus(ahmed, 'Beta'))
  await dotsLeft(ahmed, 1)
  await clickVisible(plus(ahmed, 'Gamma'))
  await dotsLeft(ahmed, 0)
  assert.ok(await plus(ahmed, 'Delta').isDisabled(), 'the + for a 4th dot is disabled')
  const refused = await ahmed.page.evaluate(
    async ({ id, key }) => {
      const editor = window.__samverkstadEditor!
      const delta = editor.getCurrentPageShapes().find((s) => s.type === 'card' && (s.props as { text: string }).text === 'Utmaning Delta')!
      const res = await fetch(`/api/workshops/${id}/votes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ voter: sessionStorage.getItem(`samverkstad.seat.${id}`), cardId: delta.id, action: 'add' }),
      })
      return res.status
    },
    { id: w.id, key: w.participantKey },
  )
  assert.is(refused, 409, 'the server refuses a 4th dot from the same seat')

  // Bea sees nothing of Ahmed's dots: her own count is 0 and her + is free on every card.
  await dotsLeft(bea, 3)
  for (const text of ['Alfa', 'Beta', 'Gamma']) {
    assert.is(await card(bea, text).locator('.sv-dot-count').getAttribute('aria-label'), 'Dina prickar på kortet: 0', `Bea's count on ${text}`)
    assert.ok(await plus(bea, text).isEnabled(), `Bea's + on ${text} is enabled`)
  }
  // Bea: one dot on the board, one from the outline by keyboard.
  await clickVisible(plus(bea, 'Alfa'))
  await dotsLeft(bea, 2)
  await bea.page.getByTestId('outline').getByRole('button', { name: /^Lägg en prick på kortet: Utmaning Beta/ }).focus()
  await bea.page.keyboard.press('Enter')
  await dotsLeft(bea, 1)
  // The facilitator votes too, so the ranking has no ties.
  await clickVisible(plus(karin, 'Alfa'))
  await dotsLeft(karin, 2)
  // She sees how far the vote has come, never who voted for what.
  await eventually(() => karin.page.getByTestId('vote-progress').innerText(), (t) => t === '3 av 3 har röstat', 'the facilitator sees 3 of 3 have voted')

  // Before the close nobody sees a count or a ranking.
  await sleep(300)
  for (const p of [karin, ahmed, bea]) {
    assert.is(await p.page.getByTestId('vote-result').count(), 0, `${p.name} sees no counts before the close`)
    assert.is(await p.page.getByTestId('vote-ranking').count(), 0, `${p.name} sees no ranking before the close`)
  }
  assert.is(await card(bea, 'Gamma').locator('.sv-dot-count').getAttribute('aria-label'), 'Dina prickar på kortet: 0')

  await clickVisible(button(karin, 'Avsluta röstningen'))
  const resultOn = async (p: Person, text: string) => {
    const r = card(p, text).getByTestId('vote-result')
    return (await r.count()) ? (await r.innerText()).trim() : null
  }
  for (const p of [karin, ahmed, bea]) {
    const results = await eventually(
      () => Promise.all(texts.map((t) => resultOn(p, t))),
      (r) => r[0] !== null,
      `${p.name} sees the counts`,
    )
    assert.equal(results, ['3 ●', '2 ●', '1 ●', null], `${p.name}'s counts on the cards`)
    const ranking = await p.page.getByTestId('vote-ranking').locator('li').allInnerTexts()
    assert.is(ranking.length, 3, `${p.name}'s ranking lists the cards with dots`)
    assert.match(ranking[0], /3 ●.*Utmaning Alfa/)
    assert.match(ranking[1], /2 ●.*Utmaning Beta/)
    assert.match(ranking[2], /1 ●.*Utmaning Gamma/)
  }
  // The vote is over: no more dot buttons.
  assert.is(await plus(ahmed, 'Delta').count(), 0)
})

test('private writing: a card is only in its author\'s browser until the facilitator reveals it', async () => {
  const { karin, ahmed, bea } = await session('ws3')
  await clickVisible(button(karin, 'Starta första steget'))
  await eventually(() => currentStep(ahmed), (s) => s.id === 'target-picture', 'first step')
  await clickVisible(button(karin, 'Nästa steg'))
  for (const p of [ahmed, bea]) {
    await eventually(() => currentStep(p), (s) => s.id === 'brainstorm', `${p.name} in the private step`)
    await p.page.getByText('Enskilt skrivande').waitFor()
  }
  await sleep(400) // the step frame summon animates
  const secret = 'Hemlig idé: fika med chefen varje fredag'
  await ahmed.goToEmptyArea()
  await ahmed.writeCard('Idé', secret, { x: 250, y: 250 })
  await eventually(() => ahmed.cardTexts(), (t) => t.includes(secret), 'Ahmed has his card')
  assert.is(await ahmed.page.locator('.sv-card[data-private=true]', { hasText: secret }).count(), 1, 'Ahmed sees his card marked private')

  // The card is on the server (it comes back after a reload)...
  await ahmed.page.reload()
  await ahmed.waitForBoard()
  await eventually(() => ahmed.cardTexts(), (t) => t.includes(secret), 'Ahmed\'s private card after a reload')
  // ...but not in anyone else's browser.
  await sleep(500)
  for (const p of [bea, karin]) {
    assert.not.ok((await storeJson(p.page)).includes(secret), `the text is not in ${p.name}'s editor store`)
    assert.not.ok((await p.page.content()).includes(secret), `the text is not in ${p.name}'s page`)
    assert.not.ok((await p.page.content()).includes('fika med chefen'), `no part of the text is in ${p.name}'s page`)
  }

  await clickVisible(button(karin, 'Visa de privata korten'))
  await karin.page.getByText('1 kort visas nu för alla.').waitFor()
  for (const p of [bea, karin]) {
    await eventually(() => p.cardTexts(), (t) => t.includes(secret), `${p.name} sees the revealed card`)
  }
  await sleep(300)
  assert.is((await ahmed.cardTexts()).filter((t) => t === secret).length, 1, 'Ahmed has the card once')
  assert.is((await bea.cardTexts()).filter((t) => t === secret).length, 1, 'Bea has the card once')
})

test('participants follow the facilitator\'s view until they stop following', async () => {
  const { karin, ahmed, bea } = await session('ws2')
  const first = 'shape:step-write-challenges'
  const second = 'shape:step-choose-challenges'
  const firstCentre = (await shapeBounds(karin.page, first))!
  const secondCentre = (await shapeBounds(karin.page, second))!
  const centre = (b: { midX: number; midY: number }) => ({ x: b.midX, y: b.midY })
  for (const p of [ahmed, bea]) assert.not.ok(contains(await viewport(p.page), centre(firstCentre)), `${p.name} does not see the frame yet`)

  await clickVisible(button(karin, 'Låt alla följa min vy'))
  for (const p of [ahmed, bea]) await p.page.getByText('Du följer processledarens vy.').waitFor()
  await karin.page.evaluate((id) => {
    const editor = window.__samverkstadEditor!
    editor.zoomToBounds(editor.getShapePageBounds(id as never)!, { immediate: true })
  }, first)
  for (const p of [ahmed, bea]) {
    await eventually(() => viewport(p.page), (v) => contains(v, centre(firstCentre)), `${p.name}'s view follows to the frame`)
  }

  await clickVisible(ahmed.page.locator('aside.sidebar').getByRole('button', { name: 'Sluta följa', exact: true }))
  await eventually(() => ahmed.page.getByText('Du följer processledarens vy.').count(), (n) => n === 0, 'Ahmed no longer follows')
  const ahmedBefore = await viewport(ahmed.page)
  await karin.page.evaluate((id) => {
    const editor = window.__samverkstadEditor!
    editor.zoomToBounds(editor.getShapePageBounds(id as never)!, { immediate: true })
  }, second)
  // Bea, still following, goes along: the facilitator's move did go out.
  await eventually(() => viewport(bea.page), (v) => contains(v, centre(secondCentre)), 'Bea follows to the other frame')
  await sleep(500)
  const ahmedAfter = await viewport(ahmed.page)
  assert.not.ok(contains(ahmedAfter, centre(secondCentre)), 'Ahmed\'s view did not follow')
  assert.equal(ahmedAfter, ahmedBefore, 'Ahmed\'s view stayed where it was')
})

test('a frame the facilitator locks cannot be moved by a participant', async () => {
  const { karin, ahmed } = await session('ws2')
  const locked = 'shape:step-review-needs'
  // A frame of the usual size: a tall pairing frame fitted to the view has its heading under the kind palette.
  const free = 'shape:step-choose-challenges'

  await karin.page.evaluate((id) => {
    window.__samverkstadEditor!.toggleLock([id as never])
  }, locked)
  await eventually(() => shapePosition(ahmed.page, locked), (s) => s?.isLocked === true, 'the lock reaches Ahmed')

  // The same drag moves a frame that is not locked, for everyone.
  const freeBefore = (await shapePosition(ahmed.page, free))!
  await zoomTo(ahmed.page, free)
  await dragFrameByHeading(ahmed.page, free, { x: 150, y: 100 })
  for (const p of [ahmed, karin]) {
    await eventually(() => shapePosition(p.page, free), (s) => !!s && s.x !== freeBefore.x && s.y !== freeBefore.y, `the unlocked frame moved for ${p.name}`)
  }

  const lockedBefore = (await shapePosition(karin.page, locked))!
  await zoomTo(ahmed.page, locked)
  await dragFrameByHeading(ahmed.page, locked, { x: 150, y: 100 })
  await sleep(800)
  for (const p of [ahmed, karin]) {
    const after = (await shapePosition(p.page, locked))!
    assert.equal({ x: after.x, y: after.y }, { x: lockedBefore.x, y: lockedBefore.y }, `the locked frame did not move for ${p.name}`)
  }

  // Nor after trying tldraw's own "Lås upp alla" (Unlock all) from the board's menu.
  await clickVisible(ahmed.page.getByTestId('main-menu.button'))
  await clickVisible(ahmed.page.getByTestId('main-menu-sub.edit-button'))
  await clickVisible(ahmed.page.getByTestId('main-menu.unlock-all'))
  await dragFrameByHeading(ahmed.page, locked, { x: 150, y: 100 })
  await sleep(800)
  for (const p of [ahmed, karin]) {
    const after = (await shapePosition(p.page, locked))!
    assert.equal(after, { ...lockedBefore, isLocked: true }, `the frame is still locked and in place for ${p.name}`)
  }
})

test('"Lås tavlan för deltagare" makes the board read-only for participants until unlocked', async () => {
  const { karin, ahmed } = await session('ws2')
  const cardCount = (p: Person) => p.cardTexts().then((t) => t.length)
  const before = await cardCount(karin)

  await clickVisible(button(karin, 'Lås tavlan för deltagare'))
  await eventually(() => ahmed.page.evaluate(() => window.__samverkstadEditor!.getIsReadonly()), (r) => r, 'Ahmed\'s board is read-only')
  await ahmed.page.getByText('Processledaren har låst tavlan.').waitFor()
  assert.not.ok(await karin.page.evaluate(() => window.__samverkstadEditor!.getIsReadonly()), 'the facilitator can still edit')

  // Trying to place a card creates nothing.
  const palette = ahmed.page.getByRole('button', { name: 'Nytt kort: Insikt' })
  if (await palette.count()) await clickVisible(palette)
  const board = (await ahmed.page.getByTestId('board').boundingBox())!
  await ahmed.page.mouse.click(board.x + 300, board.y + 300)
  await sleep(800)
  assert.is(await ahmed.page.locator('textarea.sv-card-input').count(), 0, 'no card opened for typing')
  assert.is(await cardCount(ahmed), before, 'no card on Ahmed\'s board')
  assert.is(await cardCount(karin), before, 'no card on the facilitator\'s board')

  await clickVisible(button(karin, 'Lås upp tavlan'))
  await eventually(() => ahmed.page.evaluate(() => window.__samverkstadEditor!.getIsReadonly()), (r) => !r, 'Ahmed\'s board is editable again')
  await ahmed.writeCard('Insikt', 'Vi har funnit att låset släppte', { x: 300, y: 300 })
  await eventually(() => karin.cardTexts(), (t) => t.includes('Vi har funnit att låset släppte'), 'Ahmed\'s card reaches the facilitator')
})

test.run()
