import type { CardCatalog } from '../cards/catalog'
import { cardKinds } from '../cards/kinds'
import { VERDICTS, type FeedbackItem, type FeedbackModel } from '../chain/feedback'
import type { Lang } from '../lang'
import { kindTexts } from './kindText'
import { escapeMarkdown } from './markdown'
import type { Table } from './table'

const LABELS: Record<Lang, Record<'none' | 'unmarked' | 'loose' | 'noFeedback' | 'from' | 'empty', string>> = {
  sv: {
    none: 'Inga prototyper på tavlan ännu.',
    unmarked: 'Inte markerad',
    loose: 'Återkoppling utan prototyp',
    noFeedback: 'Ingen återkoppling ännu.',
    from: 'från',
    empty: '(tom)',
  },
  en: {
    none: 'No prototypes on the board yet.',
    unmarked: 'Not marked',
    loose: 'Feedback without a prototype',
    noFeedback: 'No feedback yet.',
    from: 'from',
    empty: '(empty)',
  },
}

function verdictText(k: ReturnType<typeof kindTexts>, item: FeedbackItem, lang: Lang): string {
  return item.verdict ? k.value('feedback', 'verdict', item.verdict) : LABELS[lang].unmarked
}

/** WS4 as a spreadsheet: one row per piece of feedback, prototype by prototype (a prototype without feedback still gets its row). */
export function feedbackToRows(model: FeedbackModel, lang: Lang, catalog: CardCatalog = cardKinds()): Table {
  const k = kindTexts(catalog, lang)
  const header = [
    k.kind('prototype'),
    k.field('feedback', 'verdict'),
    k.kind('feedback'),
    k.field('feedback', 'role'),
    k.field('prototype', 'changes'),
  ]
  const rows: string[][] = []
  for (const entry of model.prototypes) {
    const ordered = [...VERDICTS.flatMap((v) => entry.byVerdict[v]), ...entry.unmarked]
    if (ordered.length === 0) rows.push([entry.prototype.text, '', '', '', entry.changes])
    for (const item of ordered) rows.push([entry.prototype.text, verdictText(k, item, lang), item.card.text, item.role, entry.changes])
  }
  for (const item of model.loose) rows.push(['', verdictText(k, item, lang), item.card.text, item.role, ''])
  return { header, rows, widths: [36, 14, 50, 22, 40] }
}

/** WS4 as Markdown: a section per prototype with what we change and the feedback under works / change / question. */
export function feedbackToMarkdown(model: FeedbackModel, lang: Lang, title: string, catalog: CardCatalog = cardKinds()): string {
  const l = LABELS[lang]
  const k = kindTexts(catalog, lang)
  const esc = (text: string) => escapeMarkdown(text) || l.empty
  const line = (item: FeedbackItem) => `- ${esc(item.card.text)}${item.role ? ` (${l.from} ${escapeMarkdown(item.role)})` : ''}`
  const out: string[] = [`# ${esc(title)}`, '']
  if (model.prototypes.length === 0) out.push(l.none, '')
  for (const entry of model.prototypes) {
    out.push(`## ${esc(entry.prototype.text)}`, '')
    if (entry.changes.trim() !== '') out.push(`**${k.field('prototype', 'changes')}:** ${esc(entry.changes)}`, '')
    if (entry.items.length === 0) out.push(l.noFeedback, '')
    for (const verdict of VERDICTS) {
      const items = entry.byVerdict[verdict]
      if (items.length > 0) out.push(`### ${k.value('feedback', 'verdict', verdict)}`, '', ...items.map(line), '')
    }
    if (entry.unmarked.length > 0) out.push(`### ${l.unmarked}`, '', ...entry.unmarked.map(line), '')
  }
  if (model.loose.length > 0) out.push(`## ${l.loose}`, '', ...model.loose.map((item) => `${line(item)} – ${verdictText(k, item, lang)}`), '')
  return `${out.join('\n').trimEnd()}\n`
}
