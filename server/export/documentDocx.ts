import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { DocBlock, DocModel } from '../../workshops/export/document'
import type { Lang } from '../../workshops/lang'
import { docxLanguageStyles } from './docxLanguage'

/** Characters XML 1.0 cannot hold; pasted control characters would make Word refuse the file. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const

/** User text as runs; line breaks in a card stay line breaks. */
function runs(text: string, opts: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text
    .replace(XML_INVALID, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }))
}

function table(header: string[], rows: string[][]): Table {
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
 * A document model (workshops/export/document.ts) as Word: headings as
 * Word's own heading styles (so the navigation pane and a screen reader
 * find them), a page break as a paragraph that starts a new page.
 */
export async function documentToDocx(model: DocModel, lang: Lang): Promise<Buffer> {
  const children: Array<Paragraph | Table> = []
  let breakBefore = false
  const paragraph = (options: ConstructorParameters<typeof Paragraph>[0] & object) => {
    children.push(new Paragraph({ ...options, pageBreakBefore: breakBefore || undefined }))
    breakBefore = false
  }
  for (const block of model.blocks as DocBlock[]) {
    switch (block.type) {
      case 'heading':
        paragraph({ heading: HEADINGS[block.level], children: runs(block.text.trim() || '–') })
        break
      case 'paragraph':
        paragraph({ children: runs(block.text, { italics: block.italic }) })
        break
      case 'field':
        paragraph({ children: [new TextRun({ text: `${block.label.replace(XML_INVALID, '')}: `, bold: true }), ...runs(block.value)] })
        break
      case 'bullets':
        for (const item of block.items) paragraph({ bullet: { level: 0 }, children: runs(item) })
        break
      case 'table':
        children.push(table(block.header, block.rows))
        break
      case 'pageBreak':
        breakBefore = true
        break
    }
  }
  const doc = new Document({
    creator: 'Samverkstad',
    title: model.title.replace(XML_INVALID, ''),
    description: model.description.replace(XML_INVALID, ''),
    styles: docxLanguageStyles(lang),
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
