import type { TLRecord } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { boardRecordStore } from '../../workshops/doc/boardDoc'
import { stepFrameId } from '../../workshops/templates/placeTemplates'
import { connectClient, waitForSync } from '../helpers/yClient'
import { card } from '../unit/helpers/boardRecords'
import { eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)

const THEMES = ['Ledarskap', 'Resurser', 'Organisation']

/** Theme headings in the outline, each with the quotes listed under it. */
const themesInOutline = (p: Person) =>
  p.page.getByTestId('outline-theme').evaluateAll((els) =>
    els.map((el) => ({
      theme: el.querySelector('h4')?.textContent ?? '',
      quotes: [...el.querySelectorAll('li')].map((li) => li.textContent ?? ''),
    })),
  )

/** The themes a quote's arrows end at, on this person's board. */
const arrowedThemes = (p: Person, quote: string) =>
  p.page.evaluate((text) => {
    const editor = window.__samverkstadEditor!
    const cards = new Map(editor.getCurrentPageShapes().filter((s) => s.type === 'card').map((c) => [c.id as string, c.props as { text: string; kind: string }]))
    const q = [...cards].find(([, props]) => props.text === text)![0]
    const out: string[] = []
    for (const arrow of editor.getCurrentPageShapes().filter((s) => s.type === 'arrow')) {
      const ends = editor.getBindingsFromShape(arrow, 'arrow').map((b) => b.toId as string)
      if (!ends.includes(q)) continue
      for (const id of ends) if (id !== q && cards.get(id)?.kind === 'theme') out.push(cards.get(id)!.text)
    }
    return out.sort()
  }, quote)

test('WS1 grouping: each quote is listed under the theme it sits with, and moves to another theme by keyboard', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws1', title: 'Teman' })
  // Someone has grouped the wall: three themes in a row in "Gruppera i teman", ten quotes under them.
  const frameId = stepFrameId('cluster-themes')
  const script = connectClient(suite.server.wsUrl, w.id, w.facilitatorKey)
  await waitForSync(script)
  const kv = boardRecordStore(script.doc)
  const frame = kv.get(frameId) as Extract<TLRecord, { typeName: 'shape' }>
  const perTheme = [4, 3, 3]
  script.doc.transact(() => {
    kv.set(frameId, { ...frame, props: { ...frame.props, w: 1500, h: 900 } } as TLRecord)
    THEMES.forEach((name, t) => {
      kv.set(`shape:theme-${t}`, card(`theme-${t}`, 'theme', name, { parent: frameId, x: 20 + t * 480, y: 20 }) as unknown as TLRecord)
      for (let i = 0; i < perTheme[t]; i++) {
        const quote = card(`quote-${t}-${i}`, 'quote', `Citat om ${name.toLowerCase()} ${i + 1}`, {
          parent: frameId,
          x: 20 + t * 480 + (i % 2) * 220,
          y: 200 + Math.floor(i / 2) * 160,
        })
        kv.set(quote.id, quote as unknown as TLRecord)
      }
    })
  })
  await new Promise((r) => setTimeout(r, 200))
  script.destroy()

  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)
  const listed = await eventually(() => themesInOutline(karin), (v) => v.length === 3, 'three themes in the outline')
  assert.equal(
    listed.map((t) => [t.theme, t.quotes.length]),
    [
      ['Ledarskap', 4],
      ['Resurser', 3],
      ['Organisation', 3],
    ],
    'each theme lists only its own quotes',
  )
  for (const t of listed) assert.ok(t.quotes.every((q) => q.includes(t.theme.toLowerCase())), `${t.theme}: ${t.quotes.join(' | ')}`)

  // Move a quote to "Resurser" from the outline, by keyboard.
  const quote = 'Citat om ledarskap 1'
  const outline = karin.page.getByTestId('outline')
  await outline.getByRole('button', { name: `Flytta till tema: ${quote}` }).focus()
  await karin.page.keyboard.press('Enter')
  const choice = outline.getByRole('combobox', { name: /^Tema/ })
  await choice.waitFor()
  assert.ok(await choice.evaluate((el) => el === document.activeElement), 'the theme choice has the focus')
  await choice.selectOption({ label: 'Resurser' })
  await karin.page.keyboard.press('Tab')
  await karin.page.keyboard.press('Enter')

  for (const p of [karin, ahmed]) {
    const now = await eventually(
      () => themesInOutline(p),
      (v) => v.find((t) => t.theme === 'Resurser')?.quotes.includes(quote) ?? false,
      `the quote under Resurser for ${p.name}`,
    )
    assert.not.ok(now.find((t) => t.theme === 'Ledarskap')!.quotes.includes(quote), `${p.name}: no longer under Ledarskap`)
    assert.is(now.flatMap((t) => t.quotes).filter((q) => q === quote).length, 1, `${p.name}: listed once`)
  }
  await eventually(() => arrowedThemes(ahmed, quote), (t) => t.join() === 'Resurser', 'an arrow from the quote to Resurser on Ahmed\'s board')

  // Moving it again replaces the arrow: one theme, never two.
  await outline.getByRole('button', { name: `Flytta till tema: ${quote}` }).focus()
  await karin.page.keyboard.press('Enter')
  await outline.getByRole('combobox', { name: /^Tema/ }).selectOption({ label: 'Organisation' })
  await karin.page.keyboard.press('Tab')
  await karin.page.keyboard.press('Enter')
  await eventually(() => arrowedThemes(ahmed, quote), (t) => t.join() === 'Organisation', 'the arrow now ends at Organisation')
  const last = await eventually(
    () => themesInOutline(ahmed),
    (v) => v.find((t) => t.theme === 'Organisation')?.quotes.includes(quote) ?? false,
    'the quote under Organisation',
  )
  assert.equal(last.map((t) => [t.theme, t.quotes.length]), [
    ['Ledarskap', 3],
    ['Resurser', 3],
    ['Organisation', 4],
  ])
})

test.run()
