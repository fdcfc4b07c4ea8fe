import { test } from 'uvu'
import * as assert from 'uvu/assert'
import ExcelJS from 'exceljs'
import { pairsToXlsx, safeSheetName, xlsxCellText, XLSX_CELL_MAX } from '../../server/export/xlsx'
import type { Table } from '../../workshops/export/table'

async function read(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  assert.is(workbook.worksheets.length, 1)
  return workbook.worksheets[0]
}

const table: Table = {
  header: ['Insikt', 'Utmaning', 'Stödjande citat', 'Röster', 'Idéer', 'Prototyper', 'Tema'],
  rows: [
    [
      'Vi har funnit att chefer känner sig otrygga',
      'Hur skulle vi kunna stödja cheferna?',
      'Jag känner frustration när det saknas vikarier.\nÅsa: "Öppet samtal"',
      '4',
      'Samtalsguide (1 röst)\nMentor (3 röster)',
      'Verktyg till chefer',
      'Chefens roll; Ledarskap',
    ],
    ['=HYPERLINK("http://x","klicka")', '+1', '-2', '@SUM(A1)', '\tflik', 'åäö ÅÄÖ', ''],
  ],
  widths: [50, 50, 40, 8, 40, 30, 24],
}

test('XLSX: cells read back as written strings; hostile ones neutralised, åäö kept', async () => {
  const buffer = await pairsToXlsx(table, 'Par')
  assert.ok(Buffer.isBuffer(buffer))
  assert.is(buffer.subarray(0, 2).toString('latin1'), 'PK', 'a zip file')
  const sheet = await read(buffer)
  assert.is(sheet.name, 'Par')
  assert.is(sheet.rowCount, 3)
  const values = (row: number) => table.header.map((_, i) => sheet.getRow(row).getCell(i + 1).value)
  assert.equal(values(1), table.header)
  assert.equal(values(2), table.rows[0])
  assert.equal(values(3), [`'=HYPERLINK("http://x","klicka")`, "'+1", "'-2", "'@SUM(A1)", "'\tflik", 'åäö ÅÄÖ', ''])
  for (let row = 1; row <= 3; row++) {
    for (let col = 1; col <= table.header.length; col++) {
      const cell = sheet.getRow(row).getCell(col)
      assert.is(cell.formula, undefined, `no formula in ${cell.address}`)
      assert.is(typeof cell.value, 'string', `string in ${cell.address}`)
    }
  }
})

test('XLSX: bold frozen header, wrapped text, widths, filter', async () => {
  const sheet = await read(await pairsToXlsx(table, 'Par'))
  for (let col = 1; col <= table.header.length; col++) {
    assert.is(sheet.getRow(1).getCell(col).font?.bold, true, `header ${col} bold`)
    assert.not.ok(sheet.getRow(2).getCell(col).font?.bold, `body ${col} not bold`)
    for (let row = 1; row <= 3; row++) assert.is(sheet.getRow(row).getCell(col).alignment?.wrapText, true)
  }
  const view = sheet.views[0] as { state?: string; ySplit?: number }
  assert.is(view.state, 'frozen')
  assert.is(view.ySplit, 1)
  assert.equal(sheet.columns.map((c) => c.width), table.widths)
  assert.ok(sheet.autoFilter, 'header has a filter')
})

test('XLSX: widths guessed when the table has none; empty table has just the header', async () => {
  const sheet = await read(await pairsToXlsx({ header: ['A', 'B'], rows: [['kort', 'x'.repeat(200)]] }, 'S'))
  const [a, b] = sheet.columns.map((c) => c.width!)
  assert.ok(a >= 8 && a < 20)
  assert.is(b, 60)
  const empty = await read(await pairsToXlsx({ header: ['Insikt'], rows: [] }, 'Tom'))
  assert.is(empty.rowCount, 1)
  assert.is(empty.getRow(1).getCell(1).value, 'Insikt')
})

test('XLSX: control characters and over-long cells cannot break the file', async () => {
  const long = 'å'.repeat(XLSX_CELL_MAX + 100)
  const sheet = await read(await pairsToXlsx({ header: ['A'], rows: [['bell\u0007 and nul\u0000 ok'], [long]] }, 'S'))
  assert.is(sheet.getRow(2).getCell(1).value, 'bell and nul ok')
  const cut = sheet.getRow(3).getCell(1).value as string
  assert.is(cut.length, XLSX_CELL_MAX)
  assert.ok(cut.endsWith('…'))
  assert.is(xlsxCellText('😀'.repeat(20000)).length <= XLSX_CELL_MAX, true)
})

test('safeSheetName: Excel rules', () => {
  assert.is(safeSheetName('Insikter/utmaningar: [WS2]?'), 'Insikter utmaningar   WS2')
  assert.is(safeSheetName(''), 'Sheet1')
  assert.is(safeSheetName("'quoted'"), 'quoted')
  assert.is(safeSheetName('History'), 'Sheet1')
  assert.is(safeSheetName('x'.repeat(40)).length, 31)
  assert.is(safeSheetName('Åäö'), 'Åäö')
})

test.run()
