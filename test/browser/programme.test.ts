import AxeBuilder from '@axe-core/playwright'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { readOrigin } from '../../workshops/programme/provenance'
import { stepFrameId } from '../../workshops/templates/placeTemplates'
import { writeRecord } from '../helpers/boardEdits'
import { ADMIN_HEADERS, keyOf } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'
import { arrow, cardIn } from '../unit/helpers/programmeBoards'
import { eventually } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { signInAsOrganiser } from './helpers/signIn'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)

interface Created {
  id: string
  facilitatorUrl: string
  participantUrl: string
  workshops: Array<{ id: string; method: string }>
}

async function newProgramme(workshops: string[]): Promise<Created & { ws: Record<string, string> }> {
  const res = await fetch(`${suite.server.url}/api/programmes`, {
    method: 'POST',
    headers: { ...ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'kupo', title: 'KUPO Värmland 2027', workshops }),
  })
  assert.is(res.status, 201)
  const created = (await res.json()) as Created
  return { ...created, ws: Object.fromEntries(created.workshops.map((w) => [w.method, w.id])) }
}

/** A working group's script writes WS1's results, as any y-websocket client could. */
async function writeAs(workshopId: string, key: string, records: readonly object[]): Promise<void> {
  const c = connectClient(suite.server.wsUrl, workshopId, key)
  try {
    await waitForSync(c)
    c.doc.transact(() => {
      for (const r of records) writeRecord(c.doc, r as { id: string })
    })
    const ids = records.map((r) => (r as { id: string }).id)
    await waitFor(() => suite.server.app.sync.withDoc(workshopId, 'board', (doc) => ids.every((id) => readBoardRecords(doc).some((r) => r.id === id))), 'the records on the server')
  } finally {
    c.destroy()
  }
}

const WS1 = [
  cardIn('cluster-themes', 't-lead', 'theme', 'Ledarskap', { x: 20, y: 20 }),
  cardIn('cluster-themes', 't-res', 'theme', 'Resurser', { x: 800, y: 20 }),
  cardIn('cluster-themes', 'q-1', 'quote', 'Jag vet inte hur jag ska börja samtalet.', { x: 20, y: 200 }),
  cardIn('cluster-themes', 'q-2', 'quote', 'Jag känner frustration när det saknas vikarier.', { x: 800, y: 200 }),
  cardIn('identify-needs', 'n-1', 'need', 'Stöd i svåra samtal', { x: 20, y: 20 }),
  ...arrow('a-n1', 'n-1', 't-lead'),
]

test('a facilitator opens WS2 from the programme page and finds WS1\'s themes in "Tillbaka till behoven"; the outline says where they came from and their path', async () => {
  const p = await newProgramme(['ws1', 'ws2', 'ws3'])
  const key = keyOf(p.facilitatorUrl)
  await writeAs(p.ws.ws1, key, WS1)

  const karin = await suite.person('Karin')
  const page = karin.page
  await page.goto(p.facilitatorUrl)
  const rows = page.getByTestId('programme-workshop')
  await eventually(() => rows.count(), (n) => n === 3, 'three workshops listed')
  assert.equal(await rows.evaluateAll((els) => els.map((el) => [el.querySelector('th')?.textContent?.trim(), el.getAttribute('data-state')])), [
    ['1. WS1 Intervjuanalys', 'not-started'],
    ['2. WS2 Insikter och utmaningar', 'not-started'],
    ['3. WS3 Idégenerering och prototyper', 'not-started'],
  ])
  assert.not.ok(page.url().includes('key='), 'the key left the address bar')
  const axe = await new AxeBuilder({ page: page as never }).analyze()
  assert.equal(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), [], 'the programme page: no serious or critical accessibility problems')
  await clickVisible(page.getByRole('link', { name: 'Öppna WS2 Insikter och utmaningar' }))
  await page.getByLabel('Ditt namn').fill('Karin')
  await clickVisible(page.getByRole('button', { name: 'Gå med' }))
  await karin.waitForBoard()
  await expectReadable(page.getByText('Del 2 av 3 i KUPO Värmland 2027'))

  // On the board: the themes are cards inside the first step's frame.
  const themes = await eventually(
    () =>
      page.evaluate((frameId: string): Array<{ text: string; inFrame: boolean }> => {
        const editor = window.__samverkstadEditor!
        const frameBounds = editor.getShapePageBounds(frameId as never) ?? null
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'card' && (s.props as { kind: string }).kind === 'theme')
          .map((s) => ({ text: (s.props as { text: string }).text, inFrame: s.parentId === frameId && !!frameBounds?.contains(editor.getShapePageBounds(s.id)!) }))
      }, stepFrameId('review-needs') as string),
    (v) => v.length === 2,
    'two theme cards on the board',
  )
  assert.equal(themes.map((x) => x.text).sort(), ['Ledarskap', 'Resurser'])
  assert.ok(themes.every((x) => x.inFrame), 'inside "Tillbaka till behoven"')
  // Shown where a person looks: the facilitator moves to the first step, and the frame is in view.
  await clickVisible(page.getByRole('button', { name: 'Starta första steget' }))
  const onScreen = await eventually(
    () =>
      page.evaluate(() => {
        const editor = window.__samverkstadEditor!
        const viewport = editor.getViewportPageBounds()
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'card' && (s.props as { kind: string }).kind === 'theme')
          .filter((s) => viewport.contains(editor.getShapePageBounds(s.id)!)).length
      }),
    (n) => n === 2,
    'both themes in view',
  )
  assert.is(onScreen, 2)

  // The outline: each carried card says where it came from, and a quote's path goes back to its theme in WS1.
  const outline = page.getByTestId('outline')
  const ledarskap = outline.locator('li.outline-card[data-kind=theme]', { hasText: 'Ledarskap' })
  await expectReadable(ledarskap.getByTestId('card-origin'))
  assert.is(await ledarskap.getByTestId('card-origin').textContent(), 'från WS1 Intervjuanalys')
  const quote = outline.locator('li.outline-card[data-kind=quote]', { hasText: 'Jag vet inte hur jag ska börja samtalet.' })
  await clickVisible(quote.getByRole('button', { name: 'Visa spåret för: Jag vet inte hur jag ska börja samtalet.' }))
  const path = quote.getByTestId('card-path')
  await path.getByText(/Tema: Ledarskap \(WS1 Intervjuanalys\)/).waitFor()
  await expectReadable(path.locator('li').first())
  assert.match((await path.locator('li').first().textContent()) ?? '', /Citat: Jag vet inte hur jag ska börja samtalet\. \(WS1 Intervjuanalys\) → Tema: Ledarskap \(WS1 Intervjuanalys\) → Behov: Stöd i svåra samtal/)

  // "Hämta från tidigare workshoppar": nothing new, then the quote WS1 added since.
  const fetchButton = page.getByRole('button', { name: 'Hämta från tidigare workshoppar' })
  await clickVisible(fetchButton)
  await expectReadable(page.getByTestId('carry-result').getByText('Inget nytt att hämta.'))
  await writeAs(p.ws.ws1, key, [cardIn('cluster-themes', 'q-3', 'quote', 'Vi hinner aldrig prata med varandra.', { x: 800, y: 400 })])
  await clickVisible(fetchButton)
  await expectReadable(page.getByTestId('carry-result').getByText('1 kort hämtade.'))
  await outline.locator('li.outline-card[data-kind=quote]', { hasText: 'Vi hinner aldrig prata med varandra.' }).getByTestId('card-origin').waitFor()
})

test('the facilitator marks a challenge "vald" in the outline; everyone sees it, and WS3 starts from it', async () => {
  const p = await newProgramme(['ws2', 'ws3'])
  await writeAs(p.ws.ws2, keyOf(p.facilitatorUrl), [
    cardIn('write-insights', 'i-1', 'insight', 'Vi har funnit att chefer känner sig otrygga i samtal.'),
    cardIn('write-challenges', 'c-1', 'challenge', 'Hur skulle vi kunna stödja cheferna i samtalen?'),
    cardIn('write-challenges', 'c-2', 'challenge', 'Hur skulle vi kunna göra HR lätt att nå?', { x: 240 }),
    ...arrow('l1', 'i-1', 'c-1'),
    ...arrow('l2', 'i-1', 'c-2'),
  ])
  const karin = await suite.person('Karin')
  const ahmed = await suite.person('Ahmed')
  await karin.join(`${suite.server.url}/w/${p.ws.ws2}#key=${keyOf(p.facilitatorUrl)}`)
  await ahmed.join(`${suite.server.url}/w/${p.ws.ws2}#key=${keyOf(p.participantUrl)}`)
  const challenge = (who: typeof karin) => who.page.getByTestId('outline').locator('li.outline-card[data-kind=challenge]', { hasText: 'Hur skulle vi kunna göra HR lätt att nå?' })
  assert.is(await challenge(ahmed).getByRole('button', { name: /Markera som vald/ }).count(), 0, 'participants have no such button')
  await clickVisible(challenge(karin).getByRole('button', { name: 'Markera som vald: Hur skulle vi kunna göra HR lätt att nå?' }))
  await expectReadable(challenge(ahmed).getByTestId('card-chosen'))
  assert.is(await challenge(karin).getByRole('button', { name: /Ta bort markeringen vald/ }).getAttribute('aria-pressed'), 'true')

  // WS3, opened for the first time, holds the chosen challenge and its insight, and not the other.
  const res = await fetch(`${suite.server.url}/api/workshops/${p.ws.ws3}`, { headers: { authorization: `Bearer ${keyOf(p.participantUrl)}` } })
  assert.is(res.status, 200)
  const carried = suite.server.app.sync.withDoc(p.ws.ws3, 'board', (doc) =>
    readBoardRecords(doc)
      .filter((r) => readOrigin(r))
      .map((r) => (r as unknown as { props: { text: string } }).props.text)
      .sort(),
  )
  assert.equal(carried, ['Hur skulle vi kunna göra HR lätt att nå?', 'Vi har funnit att chefer känner sig otrygga i samtal.'])
})

test('an organiser makes a programme on the start page and finds it, with its workshops, in Mina workshoppar', async () => {
  const karin = await suite.person('Karin')
  const page = karin.page
  await signInAsOrganiser(karin, suite.server)
  await clickVisible(page.getByRole('button', { name: 'Skapa ett program …' }))
  await page.getByLabel('Programmets namn').fill('KUPO Värmland 2027')
  // Only the first three this time.
  for (const name of ['WS4 Test av prototyper', 'WS5', 'WS6', 'WS7', 'WS8']) {
    const box = page.getByRole('checkbox', { name: new RegExp(`^${name}`) })
    await expectReadable(box.locator('xpath=..'))
    await box.uncheck()
  }
  await clickVisible(page.getByRole('button', { name: 'Skapa programmet' }))
  const facilitatorLink = await page.getByTestId('programme-facilitator-link').inputValue()
  assert.match(facilitatorLink, /\/p\/[A-Za-z0-9_-]+#key=/)
  const programme = page.getByTestId('my-programme')
  await expectReadable(programme.getByRole('heading', { name: 'KUPO Värmland 2027', exact: true }))
  assert.is(await programme.getByTestId('my-workshop').count(), 3)
  assert.is(await page.getByTestId('my-workshop').count(), 3, 'its workshops are listed under it, not again on their own')
  // The programme page opens from here with the sign-in; "Öppna" gives the organiser a key of their own.
  await clickVisible(programme.getByRole('link', { name: 'Öppna programsidan' }))
  await clickVisible(page.getByRole('button', { name: 'Öppna WS1 Intervjuanalys' }))
  await page.getByLabel('Ditt namn').fill('Karin')
  await clickVisible(page.getByRole('button', { name: 'Gå med' }))
  await karin.waitForBoard()
  await expectReadable(page.locator('.role-badge', { hasText: 'Processledare' }))
  await expectReadable(page.getByRole('button', { name: 'Hämta från tidigare workshoppar' }))
})

test.run()
