import { escapeMarkdown } from './markdown'

/**
 * A printable document as plain data: what the Word exports (manuscript,
 * training plan, exercise cards) hold, built by pure functions here and
 * written as DOCX on the server (server/export/documentDocx.ts), or as
 * Markdown below, so every writer says the same.
 */
export type DocBlock =
  /** Level 0 is the document's title. */
  | { type: 'heading'; level: 0 | 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; italic?: boolean }
  /** "Label: value" with the label in bold; user text keeps its line breaks. */
  | { type: 'field'; label: string; value: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  /** What follows starts on a new page (one exercise card per page). */
  | { type: 'pageBreak' }

export interface DocModel {
  title: string
  /** The file's description property ("Utbildningsplan: …"). */
  description: string
  blocks: DocBlock[]
}

/** The document as Markdown; user text is escaped so it shows as typed. A page break is a rule. */
export function documentToMarkdown(doc: DocModel, empty = '–'): string {
  const esc = (text: string) => escapeMarkdown(text) || empty
  const cell = (text: string) => escapeMarkdown(text)
  const out: string[] = []
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
        out.push(`${'#'.repeat(block.level + 1)} ${esc(block.text)}`, '')
        break
      case 'paragraph':
        out.push(block.italic ? `*${esc(block.text)}*` : esc(block.text), '')
        break
      case 'field':
        out.push(`**${escapeMarkdown(block.label)}:** ${esc(block.value)}`, '')
        break
      case 'bullets':
        out.push(...block.items.map((item) => `- ${esc(item)}`), '')
        break
      case 'table':
        out.push(`| ${block.header.map(cell).join(' | ')} |`, `| ${block.header.map(() => '---').join(' | ')} |`)
        out.push(...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`), '')
        break
      case 'pageBreak':
        out.push('---', '')
        break
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}
