/** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'])

/**
 * Makes a cell read as text in Excel, LibreOffice and Google Sheets: a cell that
 * starts with =, +, -, @, tab or carriage return gets a leading apostrophe.
 */
export function neutraliseFormula(cell: string): string {
  return cell.length > 0 && FORMULA_START.has(cell[0]) ? `'${cell}` : cell
}
