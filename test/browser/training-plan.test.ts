import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { templateFrameId } from '../../workshops/templates/placeTemplates'
import { eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)
const PLAN_FRAME = templateFrameId('training-plan')

/** The screen point of a spot in the training plan frame (page units from its top-left). */
async function inPlanFrame(page: Page, dx: number, dy: number): Promise<{ x: number; y: number }> {
  const at: { x: number; y: number } = await page.evaluate(
    ([id, x, y]) => {
      const editor = window.__samverkstadEditor!
      const b = editor.getShapePageBounds(id as never)!
      const p = editor.pageToScreen({ x: b.x + Number(x), y: b.y + Number(y) })
      return { x: p.x, y: p.y }
    },
    [PLAN_FRAME as string, dx, dy] as const,
  )
  return at
}

/** Cards of a kind on this person's board: text and fields. */
const cardsOf = (p: Person, kind: string) =>
  p.page.evaluate(
    (k) =>
      window.__samverkstadEditor!
        .getCurrentPageShapes()
        .filter((s) => s.type === 'card' && (s.props as { kind: string }).kind === k)
        .map((s) => ({ text: (s.props as { text: string }).text, fields: (s.props as { fields: Record<string, unknown> }).fields })),
    kind,
  )

/**
 * Places a card from the palette at a spot in the plan frame, types its title
 * key by key (replacing a starter's "…") and fills fields in the card, as a
 * person does on the board.
 */
async function placeFromPalette(p: Person, kindLabel: string, title: string, at: { dx: number; dy: number }, fields: Record<string, string>): Promise<void> {
  await clickVisible(p.page.getByRole('button', { name: `Nytt kort: ${kindLabel}` }))
  const spot = await inPlanFrame(p.page, at.dx, at.dy)
  await p.page.mouse.click(spot.x, spot.y)
  const card = p.page.locator('.sv-card', { has: p.page.locator('textarea.sv-card-input') })
  await card.waitFor()
  await p.page.keyboard.type(title)
  for (const [label, value] of Object.entries(fields)) {
    const control = card.getByLabel(label, { exact: true })
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption({ label: value })
    else await control.fill(value)
  }
  await p.page.keyboard.press('Escape')
  await p.page.locator('textarea.sv-card-input').waitFor({ state: 'detached' })
}

/**
 * Adds a card from the outline by keyboard: kind, text (typed, so a starter's
 * "…" is replaced as a person's typing replaces it), fields, and which card it
 * goes under.
 */
async function addFromOutline(p: Person, kind: string, text: string, fields: Record<string, string>, owner?: string): Promise<void> {
  const outline = p.page.getByTestId('outline')
  const form = outline.locator('form.outline-add')
  await form.getByLabel('Korttyp').selectOption({ label: kind })
  await form.getByLabel('Text', { exact: true }).focus()
  await p.page.keyboard.type(text)
  for (const [label, value] of Object.entries(fields)) {
    const control = form.getByLabel(label, { exact: true })
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption({ label: value })
    else await control.fill(value)
  }
  if (owner) await form.getByLabel(/^Hör till:/).selectOption({ label: owner })
  await clickVisible(form.getByRole('button', { name: 'Lägg till kort' }))
}

test('WS5: a facilitator plans two sessions of blocks by the palette and the outline, links a block to a need, sees the overrun and downloads the training plan', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws5', title: 'Chefsutbildning Värmland' })
  const karin = await suite.person('Karin')
  await karin.join(w.facilitatorUrl)
  // The left part of the training plan frame in view, where session 1's column goes.
  await karin.page.evaluate((id) => {
    const editor = window.__samverkstadEditor!
    const f = editor.getShapePageBounds(id as never)!
    editor.zoomToBounds({ x: f.x + 100, y: f.y + 120, w: 800, h: 760 }, { inset: 0, immediate: true })
  }, PLAN_FRAME as string)

  // Session 1 and its two blocks on the board, from the palette: 40 + 30 minutes in a 60-minute session.
  await placeFromPalette(karin, 'Tillfälle', '1', { dx: 240, dy: 260 }, { 'Längd (min)': '60' })
  await placeFromPalette(karin, 'Block', 'Annas resa', { dx: 240, dy: 480 }, { Typ: 'Film', 'Tid (min)': '40' })
  await placeFromPalette(karin, 'Block', 'Självinsikt', { dx: 240, dy: 700 }, { Typ: 'Reflektion', 'Tid (min)': '30' })

  // Session 2, its block and a need from the outline, by keyboard.
  await addFromOutline(karin, 'Tillfälle', '2', { 'Längd (min)': '90' })
  await addFromOutline(karin, 'Block', 'Samtalsövningar', { Typ: 'Samtalsövning', 'Tid (min)': '45', Ansvarig: 'HR-strateg' }, 'Tillfälle 2')
  await addFromOutline(karin, 'Behov', 'Ökad kunskap om psykisk hälsa', {})

  await eventually(() => cardsOf(karin, 'session'), (s) => s.length === 2, 'two sessions on the board')
  const sessions = await cardsOf(karin, 'session')
  assert.equal(sessions.map((s) => s.text).sort(), ['Tillfälle 1', 'Tillfälle 2'], 'the palette card took its starter "Tillfälle …" and what was typed')
  assert.equal(sessions.find((s) => s.text === 'Tillfälle 1')!.fields, { minutes: 60 })
  const blocks = await eventually(() => cardsOf(karin, 'block'), (b) => b.length === 3, 'three blocks on the board')
  assert.equal(blocks.find((b) => b.text === 'Annas resa')!.fields, { type: 'film', minutes: 40 })
  assert.equal(blocks.find((b) => b.text === 'Samtalsövningar')!.fields, { type: 'exercise', minutes: 45, responsible: 'HR-strateg' })

  // The need has no block yet: the outline says so, and so does its card on the board.
  const outline = karin.page.getByTestId('outline')
  await expectReadable(outline.getByTestId('outline-needs-without-block').getByText('Ökad kunskap om psykisk hälsa'))

  // Session 1 is overrun by 10 minutes: on the board and in the outline.
  // Brought into view as a person would scroll to it (tldraw hides shapes outside the view).
  await karin.page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    const card = editor.getCurrentPageShapes().find((s) => s.type === 'card' && (s.props as { text: string }).text === 'Tillfälle 1')!
    editor.zoomToBounds(editor.getShapePageBounds(card.id)!, { immediate: true, targetZoom: 1 })
  })
  const sessionCard = karin.page.locator('.sv-card[data-kind="session"]', { hasText: 'Tillfälle 1' })
  await expectReadable(sessionCard.getByText('Blocken: 70 av 60 min – 10 min för mycket'))
  const firstSession = outline.getByTestId('outline-session').filter({ hasText: 'Tillfälle 1' })
  await expectReadable(firstSession.getByText('Blocken tar 10 min längre än tillfället.'))
  assert.match(await firstSession.innerText(), /Annas resa[\s\S]*Självinsikt/, 'the blocks in the order they stand')
  const secondSession = outline.getByTestId('outline-session').filter({ hasText: 'Tillfälle 2' })
  assert.match(await secondSession.innerText(), /45 av 90 min/)
  assert.match(await secondSession.innerText(), /Samtalsövningar/, 'the outline-added block is under the session chosen for it')
  assert.is(await secondSession.getByText('längre än tillfället').count(), 0)

  // Link a block to the need, by keyboard in the outline.
  const blockItem = outline.locator('.outline-card[data-kind="block"]', { hasText: 'Samtalsövningar' })
  await clickVisible(blockItem.getByRole('button', { name: 'Koppla kortet: Samtalsövningar' }))
  await blockItem.getByLabel('Koppla till').selectOption({ label: 'Behov: Ökad kunskap om psykisk hälsa' })
  await clickVisible(blockItem.getByRole('button', { name: 'Koppla', exact: true }))
  await expectReadable(outline.getByText('Varje behov har ett block som svarar mot det.'))
  await expectReadable(secondSession.getByText(/Svarar mot: Ökad kunskap om psykisk hälsa/))

  // The training plan as Word, from the export menu, read back.
  await clickVisible(karin.page.getByRole('button', { name: 'Exportera' }))
  const item = karin.page.getByRole('button', { name: 'Utbildningsplan (Word)' })
  await expectReadable(item)
  const [file] = await Promise.all([karin.page.waitForEvent('download'), item.click()])
  assert.match(file.suggestedFilename(), /training-plan\.docx$/)
  const zip = await JSZip.loadAsync(readFileSync((await file.path())!))
  const xml = await zip.file('word/document.xml')!.async('string')
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }))
  const headings = paragraphs.filter((p) => /Heading|Title/.test(p.style)).map((p) => p.text)
  assert.equal(headings, [
    'Chefsutbildning Värmland',
    'Tillfälle 1',
    'Block 1: Annas resa',
    'Block 2: Självinsikt',
    'Tillfälle 2',
    'Block 3: Samtalsövningar',
    'Behov som inget block svarar mot',
  ])
  const texts = paragraphs.map((p) => p.text)
  assert.ok(texts.includes('Blocken tar 10 min längre än tillfället.'), 'the overrun is in the plan')
  assert.ok(texts.includes('Typ: Samtalsövning'))
  assert.ok(texts.includes('Ansvarig: HR-strateg'))
  assert.ok(texts.includes('Svarar mot behov: Ökad kunskap om psykisk hälsa'))
  assert.equal(karin.errors, [])
})

test.run()
