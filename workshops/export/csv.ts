import { neutraliseFormula } from './spreadsheetSafe'
import type { Table } from './table'

const BOM = '\uFEFF'
const SEPARATOR = ';'
const LINE_END = '\r\n'

function field(value: string): string {
  const safe = neutraliseFormula(value)
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * CSV that opens right in Swedish Excel: UTF-8 with a byte order mark,
 * semicolons between fields, CRLF after every line, fields quoted when needed,
 * formulas neutralised.
 */
export function toCsv(table: Pick<Table, 'header' | 'rows'>): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(field).join(SEPARATOR) + LINE_END)
  return BOM + lines.join('')
}
