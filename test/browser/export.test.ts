import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { drawArrow, eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'

const suite = browserSuite(test)
const person = (name: string) => suite.person(name)

async function download(p: Person, label: string): Promise<{ name: string; body: Buffer }> {
  await p.page.getByRole('button', { name: 'Exportera' }).click()
  const [file] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('menuitem', { name: label }).or(p.page.getByRole('button', { name: label })).click()])
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

test.run()
