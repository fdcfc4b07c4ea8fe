import ExcelJS from 'exceljs'
import type { Table } from '../../workshops/export/table'
import { safeSheetName, xlsxCellText } from '../export/xlsx'

/** Several tables as one workbook, a sheet each: bold frozen header, wrapped text, every cell a string (never a formula). */
export async function tablesToXlsx(sheets: ReadonlyArray<{ name: string; table: Table }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Samverkstad'
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(safeSheetName(name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
    sheet.columns = table.header.map((_, i) => ({ width: table.widths?.[i] ?? 16 }))
    for (const values of [table.header, ...table.rows]) {
      const row = sheet.addRow([])
      values.forEach((value, i) => {
        const cell = row.getCell(i + 1)
        cell.value = xlsxCellText(value ?? '')
        cell.alignment = { wrapText: true, vertical: 'top' }
      })
    }
    sheet.getRow(1).font = { bold: true }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
