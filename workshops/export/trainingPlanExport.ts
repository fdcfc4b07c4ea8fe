import type { CardCatalog } from '../cards/catalog'
import { cardKinds } from '../cards/kinds'
import type { PlanBlock, TrainingPlan } from '../chain/trainingPlan'
import type { Lang } from '../lang'
import type { DocBlock, DocModel } from './document'
import { kindTexts } from './kindText'
import type { Sheet } from './workbook'

type Key =
  | 'plan' | 'sessionN' | 'blockN' | 'length' | 'blocksTotal' | 'overrun' | 'fits' | 'noLength' | 'noSessions' | 'noBlocks'
  | 'unplaced' | 'needs' | 'allNeeds' | 'answers' | 'prototypes' | 'minutes' | 'session' | 'sessionLength' | 'number' | 'needsSheet'

export const TRAINING_PLAN_LABELS: Record<Lang, Record<Key, string>> = {
  sv: {
    plan: 'Utbildningsplan',
    sessionN: 'Tillfälle {n}',
    blockN: 'Block {n}',
    length: 'Längd',
    blocksTotal: 'Blockens tid',
    overrun: 'Blocken tar {n} min längre än tillfället.',
    fits: 'Blocken ryms i tillfället.',
    noLength: 'Tillfällets längd är inte angiven.',
    noSessions: 'Inga tillfällen på tavlan ännu.',
    noBlocks: 'Inga block i tillfället ännu.',
    unplaced: 'Block utan tillfälle',
    needs: 'Behov som inget block svarar mot',
    allNeeds: 'Varje behov på tavlan har ett block som svarar mot det.',
    answers: 'Svarar mot behov',
    prototypes: 'Prototyper',
    minutes: 'min',
    session: 'Tillfälle',
    sessionLength: 'Tillfällets längd (min)',
    number: 'Nr',
    needsSheet: 'Behov utan block',
  },
  en: {
    plan: 'Training plan',
    sessionN: 'Session {n}',
    blockN: 'Block {n}',
    length: 'Length',
    blocksTotal: 'Time of the blocks',
    overrun: 'The blocks take {n} min longer than the session.',
    fits: 'The blocks fit in the session.',
    noLength: 'The length of the session is not given.',
    noSessions: 'No sessions on the board yet.',
    noBlocks: 'No blocks in the session yet.',
    unplaced: 'Blocks without a session',
    needs: 'Needs no block answers',
    allNeeds: 'Every need on the board has a block that answers it.',
    answers: 'Answers the needs',
    prototypes: 'Prototypes',
    minutes: 'min',
    session: 'Session',
    sessionLength: 'Length of the session (min)',
    number: 'No.',
    needsSheet: 'Needs without a block',
  },
}

const fill = (text: string, n: number) => text.replace('{n}', String(n))

/** A session's heading: its card's text ("Tillfälle 1"), or "Tillfälle n" when the card is empty. */
export function sessionTitle(text: string, n: number, lang: Lang): string {
  return text.trim() || fill(TRAINING_PLAN_LABELS[lang].sessionN, n)
}

function blockTitle(block: PlanBlock, n: number, lang: Lang): string {
  const label = fill(TRAINING_PLAN_LABELS[lang].blockN, n)
  const text = block.block.text.trim()
  return text ? `${label}: ${text}` : label
}

function blockBlocks(block: PlanBlock, n: number, lang: Lang, catalog: CardCatalog): DocBlock[] {
  const l = TRAINING_PLAN_LABELS[lang]
  const k = kindTexts(catalog, lang)
  const out: DocBlock[] = [{ type: 'heading', level: 2, text: blockTitle(block, n, lang) }]
  const field = (id: string, value: string) => {
    if (value !== '') out.push({ type: 'field', label: k.field('block', id), value })
  }
  field('type', block.type ? k.value('block', 'type', block.type) : '')
  field('minutes', block.minutes !== null ? k.value('block', 'minutes', block.minutes) : '')
  field('material', block.material)
  field('responsible', block.responsible)
  if (block.needs.length > 0) out.push({ type: 'field', label: l.answers, value: block.needs.map((c) => c.text.trim()).join('; ') })
  if (block.prototypes.length > 0) out.push({ type: 'field', label: l.prototypes, value: block.prototypes.map((c) => c.text.trim()).join('; ') })
  return out
}

/** WS5 as a Word document: each session with its length and blocks (numbered through the plan), then what is missing. */
export function trainingPlanDocument(plan: TrainingPlan, lang: Lang, title: string, catalog: CardCatalog = cardKinds()): DocModel {
  const l = TRAINING_PLAN_LABELS[lang]
  const blocks: DocBlock[] = [{ type: 'heading', level: 0, text: title }, { type: 'paragraph', text: l.plan, italic: true }]
  if (plan.sessions.length === 0) blocks.push({ type: 'paragraph', text: l.noSessions })
  let n = 0
  plan.sessions.forEach((session, i) => {
    blocks.push({ type: 'heading', level: 1, text: sessionTitle(session.session.text, i + 1, lang) })
    blocks.push({ type: 'field', label: l.length, value: session.minutes !== null ? `${session.minutes} ${l.minutes}` : '–' })
    blocks.push({ type: 'field', label: l.blocksTotal, value: `${session.total} ${l.minutes}` })
    if (session.minutes === null) blocks.push({ type: 'paragraph', text: l.noLength, italic: true })
    else blocks.push({ type: 'paragraph', text: session.overrun > 0 ? fill(l.overrun, session.overrun) : l.fits, italic: true })
    if (session.blocks.length === 0) blocks.push({ type: 'paragraph', text: l.noBlocks })
    for (const block of session.blocks) blocks.push(...blockBlocks(block, ++n, lang, catalog))
  })
  if (plan.unplaced.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: l.unplaced })
    for (const block of plan.unplaced) blocks.push(...blockBlocks(block, ++n, lang, catalog))
  }
  blocks.push({ type: 'heading', level: 1, text: l.needs })
  if (plan.needsWithoutBlock.length === 0) blocks.push({ type: 'paragraph', text: l.allNeeds })
  else blocks.push({ type: 'bullets', items: plan.needsWithoutBlock.map((c) => c.text) })
  return { title, description: `${l.plan}: ${title}`, blocks }
}

/** WS5 as a workbook: one row per block (session by session), and the needs no block answers. */
export function trainingPlanSheets(plan: TrainingPlan, lang: Lang, catalog: CardCatalog = cardKinds()): Sheet[] {
  const l = TRAINING_PLAN_LABELS[lang]
  const k = kindTexts(catalog, lang)
  const header = [
    l.session,
    l.sessionLength,
    l.number,
    k.kind('block'),
    k.field('block', 'type'),
    `${k.field('block', 'minutes')} (${l.minutes})`,
    k.field('block', 'material'),
    k.field('block', 'responsible'),
    l.answers,
    l.prototypes,
  ]
  const rows: string[][] = []
  let n = 0
  const row = (session: string, length: string, block: PlanBlock) => [
    session,
    length,
    String(++n),
    block.block.text,
    block.type ? k.value('block', 'type', block.type) : '',
    block.minutes !== null ? String(block.minutes) : '',
    block.material,
    block.responsible,
    block.needs.map((c) => c.text).join('\n'),
    block.prototypes.map((c) => c.text).join('\n'),
  ]
  plan.sessions.forEach((session, i) => {
    const name = sessionTitle(session.session.text, i + 1, lang)
    const length = session.minutes !== null ? String(session.minutes) : ''
    if (session.blocks.length === 0) rows.push([name, length, '', '', '', '', '', '', '', ''])
    for (const block of session.blocks) rows.push(row(name, length, block))
  })
  for (const block of plan.unplaced) rows.push(row('', '', block))
  return [
    { name: l.plan, table: { header, rows, widths: [22, 12, 6, 36, 18, 10, 30, 20, 40, 30], numeric: [1, 2, 5] } },
    { name: l.needsSheet, table: { header: [k.kind('need')], rows: plan.needsWithoutBlock.map((c) => [c.text]), widths: [80] } },
  ]
}
