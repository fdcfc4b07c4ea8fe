import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { drawArrow, eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)

async function download(p: Person, label: string): Promise<{ name: string; body: Buffer }> {
  await clickVisible(p.page.getByRole('button', { name: 'Exportera' }))
  const item = p.page.getByRole('menuitem', { name: label }).or(p.page.getByRole('button', { name: label }))
  await expectReadable(item)
  const [file] = await Promise.all([p.page.waitForEvent('download'), item.click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), body: readFileSync(path) }
}

test('the facilitator downloads the pairs as Excel and the report as Word from the export menu', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Grupp 2 – Värmland' })
  const karin = await person('Karin')
  const ahmed = await person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)
  await karin.writeCard('Insikt', 'Vi har funnit att chefer känner sig otrygga i samtalen', { x: 150, y: 250 })
  await karin.writeCard('Utmaning', 'Hur skulle vi kunna göra cheferna trygga?', { x: 450, y: 480 })
  await drawArrow(karin.page, 'otrygga i samtalen', 'göra cheferna trygga')
  await eventually(() => karin.page.getByTestId('outline-challenge').count(), (n) => n === 1, 'pair in the outline')

  const xlsx = await download(karin, 'Par (Excel)')
  assert.match(xlsx.name, /pairs\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.body as never)
  const sheet = book.worksheets[0]
  assert.is(sheet.getRow(1).getCell(1).text, 'Insikt')
  assert.is(sheet.getRow(2).getCell(1).text, 'Vi har funnit att chefer känner sig otrygga i samtalen')
  assert.is(sheet.getRow(2).getCell(2).text, 'Hur skulle vi kunna göra cheferna trygga?')

  const docx = await download(karin, 'Rapport (Word)')
  assert.match(docx.name, /\.docx$/)
  const zip = await JSZip.loadAsync(docx.body)
  const xml = await zip.file('word/document.xml')!.async('string')
  assert.ok(xml.includes('Grupp 2 – Värmland'), 'the report has the title')
  assert.ok(xml.includes('otrygga i samtalen'), 'the report has the insight')
  assert.ok(Object.keys(zip.files).some((f) => f.startsWith('word/media/')), 'the report has an image of the board')

  // The participant has no export menu, and the server refuses their key anyway.
  await ahmed.page.getByTestId('presence-list').waitFor()
  assert.is(await ahmed.page.getByRole('button', { name: 'Exportera' }).count(), 0)
  const refused = await fetch(`${suite.server.url}/api/workshops/${w.id}/export/pairs.xlsx`, { headers: { authorization: `Bearer ${w.participantKey}` } })
  assert.is(refused.status, 403)
})

test('the export menu can be read, and shows where the pointer and the keyboard focus are', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2' })
  const karin = await person('Karin')
  await karin.join(w.facilitatorUrl)
  const page = karin.page
  const toggle = page.getByRole('button', { name: 'Exportera' })
  // Opened from the keyboard: the first item takes the focus, and the focus shows.
  await toggle.focus()
  await page.keyboard.press('Enter')
  const items = page.locator('.export-menu-item')
  // Four pair formats, two reports, two board images, two workshop files (.zip and .json).
  assert.is(await items.count(), 10)
  for (let i = 0; i < 10; i++) await expectReadable(items.nth(i))
  const look = (i: number) =>
    items.nth(i).evaluate((el) => {
      const s = getComputedStyle(el)
      return { focused: el === document.activeElement, background: s.backgroundColor, outline: `${s.outlineStyle} ${s.outlineWidth}` }
    })
  const first = await look(0)
  const second = await look(1)
  assert.ok(first.focused, 'the first item has the focus')
  assert.match(first.outline, /^solid [2-9]/, `the focused item has a visible outline (${first.outline})`)
  assert.is.not(first.background, second.background, 'the focused item stands out from the others')
  await page.keyboard.press('Tab')
  const tabbed = await look(1)
  assert.ok(tabbed.focused, 'Tab moves to the next item')
  assert.match(tabbed.outline, /^solid [2-9]/)
  await expectReadable(items.nth(1), 'the focused item')

  // Under the pointer an item changes colour and stays readable.
  const idle = await look(3)
  await items.nth(3).hover()
  const hovered = await look(3)
  assert.is.not(hovered.background, idle.background, 'the item under the pointer changes colour')
  await expectReadable(items.nth(3), 'the item under the pointer')
})

test.run()
