import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, type Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { signInAsOrganiser } from './helpers/signIn'
import { clickVisible } from './helpers/visible'

const suite = browserSuite(test)
const button = (p: Person, name: string) => p.page.getByRole('button', { name, exact: true })

/** What the page's polite live region holds now (its last few messages). */
const announced = (p: Person) => p.page.getByTestId('announcements').innerText()
const hears = (p: Person, text: string) => eventually(() => announced(p), (t) => t.includes(text), `${p.name} hears "${text}"`)

/** The focused element, as a person would name it, and whether it is visible on screen. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'BODY', name: '', visible: false }
    const r = el.getBoundingClientRect()
    const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
    return { tag: el.tagName, name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), visible }
  })

/** Presses Enter on a button reached by focus, as a keyboard user does. */
async function pressButton(p: Person, name: string): Promise<void> {
  const b = button(p, name)
  await b.waitFor()
  await b.focus()
  await p.page.keyboard.press('Enter')
}

test('one acts, the other hears it: a card, joining, the step, the timer, the vote with its result, dots left, the lock; focus stays where the person was', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Meddelanden' })
  const karin = await suite.person('Karin')
  const ahmed = await suite.person('Ahmed')
  await Promise.all([karin.join(w.facilitatorUrl), ahmed.join(w.participantUrl)])
  // After joining, focus is on the workshop's heading (not lost on <body>).
  const afterJoin = await focused(ahmed.page)
  assert.equal([afterJoin.tag, afterJoin.name, afterJoin.visible], ['H1', 'Meddelanden', true], 'Ahmed starts at the heading')
  await ahmed.page.waitForTimeout(2100) // the people already here when Ahmed came are not news; Bea is

  const bea = await suite.person('Bea')
  await bea.join(w.participantUrl)
  await hears(ahmed, 'Bea anslöt.')

  await karin.writeCard('Utmaning', 'Utmaning Alfa', { x: 200, y: 200 })
  await hears(ahmed, 'Karin lade till ett kort: Utmaning.')

  await pressButton(karin, 'Starta första steget')
  await hears(ahmed, 'Steg 1 av 6: ')

  // The timer's button names the step's timebox ("Starta timer (15 min)").
  await karin.page.getByRole('button', { name: /^Starta timer/ }).focus()
  await karin.page.keyboard.press('Enter')
  await hears(ahmed, 'Timern har startat:')
  await eventually(() => focused(karin.page), (f) => f.name === 'Pausa' && f.visible, 'Karin\'s focus moves to "Pausa"')

  await karin.page.getByLabel('Rösta på korttyp').selectOption({ label: 'Utmaning' })
  await pressButton(karin, 'Starta röstning')
  await hears(ahmed, 'Röstningen har börjat: 3 prickar var.')
  await eventually(() => focused(karin.page), (f) => f.name === 'Avsluta röstningen' && f.visible, 'Karin\'s focus moves to "Avsluta röstningen"')

  // Ahmed votes by keyboard: the dot is counted, he hears what is left, and focus stays on the + he pressed.
  // The step start brought everyone to its frame: Ahmed goes back to the card.
  await ahmed.page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    const card = editor.getCurrentPageShapes().find((s) => s.type === 'card' && (s.props as { text: string }).text === 'Utmaning Alfa')!
    editor.zoomToBounds(editor.getShapePageBounds(card.id)!, { inset: 200, immediate: true })
  })
  const plus = ahmed.page.locator('.sv-card', { hasText: 'Utmaning Alfa' }).getByRole('button', { name: 'Lägg en prick på kortet', exact: true })
  await plus.focus()
  await ahmed.page.keyboard.press('Enter')
  await hears(ahmed, 'Du har 2 prickar kvar.')
  // One dot per card in this vote: the + is disabled now, so focus goes to its neighbour, the −.
  await eventually(() => focused(ahmed.page), (f) => f.name === 'Ta bort en prick från kortet' && f.visible, 'focus on the card\'s − button')
  await ahmed.page.keyboard.press('Enter')
  await hears(ahmed, 'Du har 3 prickar kvar.')
  // The − is gone with the dot: focus goes back to the + beside it.
  await eventually(() => focused(ahmed.page), (f) => f.name === 'Lägg en prick på kortet' && f.visible, 'focus back on the + button')
  await ahmed.page.keyboard.press('Enter')
  await eventually(() => announced(ahmed), (t) => t.trim().endsWith('Du har 2 prickar kvar.'), 'Ahmed hears 2 dots left again')

  await pressButton(karin, 'Avsluta röstningen')
  await hears(ahmed, 'Röstningen är avslutad. Flest prickar: Utmaning Alfa (1).')
  await eventually(() => focused(karin.page), (f) => f.tag !== 'BODY' && f.visible, 'Karin\'s focus stays in the vote panel')

  await pressButton(karin, 'Lås tavlan för deltagare')
  await hears(ahmed, 'Processledaren har låst tavlan.')
  await pressButton(karin, 'Lås upp tavlan')
  await hears(ahmed, 'Tavlan är upplåst.')

  await bea.page.close({ runBeforeUnload: true })
  await hears(ahmed, 'Bea lämnade workshoppen.')
  // The timer's end is an alert of its own, not in the polite region.
  assert.is(await ahmed.page.getByTestId('announcements').getAttribute('aria-live'), 'polite')
})

test('creating a workshop on the start page moves focus to what was made', async () => {
  const karin = await suite.person('Karin')
  await signInAsOrganiser(karin, suite.server)
  await karin.page.getByText('Idégenerering och prototyper', { exact: true }).click()
  await karin.page.getByLabel('Workshopens namn').fill('Fokus')
  await clickVisible(karin.page.getByRole('button', { name: 'Skapa workshop' }))
  await karin.page.getByTestId('facilitator-link').waitFor()
  const f = await focused(karin.page)
  assert.equal([f.tag, f.visible], ['H2', true], `focus on the heading of the new workshop's links (${f.name})`)
})

test.run()
