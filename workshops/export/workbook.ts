import type { Table } from './table'

/** One sheet of a workbook export: its name (made safe for Excel by the writer) and its table. */
export interface Sheet {
  name: string
  table: Table
}
