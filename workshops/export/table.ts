/** A plain table of text: what the spreadsheet exports (CSV, XLSX) write. */
export interface Table {
  header: string[]
  rows: string[][]
  /** Suggested column widths in characters, one per header cell (XLSX uses them). */
  widths?: number[]
  /** Columns (0-based) that hold counts or minutes: XLSX writes their cells as numbers, so they sort and sum. */
  numeric?: number[]
}
