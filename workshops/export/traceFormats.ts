import { cardKinds, isCardKind } from '../cards/kinds'
import type { Lang, Localized } from '../lang'
import type { Trace, TraceCell, TraceFlag } from '../programme/trace'
import { escapeMarkdown } from './markdown'
import type { Table } from './table'

/** Names of the traced kinds this server's card list does not have yet (the WS4–WS8 kinds). */
const OTHER_KIND_LABELS: Record<string, Localized> = {
  feedback: { sv: 'Återkoppling', en: 'Feedback' },
  block: { sv: 'Utbildningsblock', en: 'Training block' },
  scene: { sv: 'Scen', en: 'Scene' },
  exercise: { sv: 'Övning', en: 'Exercise' },
  activity: { sv: 'Aktivitet', en: 'Activity' },
}

export function kindLabel(kind: string, lang: Lang): string {
  if (isCardKind(kind)) return cardKinds().label(kind, lang)
  return OTHER_KIND_LABELS[kind]?.[lang] ?? kind
}

const LABELS: Record<Lang, { flag: string; empty: string; none: string; truncated: string; flags: Record<TraceFlag, string> }> = {
  sv: {
    flag: 'Att se över',
    empty: '(tom)',
    none: 'Inga kort att spåra ännu.',
    truncated: 'Fler spår finns än vad som visas här.',
    flags: { 'need-without-growth': 'Inget har vuxit ur det här behovet', 'challenge-without-growth': 'Inget har vuxit ur den här utmaningen' },
  },
  en: {
    flag: 'To look at',
    empty: '(empty)',
    none: 'No cards to trace yet.',
    truncated: 'There are more paths than shown here.',
    flags: { 'need-without-growth': 'Nothing has grown from this need', 'challenge-without-growth': 'Nothing has grown from this challenge' },
  },
}

/** "WS1 Intervjuanalys": the workshop a card was written in. */
export function workshopLabel(cell: Pick<TraceCell, 'method' | 'methodTitle'>, lang: Lang): string {
  const id = cell.method.toUpperCase()
  return cell.methodTitle ? `${id} ${cell.methodTitle[lang]}` : id
}

/** A cell: the card's text and, in brackets, its workshop. */
export function cellText(cell: TraceCell, lang: Lang): string {
  return `${cell.text.trim() || LABELS[lang].empty} (${workshopLabel(cell, lang)})`
}

/** What the trace says when there is nothing to trace yet. */
export function noTraceText(lang: Lang): string {
  return LABELS[lang].none
}

export function flagText(flag: TraceFlag | null, lang: Lang): string {
  return flag ? LABELS[lang].flags[flag] : ''
}

/** One row per path, one column per kind of the chain, and the flag last: for XLSX and CSV. */
export function traceToTable(trace: Trace, lang: Lang): Table {
  const header = [...trace.columns.map((k) => kindLabel(k, lang)), LABELS[lang].flag]
  const rows = trace.rows.map((row) => {
    const byKind = new Map(row.cells.map((c) => [c.kind, c]))
    return [...trace.columns.map((k) => (byKind.has(k) ? cellText(byKind.get(k)!, lang) : '')), flagText(row.flag, lang)]
  })
  if (trace.truncated) rows.push([LABELS[lang].truncated, ...trace.columns.map(() => '')])
  return { header, rows, widths: [...trace.columns.map(() => 36), 30] }
}

/** The paths as a Markdown list: "Citat: … (WS1 …) → Tema: … → …", flagged ones marked. */
export function traceToMarkdown(trace: Trace, lang: Lang, title: string, headingLevel = 1): string {
  const l = LABELS[lang]
  const out = [`${'#'.repeat(headingLevel)} ${escapeMarkdown(title) || l.empty}`, '']
  if (trace.rows.length === 0) out.push(l.none, '')
  trace.rows.forEach((row, i) => {
    const path = row.cells.map((c) => `${kindLabel(c.kind, lang)}: ${escapeMarkdown(c.text) || l.empty} (${escapeMarkdown(workshopLabel(c, lang))})`).join(' → ')
    out.push(`${i + 1}. ${path}${row.flag ? ` – **${flagText(row.flag, lang)}**` : ''}`)
  })
  if (trace.rows.length > 0) out.push('')
  if (trace.truncated) out.push(l.truncated, '')
  return out.join('\n')
}

export interface TraceJsonMeta {
  programmeId: string
  title: string
  exportedAt: Date
}

/** The trace as JSON: `{"format": "samverkstad.trace", "version": 1, …}`, each cell with its workshop and card. */
export function traceToJson(trace: Trace, meta: TraceJsonMeta): string {
  return `${JSON.stringify(
    {
      format: 'samverkstad.trace',
      version: 1,
      programme: { id: meta.programmeId, title: meta.title },
      exportedAt: meta.exportedAt.toISOString(),
      columns: trace.columns,
      truncated: trace.truncated,
      rows: trace.rows.map((row) => ({
        flag: row.flag,
        cells: row.cells.map((c) => ({ kind: c.kind, text: c.text, workshop: { id: c.workshopId, method: c.method }, card: c.card })),
      })),
    },
    null,
    2,
  )}\n`
}
