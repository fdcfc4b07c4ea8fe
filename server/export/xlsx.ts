import ExcelJS from 'exceljs'
import { neutraliseFormula } from '../../workshops/export/spreadsheetSafe'
import type { Table } from '../../workshops/export/table'

/** Excel's limit on characters in one cell; longer text makes Excel "repair" the file. */
export const XLSX_CELL_MAX = 32767
/** Excel's limit on a sheet name's length. */
const SHEET_NAME_MAX = 31

/** Characters XML 1.0 cannot hold (pasted control characters would make the file unreadable). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A cell's text made safe for XLSX: no formula start, no characters XML forbids, within Excel's length limit. */
export function xlsxCellText(value: string): string {
  let text = neutraliseFormula(value.replace(XML_INVALID, ''))
  if (text.length > XLSX_CELL_MAX) {
    let end = XLSX_CELL_MAX - 1
    // Do not cut a surrogate pair in half.
    if (/[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1
    text = `${text.slice(0, end)}…`
  }
  return text
}

/** A sheet name Excel accepts: no []:*?/\, not empty, no apostrophe at either end, at most 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(XML_INVALID, '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, SHEET_NAME_MAX)
    .trim()
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Sheet1' : cleaned
}

/** A plain decimal number, as the exports write counts and minutes. */
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/

/** Width from the longest line in a column, when the table suggests none. */
function guessWidth(table: Table, column: number): number {
  let longest = 0
  for (const row of [table.header, ...table.rows]) {
    for (const line of (row[column] ?? '').split('\n')) longest = Math.max(longest, line.length)
  }
  return Math.min(60, Math.max(8, longest + 2))
}

/**
 * The table as an XLSX workbook with one sheet: bold frozen header row with a
 * filter, wrapped text aligned to the top, column widths from the table.
 * Every cell is written as a string (never a formula), neutralised like CSV,
 * except numbers in the table's numeric columns.
 */
export async function pairsToXlsx(table: Table, sheetName: string): Promise<Buffer> {
  return sheetsToXlsx([{ name: sheetName, table }])
}

/** Sheet names Excel accepts and tells apart (it compares them case-insensitively): "Plan", "Plan (2)" … */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name) => {
    const base = safeSheetName(name)
    let candidate = base
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`
      candidate = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`
    }
    taken.add(candidate.toLowerCase())
    return candidate
  })
}

/** Several tables as one workbook, a sheet each, written as pairsToXlsx writes its one. */
export async function sheetsToXlsx(sheets: ReadonlyArray<{ name: string; table: Table }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Samverkstad'
  const names = uniqueSheetNames(sheets.map((s) => s.name))
  sheets.forEach(({ table }, i) => addSheet(workbook, names[i], table))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function addSheet(workbook: ExcelJS.Workbook, name: string, table: Table): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  })
  const columnCount = table.rows.reduce((n, row) => Math.max(n, row.length), table.header.length)
  sheet.columns = Array.from({ length: columnCount }, (_, i) => ({
    width: table.widths?.[i] ?? guessWidth(table, i),
  }))

  const numeric = new Set(table.numeric ?? [])
  ;[table.header, ...table.rows].forEach((values, r) => {
    const row = sheet.addRow([])
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1)
      // Counts and minutes are numbers (they sort and sum); anything else in such a column stays text.
      if (r > 0 && numeric.has(i) && NUMBER.test(value ?? '')) cell.value = Number(value)
      // Assigning a string keeps it a string cell; exceljs only writes formulas given as { formula }.
      else cell.value = xlsxCellText(value ?? '')
      cell.alignment = { wrapText: true, vertical: 'top' }
    })
  })
  if (columnCount > 0) {
    const header = sheet.getRow(1)
    for (let i = 1; i <= columnCount; i++) header.getCell(i).font = { bold: true }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } }
  }
}
