import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx'
import { docxLanguageStyles } from './docxLanguage'
import { votesLabel } from '../../workshops/export/pairRows'
import { activityDetail, durationText, fill, REPORT_LABELS, type Report } from '../../workshops/export/report'
import { evaluationDocx } from '../evaluation/evaluationDocx'
import { GROUPS_REPORT_LABELS } from '../../workshops/groups/reportSection'
import { pngSize } from './boardImages'

/** Characters XML 1.0 cannot hold; pasted control characters would make Word refuse the file. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Width of the text column on an A4 page with Word's default margins, in pixels at 96 dpi. */
const PAGE_WIDTH_PX = 600
/** Keep a very tall board on one page. */
const PAGE_HEIGHT_PX = 850

/** User text as runs; line breaks in a card stay line breaks. */
export function runs(text: string, opts: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text
    .replace(XML_INVALID, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }))
}

export function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: runs(text) })
}

export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)] })
}

export function bullet(children: ParagraphChild[], level = 0): Paragraph {
  return new Paragraph({ bullet: { level }, children })
}

export function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: runs(text, { bold }) })] })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
    ],
  })
}

/**
 * The image across the text column's whole width (or a page's height, if
 * that is less), keeping its proportions; the PNG's own pixels are finer than
 * the page's, so a frame's cards stay readable in print.
 */
function boardImage(png: Buffer, alt: string): Paragraph | null {
  const size = pngSize(png)
  if (!size) return null
  const scale = Math.min(PAGE_WIDTH_PX / size.width, PAGE_HEIGHT_PX / size.height)
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) },
        altText: { name: 'board', title: alt, description: alt },
      }),
    ],
  })
}

/** A picture for the report's board section: a frame's, under its name, or the whole board's (name null). */
export interface BoardPicture {
  name: string | null
  png: Buffer
}

const LEVELS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5]

/**
 * The report's paragraphs and tables; `depth` 1 makes its title a first-level
 * heading and everything under it one level lower (a workshop's part of a
 * programme's report); `extra` goes at the end (the board's pictures and films).
 */
export function reportChildren(report: Report, images: readonly BoardPicture[], depth = 0, extra: readonly Paragraph[] = []): Array<Paragraph | Table> {
  const level = (n: number) => LEVELS[Math.min(n + depth, LEVELS.length - 1)]
  const l = REPORT_LABELS[report.lang]
  const children: Array<Paragraph | Table> = []
  const minutes = (n: number | null) => (n === null ? '–' : `${n} ${l.minutes}`)

  children.push(heading(report.title.trim() || l.empty, level(0)))
  children.push(labelled(l.method, report.method), labelled(l.date, report.date))

  children.push(heading(report.agenda.asRun ? l.agendaRun : l.agendaPlanned, level(1)))
  if (!report.agenda.asRun) children.push(new Paragraph({ children: runs(l.agendaPlannedNote, { italics: true }) }))
  if (report.agenda.steps.length > 0) {
    children.push(
      report.agenda.asRun
        ? table(
            [l.step, l.start, l.duration, l.planned],
            report.agenda.steps.map((s) => [s.title, s.start ?? '–', durationText(s, report.lang), minutes(s.planned)]),
          )
        : table([l.step, l.planned], report.agenda.steps.map((s) => [s.title, minutes(s.planned)])),
    )
  }

  if (report.themes.length > 0 || report.needs.length > 0 || report.unthemedQuotes.length > 0) {
    children.push(heading(l.themes, level(1)))
    const quote = (text: string) => new Paragraph({ indent: { left: 567 }, children: runs(text, { italics: true }) })
    for (const theme of report.themes) {
      children.push(heading(theme.text.trim() || l.empty, level(2)), ...theme.quotes.map(quote))
      if (theme.needs.length > 0) {
        children.push(new Paragraph({ children: [new TextRun({ text: `${l.needs}:`, bold: true })] }), ...theme.needs.map((n) => bullet(runs(n))))
      }
    }
    if (report.needs.length > 0) children.push(heading(l.allNeeds, level(2)), ...report.needs.map((n) => bullet(runs(n))))
    if (report.unthemedQuotes.length > 0) children.push(heading(l.unthemedQuotes, level(2)), ...report.unthemedQuotes.map(quote))
  }

  children.push(heading(l.pairs, level(1)))
  if (report.pairs.length === 0) children.push(new Paragraph({ children: runs(l.noPairs) }))
  report.pairs.forEach((pair, i) => {
    children.push(heading(`${i + 1}. ${pair.insight.text.trim() || l.empty}`, level(2)))
    children.push(labelled(l.challenge, pair.challenge.text))
    if (pair.theme.trim() !== '') children.push(labelled(l.theme, pair.theme))
    children.push(labelled(l.votes, String(pair.votes)))
    const quotes = pair.quotes.filter((q) => q.text.trim() !== '')
    if (quotes.length > 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: `${l.quotes}:`, bold: true })] }))
      for (const quote of quotes) children.push(new Paragraph({ indent: { left: 567 }, children: runs(quote.text, { italics: true }) }))
    }
    if (pair.ideas.length > 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: `${l.ideas}:`, bold: true })] }))
      for (const idea of pair.ideas) {
        children.push(bullet([...runs(idea.text), new TextRun(` (${votesLabel(idea.votes, report.lang)})`)]))
        for (const p of idea.prototypes) children.push(bullet([new TextRun(`${l.prototype}: `), ...runs(p)], 1))
      }
    }
  })

  children.push(heading(l.topIdeas, level(1)))
  if (report.topIdeas.length === 0) children.push(new Paragraph({ children: runs(l.noVotes) }))
  report.topIdeas.forEach((idea, i) => {
    const challenges = idea.challenges.length > 0 ? ` – ${l.forChallenge} ”${idea.challenges.join('”, ”')}”` : ''
    children.push(
      new Paragraph({
        children: [new TextRun(`${i + 1}. `), ...runs(idea.text, { bold: true }), new TextRun(` (${votesLabel(idea.votes, report.lang)})`), ...runs(challenges)],
      }),
    )
  })

  children.push(heading(l.prototypes, level(1)))
  if (report.prototypes.length === 0) children.push(new Paragraph({ children: runs(l.noPrototypes) }))
  for (const p of report.prototypes) {
    const ideas = p.ideas.length > 0 ? ` – ${l.fromIdea} ”${p.ideas.join('”, ”')}”` : ''
    children.push(bullet([...runs(p.text, { bold: true }), ...runs(ideas)]))
  }

  if (report.plans !== null) {
    children.push(heading(l.plan, level(1)))
    if (report.plans.length === 0) children.push(new Paragraph({ children: runs(l.noPlans) }))
    for (const org of report.plans) {
      children.push(heading(org.name, level(2)))
      if (org.followUp) children.push(labelled(l.followUp, org.followUp))
      if (org.activities.length === 0) children.push(new Paragraph({ children: runs(l.noPlan) }))
      for (const a of org.activities) children.push(bullet([...runs(a.what, { bold: true }), ...runs(activityDetail(a))]))
    }
  } else if (report.plan !== null) {
    children.push(heading(l.plan, level(1)))
    if (report.plan.length === 0) children.push(new Paragraph({ children: runs(l.noPlan) }))
    for (const item of report.plan) children.push(bullet(runs(item.text)))
  }

  if (report.groups) {
    const g = GROUPS_REPORT_LABELS[report.lang]
    children.push(heading(g.heading, level(1)))
    for (const group of report.groups.groups) {
      children.push(heading(group.name, level(2)))
      if (group.cards.length === 0) children.push(new Paragraph({ children: runs(g.empty) }))
      for (const text of group.cards) children.push(bullet(runs(text)))
    }
  }

  if (report.evaluation !== null) children.push(...evaluationDocx(report.evaluation))

  // One picture per frame that holds cards, each under the frame's name.
  const pictures = images.flatMap((image) => {
    const picture = boardImage(image.png, image.name ? `${l.board}: ${image.name}` : `${l.board}: ${report.title}`)
    return picture ? [{ name: image.name, picture }] : []
  })
  if (pictures.length > 0 && report.boardImage) {
    children.push(heading(l.board, level(1)))
    children.push(new Paragraph({ children: runs(fill(l.boardImageAt, { time: report.boardImage.madeAt }), { italics: true }) }))
    for (const { name, picture } of pictures) {
      if (name) children.push(heading(name, level(2)))
      children.push(picture)
    }
  }

  children.push(...extra)
  return children
}

/** The report as a Word document: the same sections as the Markdown, with the board image and `extra` at the end. */
export async function reportToDocx(report: Report, images: readonly BoardPicture[], extra: readonly Paragraph[] = []): Promise<Buffer> {
  const l = REPORT_LABELS[report.lang]
  const doc = new Document({
    creator: 'Samverkstad',
    title: report.title.replace(XML_INVALID, ''),
    description: `${l.report}: ${report.method}`.replace(XML_INVALID, ''),
    styles: docxLanguageStyles(report.lang),
    sections: [{ children: reportChildren(report, images, 0, extra) }],
  })
  return Packer.toBuffer(doc)
}

/** Text made safe for XML 1.0 (document properties). */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '')
}
