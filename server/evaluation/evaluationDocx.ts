import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { barCells, BAR_CELLS_PER_STEP, type BarKind, type EvaluationSection } from '../../workshops/evaluation/reportSection'
import { RATING_MAX, RATINGS } from '../../workshops/evaluation/questions'

/**
 * The evaluation section of a Word report. The chart is a table whose
 * shaded cells are the bars: it needs no image pipeline and no service, its
 * numbers are text a screen reader reads and a reader can copy, and it looks
 * the same in Word, LibreOffice and Google Docs, on screen and on paper.
 */

/** Characters XML 1.0 cannot hold. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Bar colours: each at least 3:1 against white (WCAG 1.4.11), and told apart by their label and value as well. */
export const BAR_COLOURS: Record<BarKind, string> = { before: '6C7A89', after: '1864AB', now: '2B8A3E' }

const LABEL_DXA = 1900
const CELL_DXA = 280
const VALUE_DXA = 800
const CELLS = RATING_MAX * BAR_CELLS_PER_STEP
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE }
const AXIS = { style: BorderStyle.SINGLE, size: 4, color: '5C636A' }

const runs = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) => [new TextRun({ text: text.replace(XML_INVALID, ''), ...opts })]
const para = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ children: runs(text, opts), alignment })

function cell(children: Paragraph[], span: number, width: number, extra: { fill?: string; left?: boolean } = {}) {
  return new TableCell({
    children,
    columnSpan: span > 1 ? span : undefined,
    width: { size: width, type: WidthType.DXA },
    borders: { ...NO_BORDERS, ...(extra.left ? { left: AXIS } : {}) },
    shading: extra.fill ? { type: ShadingType.CLEAR, fill: extra.fill, color: 'auto' } : undefined,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  })
}

/** One bar: its label, the filled part of the scale, the rest, and the value as text. */
function barRow(bar: EvaluationSection['questions'][number]['bars'][number]): TableRow {
  const filled = barCells(bar.value)
  const cells = [cell([para(bar.label, { size: 20 })], 1, LABEL_DXA)]
  if (filled > 0) cells.push(cell([para('')], filled, filled * CELL_DXA, { fill: BAR_COLOURS[bar.kind], left: true }))
  if (filled < CELLS) cells.push(cell([para('')], CELLS - filled, (CELLS - filled) * CELL_DXA, { left: filled === 0 }))
  cells.push(cell([para(bar.text, { bold: true, size: 20 })], 1, VALUE_DXA))
  return new TableRow({ children: cells, height: { value: 340, rule: HeightRule.ATLEAST }, cantSplit: true })
}

/** The scale under the bars: 1 … 5, each at the end of its step. */
function axisRow(): TableRow {
  return new TableRow({
    children: [
      cell([para('')], 1, LABEL_DXA),
      ...RATINGS.map((r) => cell([para(String(r), { size: 16 }, AlignmentType.RIGHT)], BAR_CELLS_PER_STEP, BAR_CELLS_PER_STEP * CELL_DXA)),
      cell([para('')], 1, VALUE_DXA),
    ],
  })
}

function chart(bars: EvaluationSection['questions'][number]['bars']): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: LABEL_DXA + CELLS * CELL_DXA + VALUE_DXA, type: WidthType.DXA },
    columnWidths: [LABEL_DXA, ...Array.from({ length: CELLS }, () => CELL_DXA), VALUE_DXA],
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [...bars.map(barRow), axisRow()],
  })
}

function table(header: string[], rows: string[][]): Table {
  const c = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: runs(text, { bold }) })] })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => c(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v) => c(v)) }))],
  })
}

/** The section as Word blocks; `level` 1 in the workshop report (a programme report may nest it). */
export function evaluationDocx(section: EvaluationSection, level: 1 | 2 = 1): Array<Paragraph | Table> {
  const heading = level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2
  const sub = level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3
  const out: Array<Paragraph | Table> = [new Paragraph({ heading, children: runs(section.heading) })]
  for (const line of section.summary) out.push(para(line))
  if (section.questions.length > 0) out.push(para(section.legend, { italics: true }))
  for (const q of section.questions) {
    out.push(new Paragraph({ heading: sub, children: runs(q.text), keepNext: true }))
    out.push(chart(q.bars))
    if (q.change) out.push(para(q.change))
    if (q.note) out.push(para(q.note, { italics: true }))
    if (q.distribution.length > 0) out.push(table(section.distributionHeader, q.distribution))
  }
  for (const t of section.texts) {
    out.push(para(t.question, { bold: true }))
    for (const answer of t.answers) out.push(new Paragraph({ bullet: { level: 0 }, children: runs(answer) }))
  }
  return out
}
