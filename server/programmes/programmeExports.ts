import { Document, HeadingLevel, Packer, Paragraph, type Table as DocxTable } from 'docx'
import { docxLanguageStyles } from '../export/docxLanguage'
import { toCsv } from '../../workshops/export/csv'
import { recordsForExport } from '../../workshops/export/exportRecords'
import {
  blockLine,
  buildProgrammeReport,
  chainShown,
  fillIn,
  PROGRAMME_REPORT_LABELS,
  programmeReportToMarkdown,
  workshopPart,
  type ProgrammeReport,
} from '../../workshops/export/programmeReport'
import { evaluationDocx } from '../evaluation/evaluationDocx'
import { flagText, kindLabel, noTraceText, traceToJson, traceToMarkdown, traceToTable, workshopLabel } from '../../workshops/export/traceFormats'
import type { Lang } from '../../workshops/lang'
import { buildTrace, type Trace, type TraceWorkshop } from '../../workshops/programme/trace'
import type { WorkshopExporter, ExportedFile } from '../export/exportWorkshop'
import { fileStem } from '../export/filename'
import { bullet, heading, labelled, reportChildren, runs, table, xmlSafe } from '../export/reportDocx'
import { pairsToXlsx } from '../export/xlsx'
import type { MethodRegistry } from '../methods/loadMethods'
import type { ProgrammeRow } from '../store/programmeStore'
import type { WorkshopStore } from '../store/workshopStore'
import type { ProgrammeService } from './programmeService'

/** Every programme export, by the name used in URLs. */
export const PROGRAMME_EXPORTS = {
  'trace.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'trace.csv': 'text/csv; charset=utf-8',
  'trace.md': 'text/markdown; charset=utf-8',
  'trace.json': 'application/json; charset=utf-8',
  'report.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'report.md': 'text/markdown; charset=utf-8',
} as const

export type ProgrammeExportFormat = keyof typeof PROGRAMME_EXPORTS

export function isProgrammeExport(value: string): value is ProgrammeExportFormat {
  return Object.hasOwn(PROGRAMME_EXPORTS, value)
}

const TRACE_SHEET: Record<Lang, string> = { sv: 'Spårbarhet', en: 'Traceability' }
const TRACE_TITLE: Record<Lang, string> = { sv: 'Spårbarhet', en: 'Traceability' }

export interface ProgrammeExporterDeps {
  programmes: ProgrammeService
  workshops: WorkshopStore
  methods: MethodRegistry
  exporter: WorkshopExporter
}

/** The traceability and the report of a programme, from its workshops' stored boards and facts. */
export class ProgrammeExporter {
  constructor(private readonly deps: ProgrammeExporterDeps) {}

  /** Every board of the programme in order, as the trace reads them. */
  boards(programmeId: string): TraceWorkshop[] {
    return this.deps.programmes.workshopsOf(programmeId).map((w) => ({
      workshopId: w.id,
      method: w.method,
      ...(w.methodTitle ? { methodTitle: w.methodTitle } : {}),
      records: recordsForExport(this.deps.exporter.boardRecords(w.id)),
    }))
  }

  trace(programmeId: string, through?: { workshopId: string; cardId: string }, maxRows?: number): Trace {
    return buildTrace(this.boards(programmeId), { ...(through ? { through } : {}), ...(maxRows ? { maxRows } : {}) })
  }

  report(programme: ProgrammeRow, lang: Lang): ProgrammeReport {
    const listed = this.deps.programmes.workshopsOf(programme.id)
    const boards = this.boards(programme.id)
    const workshops = listed.flatMap((w, i) => {
      const row = this.deps.workshops.get(w.id)
      return row ? [{ report: this.deps.exporter.report(row, lang), state: w.state, records: boards[i].records }] : []
    })
    return buildProgrammeReport({
      lang,
      title: programme.title,
      date: new Intl.DateTimeFormat('sv-SE', { timeZone: this.deps.exporter.timeZone ?? 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(programme.createdAt),
      workshops,
      trace: buildTrace(boards),
    })
  }

  async export(programme: ProgrammeRow, format: ProgrammeExportFormat, lang: Lang, now = new Date()): Promise<ExportedFile> {
    const file = (body: Buffer | string): ExportedFile => ({
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
      contentType: PROGRAMME_EXPORTS[format],
      fileName: `${fileStem(programme.title)}-${format}`,
    })
    if (format.startsWith('trace.')) {
      const trace = this.trace(programme.id)
      switch (format) {
        case 'trace.xlsx':
          return file(await pairsToXlsx(traceToTable(trace, lang), TRACE_SHEET[lang]))
        case 'trace.csv':
          return file(toCsv(traceToTable(trace, lang)))
        case 'trace.md':
          return file(traceToMarkdown(trace, lang, `${programme.title} – ${TRACE_TITLE[lang]}`))
        default:
          return file(traceToJson(trace, { programmeId: programme.id, title: programme.title, exportedAt: now }))
      }
    }
    const report = this.report(programme, lang)
    return file(format === 'report.md' ? programmeReportToMarkdown(report) : await programmeReportToDocx(report))
  }
}

/** The programme report as Word: the same sections as the Markdown. */
export async function programmeReportToDocx(report: ProgrammeReport): Promise<Buffer> {
  const lang = report.lang
  const l = PROGRAMME_REPORT_LABELS[lang]
  const children: Array<Paragraph | DocxTable> = []
  const text = (t: string) => new Paragraph({ children: runs(t) })
  children.push(heading(report.title.trim() || l.empty, HeadingLevel.TITLE), labelled(l.date, report.date))
  children.push(heading(l.workshops, HeadingLevel.HEADING_1))
  report.workshops.forEach((w, i) => children.push(text(`${i + 1}. ${w.report.title} – ${w.report.method} (${l.states[w.state]})`)))
  for (const w of report.workshops) children.push(...reportChildren(workshopPart(w.report), [], 1))

  const shown = chainShown(report)
  children.push(heading(l.chain, HeadingLevel.HEADING_1))
  if (shown.rows.length === 0) children.push(text(noTraceText(lang)))
  shown.rows.forEach((row, i) => {
    const path = row.cells.map((c) => `${kindLabel(c.kind, lang)}: ${c.text.trim() || l.empty} (${workshopLabel(c, lang)})`).join(' → ')
    children.push(text(`${i + 1}. ${path}${row.flag ? ` – ${flagText(row.flag, lang)}` : ''}`))
  })
  if (shown.rows.length < report.trace.rows.length) children.push(text(fillIn(l.chainShown, { shown: shown.rows.length, total: report.trace.rows.length })))

  children.push(heading(l.training, HeadingLevel.HEADING_1))
  if (report.training.length === 0) children.push(text(l.noTraining))
  for (const session of report.training) {
    children.push(heading(session.text === null ? l.withoutSession : session.text.trim() || l.empty, HeadingLevel.HEADING_2))
    for (const block of session.blocks) children.push(bullet(runs(blockLine(block, lang))))
  }

  children.push(heading(l.plans, HeadingLevel.HEADING_1))
  if (report.plans.length === 0) children.push(text(l.noPlans))
  for (const plan of report.plans) {
    children.push(heading(plan.workshop, HeadingLevel.HEADING_2))
    for (const item of plan.items) children.push(bullet(runs(item)))
  }

  if (report.evaluations.length > 0) {
    children.push(heading(l.evaluation, HeadingLevel.HEADING_1))
    for (const { workshop, evaluation } of report.evaluations) children.push(...evaluationDocx({ ...evaluation, heading: workshop }, 2))
  }

  const doc = new Document({ creator: 'Samverkstad', title: xmlSafe(report.title), description: xmlSafe(`${l.report}: ${report.title}`), styles: docxLanguageStyles(lang), sections: [{ children }] })
  return Packer.toBuffer(doc)
}
