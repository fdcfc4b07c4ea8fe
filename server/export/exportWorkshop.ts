import { buildChain } from '../../workshops/chain/buildChain'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { toCsv } from '../../workshops/export/csv'
import { recordsForExport } from '../../workshops/export/exportRecords'
import { pairsToJson } from '../../workshops/export/json'
import { pairsToMarkdown } from '../../workshops/export/markdown'
import { pairsToRows } from '../../workshops/export/pairRows'
import { buildReport, reportToMarkdown, type EvaluationResults, type Report } from '../../workshops/export/report'
import { buildWorkshopFile, workshopFileToJson } from '../../workshops/export/workshopFile'
import type { Lang } from '../../workshops/lang'
import type { MethodRegistry } from '../methods/loadMethods'
import type { DocStore } from '../store/docStore'
import type { WorkshopRow } from '../store/workshopStore'
import type { WorkshopFacts } from '../workshops/facts'
import { boardMedia, boardMediaMarkdown } from '../../workshops/export/boardMedia'
import type { MediaStore } from '../media/mediaStore'
import type { BoardImageStore } from './boardImages'
import { framesWithCards } from '../../workshops/export/boardFrames'
import { mediaParagraphs } from './reportMedia'
import { fileStem } from './filename'
import { reportToDocx } from './reportDocx'
import { pairsToXlsx, sheetsToXlsx } from './xlsx'
import { documentToDocx } from './documentDocx'
import { readBoard } from '../../workshops/chain/board'
import { buildExercises } from '../../workshops/chain/exercises'
import { buildFeedback } from '../../workshops/chain/feedback'
import { buildPlans } from '../../workshops/chain/plans'
import { buildStoryboard } from '../../workshops/chain/storyboard'
import { buildTrainingPlan } from '../../workshops/chain/trainingPlan'
import { exerciseCardsDocument } from '../../workshops/export/exerciseCardsExport'
import { feedbackToMarkdown, feedbackToRows } from '../../workshops/export/feedbackExport'
import { manuscriptDocument, shotListRows } from '../../workshops/export/manuscriptExport'
import { METHOD_EXPORTS, type MethodExportFile } from '../../workshops/export/methodExports'
import { plansSheets } from '../../workshops/export/plansExport'
import { trainingPlanDocument, trainingPlanSheets } from '../../workshops/export/trainingPlanExport'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Every file the exports make, by the name used in URLs and on the command line. */
export const EXPORT_FORMATS = {
  'pairs.xlsx': XLSX,
  'pairs.csv': 'text/csv; charset=utf-8',
  'pairs.md': 'text/markdown; charset=utf-8',
  'pairs.json': 'application/json; charset=utf-8',
  'report.docx': DOCX,
  'report.md': 'text/markdown; charset=utf-8',
  'workshop.json': 'application/json; charset=utf-8',
  // WS4–WS8 (workshops/export/methodExports.ts says which workshop offers which).
  'feedback.xlsx': XLSX,
  'feedback.md': 'text/markdown; charset=utf-8',
  'training-plan.docx': DOCX,
  'training-plan.xlsx': XLSX,
  'manuscript.docx': DOCX,
  'shot-list.xlsx': XLSX,
  'shot-list.csv': 'text/csv; charset=utf-8',
  'exercises.docx': DOCX,
  'plans.xlsx': XLSX,
} as const satisfies Record<string, string> & Record<MethodExportFile, string>

export type ExportFormat = keyof typeof EXPORT_FORMATS

export function isExportFormat(value: string): value is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value)
}

/**
 * WorkshopFacts, optionally with the closing evaluation's results: the report
 * includes them when the facilitation module offers them.
 */
export type ReportFacts = WorkshopFacts & { evaluationResults?(workshopId: string): EvaluationResults | null }

export interface ExportedFile {
  body: Buffer
  contentType: string
  /** "<title>-pairs.xlsx"; may hold any Unicode (see contentDisposition). */
  fileName: string
}

export interface ExporterDeps {
  docs: DocStore
  methods: MethodRegistry
  /** Votes and the agenda as run (already merged with what an imported file brought). */
  facts: ReportFacts
  images: BoardImageStore
  /** The workshops' images, for the report's pictures. */
  media?: MediaStore
  /** Report times and dates are in this zone (config TIME_ZONE); Europe/Stockholm without it. */
  timeZone?: string
}

/** A picture in the report: a frame's (with its name) or the whole board's (name null). */
export interface ReportImage {
  name: string | null
  png: Buffer
  createdAt: number
}

/** When the newest of the pictures was made. */
const latest = (images: readonly ReportImage[]) => (images.length > 0 ? Math.max(...images.map((i) => i.createdAt)) : null)

const SHEET_NAME: Record<Lang, string> = { sv: 'Par', en: 'Pairs' }
const FEEDBACK_SHEET: Record<Lang, string> = { sv: 'Återkoppling', en: 'Feedback' }
const SHOT_LIST_SHEET: Record<Lang, string> = { sv: 'Inspelningslista', en: 'Shot list' }

/** Builds every export of a workshop from its stored board and facts; shared by the HTTP API and the CLI. */
export class WorkshopExporter {
  constructor(private readonly deps: ExporterDeps) {}

  /** The zone the reports' times are in. */
  get timeZone(): string | undefined {
    return this.deps.timeZone
  }

  /** Whether `frameId` is a frame on the workshop's board now. */
  isFrame(workshopId: string, frameId: string): boolean {
    return this.boardRecords(workshopId).some((r) => r.id === frameId && r.typeName === 'shape' && r.type === 'frame')
  }

  /**
   * The report's pictures: one per frame that holds cards now, named by the
   * frame, for those the client has sent; without any such, the last picture
   * of the whole board (clients before frame pictures sent only that).
   */
  reportImages(workshopId: string, records = this.boardRecords(workshopId)): ReportImage[] {
    const stored = this.deps.images.frames(workshopId)
    const frames = framesWithCards(records).flatMap((f) => {
      const image = stored.get(f.id)
      return image ? [{ name: f.name, png: image.png, createdAt: image.createdAt }] : []
    })
    if (frames.length > 0) return frames
    const whole = this.deps.images.get(workshopId)
    return whole ? [{ name: null, png: whole.png, createdAt: whole.createdAt }] : []
  }

  /** Every record on the board, with every edit the server accepted. */
  boardRecords(workshopId: string) {
    const { ydoc } = this.deps.docs.load(workshopId)
    try {
      return readBoardRecords(ydoc)
    } finally {
      ydoc.destroy()
    }
  }

  /** WS4–WS8's exports from the board's cards; null for the other formats. */
  private async methodExport(workshop: WorkshopRow, format: ExportFormat, lang: Lang): Promise<Buffer | string | null> {
    if (!METHOD_EXPORTS.some((group) => (group.files as readonly string[]).includes(format))) return null
    const board = readBoard(recordsForExport(this.boardRecords(workshop.id)))
    const title = workshop.title
    switch (format) {
      case 'feedback.xlsx':
        return sheetsToXlsx([{ name: FEEDBACK_SHEET[lang], table: feedbackToRows(buildFeedback(board), lang) }])
      case 'feedback.md':
        return feedbackToMarkdown(buildFeedback(board), lang, title)
      case 'training-plan.docx':
        return documentToDocx(trainingPlanDocument(buildTrainingPlan(board), lang, title), lang)
      case 'training-plan.xlsx':
        return sheetsToXlsx(trainingPlanSheets(buildTrainingPlan(board), lang))
      case 'manuscript.docx':
        return documentToDocx(manuscriptDocument(buildStoryboard(board), lang, title), lang)
      case 'shot-list.xlsx':
        return sheetsToXlsx([{ name: SHOT_LIST_SHEET[lang], table: shotListRows(buildStoryboard(board), lang) }])
      case 'shot-list.csv':
        return toCsv(shotListRows(buildStoryboard(board), lang))
      case 'exercises.docx':
        return documentToDocx(exerciseCardsDocument(buildExercises(board), lang, title), lang)
      case 'plans.xlsx':
        return sheetsToXlsx(plansSheets(buildPlans(board), lang))
      default:
        return null
    }
  }

  report(workshop: WorkshopRow, lang: Lang): Report {
    const { methods, facts } = this.deps
    return buildReport({
      lang,
      title: workshop.title,
      methodId: workshop.method,
      definition: methods.get(workshop.method) ?? null,
      createdAt: workshop.createdAt,
      records: recordsForExport(this.boardRecords(workshop.id)),
      votes: facts.voteTotals(workshop.id),
      agendaAsRun: facts.agendaAsRun(workshop.id),
      evaluation: facts.evaluationResults?.(workshop.id) ?? null,
      boardImageAt: latest(this.reportImages(workshop.id)),
      timeZone: this.deps.timeZone,
    })
  }

  async export(workshop: WorkshopRow, format: ExportFormat, lang: Lang, now = new Date()): Promise<ExportedFile> {
    const fileName = `${fileStem(workshop.title)}-${format}`
    const file = (body: Buffer | string): ExportedFile => ({
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
      contentType: EXPORT_FORMATS[format],
      fileName,
    })
    const { facts } = this.deps

    if (format.startsWith('pairs.')) {
      const { pairs } = buildChain(recordsForExport(this.boardRecords(workshop.id)), { votes: facts.voteTotals(workshop.id) })
      switch (format) {
        case 'pairs.xlsx':
          return file(await pairsToXlsx(pairsToRows(pairs, lang), SHEET_NAME[lang]))
        case 'pairs.csv':
          return file(toCsv(pairsToRows(pairs, lang)))
        case 'pairs.md':
          return file(pairsToMarkdown(pairs, lang, workshop.title))
        default:
          return file(pairsToJson(pairs, { workshopId: workshop.id, title: workshop.title, method: workshop.method, exportedAt: now }))
      }
    }
    const made = await this.methodExport(workshop, format, lang)
    if (made !== null) return file(made)
    if (format === 'report.md') {
      return file(reportToMarkdown(this.report(workshop, lang)) + boardMediaMarkdown(boardMedia(this.boardRecords(workshop.id)), lang))
    }
    if (format === 'report.docx') {
      const records = this.boardRecords(workshop.id)
      const media = mediaParagraphs(boardMedia(records), lang, workshop.id, this.deps.media)
      return file(await reportToDocx(this.report(workshop, lang), this.reportImages(workshop.id, records), media))
    }
    return file(
      workshopFileToJson(
        buildWorkshopFile({
          method: workshop.method,
          title: workshop.title,
          settings: { ...workshop.settings },
          records: this.boardRecords(workshop.id),
          votes: facts.voteTotals(workshop.id),
          agendaAsRun: facts.agendaAsRun(workshop.id),
          exportedAt: now,
        }),
      ),
    )
  }
}
