import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, type Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)
const button = (p: Person, name: string | RegExp) => p.page.getByRole('button', { name, exact: typeof name === 'string' })
const onStep = (p: Person, id: string) => eventually(() => p.page.getByTestId('current-step').getAttribute('data-step-id'), (s) => s === id, `${p.name} on ${id}`)
const remainingMinutes = async (p: Person) => Number(await p.page.getByTestId('timer').getAttribute('data-remaining-ms')) / 60_000

test('a new step offers its timebox on the timer: one click starts it for everyone', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Tid' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)

  await clickVisible(button(karin, 'Starta första steget'))
  // The first step's 15 minutes are filled in.
  await clickVisible(button(karin, 'Starta timer (15 min)'))
  await eventually(() => remainingMinutes(ahmed), (m) => m > 14.5 && m <= 15, 'Ahmed sees 15 minutes running')

  // The next step (45 min): the 15 minutes still run, and the step's time is one click away.
  await clickVisible(button(karin, 'Nästa steg'))
  await onStep(karin, 'write-insights')
  await expectReadable(karin.page.getByTestId('timer-offer'))
  await clickVisible(button(karin, 'Starta stegets tid (45 min)'))
  await eventually(() => remainingMinutes(ahmed), (m) => m > 44.5 && m <= 45, 'Ahmed sees the step\'s 45 minutes')
  assert.is(await button(karin, 'Starta stegets tid (45 min)').count(), 0, 'the offer is gone once taken')

  // Stopped, the timer offers the step's minutes, which the facilitator may change.
  await clickVisible(button(karin, 'Stoppa'))
  const minutes = karin.page.getByLabel('Minuter')
  assert.is(await minutes.inputValue(), '45')
  await minutes.fill('5')
  await clickVisible(button(karin, 'Starta timer (5 min)'))
  await eventually(() => remainingMinutes(ahmed), (m) => m > 4.5 && m <= 5, 'Ahmed sees 5 minutes')
})

test('a vote in the step\'s frame warns when it covers no card; the facilitator sees how many have voted', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Röstning' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)
  await clickVisible(button(karin, 'Starta första steget'))
  for (let i = 0; i < 4; i++) await clickVisible(button(karin, 'Nästa steg'))
  await onStep(ahmed, 'vote-challenges')

  await karin.page.getByLabel('Bara kort i det aktuella stegets ram').check()
  const coverage = karin.page.getByTestId('vote-coverage')
  await eventually(() => coverage.innerText(), (t) => t.includes('Omröstningen omfattar inga kort'), 'the facilitator is warned before opening')
  await expectReadable(karin.page.getByTestId('vote-no-cards'))

  // Ahmed adds a challenge in the outline: it lands in the frame the vote is on.
  const outline = ahmed.page.getByTestId('outline')
  await outline.getByLabel('Korttyp').selectOption({ label: 'Utmaning' })
  await outline.getByLabel('Text', { exact: true }).fill('Hur skulle vi kunna stödja cheferna?')
  await clickVisible(outline.getByRole('button', { name: 'Lägg till kort' }))
  await eventually(() => coverage.innerText(), (t) => t.includes('Omröstningen omfattar 1 kort.'), 'the warning goes when a card is there')

  await karin.page.getByLabel('Prickar per person').fill('2')
  await clickVisible(button(karin, 'Starta röstning'))
  const dotsLeft = (n: string) => eventually(() => ahmed.page.getByTestId('dots-left').innerText(), (t) => t.includes(n), `Ahmed: ${n}`)
  await dotsLeft('Du har 2 prickar kvar.')
  await eventually(() => karin.page.getByTestId('vote-progress').innerText(), (t) => t === '0 av 2 har röstat', 'nobody has voted')
  const plus = ahmed.page.locator('.sv-card', { hasText: 'stödja cheferna' }).getByRole('button', { name: 'Lägg en prick på kortet', exact: true })
  await clickVisible(plus)
  await dotsLeft('Du har 1 prick kvar.')
  await eventually(() => karin.page.getByTestId('vote-progress').innerText(), (t) => t === '1 av 2 har röstat', 'the facilitator sees 1 of 2 have voted')
})

test.run()
