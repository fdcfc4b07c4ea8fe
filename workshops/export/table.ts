/** A plain table of text: what the spreadsheet exports (CSV, XLSX) write. */
export interface Table {
  header: string[]
  rows: string[][]
  /** Suggested column widths in characters, one per header cell (XLSX uses them). */
  widths?: number[]
}
