import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { eventually, type Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'
import { pngSize } from '../../server/export/boardImages'

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

async function addInOutline(p: Person, kind: string, text: string) {
  const outline = p.page.getByTestId('outline')
  await outline.getByLabel('Korttyp').selectOption({ label: kind })
  await outline.getByLabel('Text', { exact: true }).fill(text)
  await clickVisible(outline.getByRole('button', { name: 'Lägg till kort' }))
  await eventually(() => p.cardTexts(), (t) => t.some((x) => x.includes(text)), `"${text}" on the board`)
}

test('the Word report pictures each frame that holds cards, sharp enough to read, under the frame\'s name', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Bilder' })
  const karin = await person('Karin')
  await karin.join(w.facilitatorUrl)
  await clickVisible(button(karin, 'Starta första steget'))
  await clickVisible(button(karin, 'Nästa steg'))
  await onStep(karin, 'write-insights')
  await addInOutline(karin, 'Insikt', 'chefer känner sig otrygga')
  await clickVisible(button(karin, 'Nästa steg'))
  await clickVisible(button(karin, 'Nästa steg'))
  await onStep(karin, 'write-challenges')
  await addInOutline(karin, 'Utmaning', 'göra cheferna trygga')

  await clickVisible(karin.page.getByRole('button', { name: 'Exportera' }))
  const item = karin.page.getByRole('menuitem', { name: 'Rapport (Word)' }).or(karin.page.getByRole('button', { name: 'Rapport (Word)' }))
  await expectReadable(item)
  const [file] = await Promise.all([karin.page.waitForEvent('download'), item.click()])
  const zip = await JSZip.loadAsync(readFileSync((await file.path())!))
  const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))
  assert.is(media.length, 2, `one picture per frame with cards: ${media}`)
  for (const f of media) {
    const size = pngSize(await zip.file(f)!.async('uint8array'))
    // About 1600 px across: a card's text (16 px at 100 %) stays above 10 px printed across the page.
    assert.ok(size && size.width >= 1000, `${f} is ${JSON.stringify(size)}`)
  }
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
  assert.ok(text.includes('2. Skriv insikter') && text.includes('4. Formulera utmaningar'), 'each picture under its frame\'s name')
})

test.run()
