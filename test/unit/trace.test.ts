import type { TLRecord } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { toCsv } from '../../workshops/export/csv'
import { traceToJson, traceToMarkdown, traceToTable } from '../../workshops/export/traceFormats'
import { planCarryOver } from '../../workshops/programme/carryOver'
import { buildTrace, type TraceWorkshop } from '../../workshops/programme/trace'
import { arrow, boardOf, cardIn, definition, ws1Board } from './helpers/programmeBoards'

const apply = (records: TLRecord[], written: readonly TLRecord[]) => {
  const byId = new Map(records.map((r) => [r.id as string, r]))
  for (const r of written) byId.set(r.id, r)
  return [...byId.values()]
}
const bare = (id: string) => id.replace('shape:', '')

/** WS1 → WS2 → WS3 as a working group runs them: carried forward, then grown on in each. */
function fixtureProgramme(): TraceWorkshop[] {
  const ws1 = ws1Board()
  const p2 = planCarryOver({ target: { workshopId: 'W2', definition: definition('ws2'), records: boardOf('ws2') }, sources: [{ workshopId: 'W1', method: 'ws1', records: ws1 }] })
  const quote = (text: string) => bare(p2.placed.find((p) => p.text === text)!.id)
  const ws2 = [
    ...apply(boardOf('ws2'), p2.records),
    cardIn('write-insights', 'i-1', 'insight', 'Vi har funnit att chefer känner sig otrygga.'),
    cardIn('write-challenges', 'c-1', 'challenge', 'Hur skulle vi kunna stödja cheferna?'),
    cardIn('write-challenges', 'c-2', 'challenge', 'Hur skulle vi kunna korta väntan?', { x: 400 }),
    ...arrow('l1', 'i-1', 'c-1'),
    ...arrow('l2', 'i-1', 'c-2'),
    ...arrow('l3', quote('Jag vet inte hur jag ska börja samtalet.'), 'i-1'),
  ] as TLRecord[]
  const p3 = planCarryOver({
    target: { workshopId: 'W3', definition: definition('ws3'), records: boardOf('ws3') },
    sources: [{ workshopId: 'W2', method: 'ws2', records: ws2.map((r) => (r.id === 'shape:c-1' ? ({ ...r, meta: { chosen: true } } as TLRecord) : r)) }],
  })
  const challenge = bare(p3.placed.find((p) => p.kind === 'challenge')!.id)
  const ws3 = [
    ...apply(boardOf('ws3'), p3.records),
    cardIn('brainstorm', 'idea-1', 'idea', 'Samtalsguide', { y: 600 }),
    cardIn('build-prototypes', 'p-1', 'prototype', 'Guide för chefer'),
    ...arrow('m1', challenge, 'idea-1'),
    ...arrow('m2', 'idea-1', 'p-1'),
  ] as TLRecord[]
  return [
    { workshopId: 'W1', method: 'ws1', methodTitle: { sv: 'Intervjuanalys', en: 'Interview analysis' }, records: ws1 },
    { workshopId: 'W2', method: 'ws2', methodTitle: { sv: 'Insikter och utmaningar', en: 'Insights and challenges' }, records: ws2 },
    { workshopId: 'W3', method: 'ws3', methodTitle: { sv: 'Idégenerering och prototyper', en: 'Idea generation and prototypes' }, records: ws3 },
  ]
}

const pathOf = (row: { cells: Array<{ kind: string; text: string; method: string }> }) => row.cells.map((c) => `${c.kind}@${c.method}: ${c.text}`)

test('one row per path from a quote to the furthest card grown from it, across workshops', () => {
  const trace = buildTrace(fixtureProgramme())
  const toPrototype = trace.rows.find((r) => r.cells[r.cells.length - 1].kind === 'prototype')!
  assert.equal(pathOf(toPrototype), [
    'quote@ws1: Jag vet inte hur jag ska börja samtalet.',
    'insight@ws2: Vi har funnit att chefer känner sig otrygga.',
    'challenge@ws2: Hur skulle vi kunna stödja cheferna?',
    'idea@ws3: Samtalsguide',
    'prototype@ws3: Guide för chefer',
  ])
  assert.is(toPrototype.flag, null)
  assert.equal(toPrototype.cells.map((c) => c.workshopId), ['W1', 'W2', 'W2', 'W3', 'W3'], 'each card where it was first written, not its copies')
  assert.equal(trace.columns, ['quote', 'theme', 'need', 'insight', 'challenge', 'idea', 'prototype'])
})

test('a need or challenge nothing grew from is a row of its own, flagged', () => {
  const trace = buildTrace(fixtureProgramme())
  const flagged = trace.rows.filter((r) => r.flag !== null).map((r) => [r.flag, r.cells[r.cells.length - 1].text])
  assert.equal(flagged, [
    ['need-without-growth', 'Stöd i svåra samtal'],
    ['challenge-without-growth', 'Hur skulle vi kunna korta väntan?'],
    ['need-without-growth', 'Fler vikarier'],
    ['need-without-growth', 'Stöd i svåra samtal'],
  ])
  const lone = trace.rows.find((r) => r.cells[0].text === 'Ett citat utanför ramarna')!
  assert.is(lone.cells.length, 1, 'a quote in no theme is a row too')
  // The same quote, carried into WS2 and WS3, is one card: never a row of its own per copy.
  const starts = trace.rows.map((r) => r.cells[0].workshopId)
  assert.ok(starts.every((w) => w === 'W1'), starts.join())
})

test('only the rows through one card (the outline\'s path of a card), from any of its copies', () => {
  const programme = fixtureProgramme()
  const ws3 = programme[2]
  const challengeCopy = (ws3.records as TLRecord[]).find((r) => (r as { props?: { kind?: string } }).props?.kind === 'challenge')!
  const through = buildTrace(programme, { through: { workshopId: 'W3', cardId: challengeCopy.id } })
  assert.equal(through.rows.map((r) => r.cells[r.cells.length - 1].text), ['Guide för chefer'])
  assert.equal(buildTrace(programme, { through: { workshopId: 'W3', cardId: 'shape:nothing' } }).rows, [])
})

test('paths that multiply are cut at maxRows and say so', () => {
  const records = boardOf('ws1', [
    cardIn('cluster-themes', 'q', 'quote', 'Ett citat'),
    ...Array.from({ length: 20 }, (_, i) => [cardIn('identify-needs', `n${i}`, 'need', `Behov ${i}`, { x: 20 + i * 220 }), ...arrow(`a${i}`, 'q', `n${i}`)]).flat(),
  ])
  const trace = buildTrace([{ workshopId: 'W1', method: 'ws1', records }], { maxRows: 5 })
  assert.is(trace.rows.length, 5)
  assert.ok(trace.truncated)
  const table = traceToTable(trace, 'sv')
  assert.is(table.rows[table.rows.length - 1][0], 'Fler spår finns än vad som visas här.')
})

test('table, CSV, Markdown and JSON: each cell the card\'s text with its workshop', () => {
  const trace = buildTrace(fixtureProgramme())
  const table = traceToTable(trace, 'sv')
  assert.equal(table.header, ['Citat', 'Tema', 'Behov', 'Insikt', 'Utmaning', 'Idé', 'Prototyp', 'Att se över'])
  const row = table.rows.find((r) => r[6] !== '')!
  assert.is(row[0], 'Jag vet inte hur jag ska börja samtalet. (WS1 Intervjuanalys)')
  assert.is(row[6], 'Guide för chefer (WS3 Idégenerering och prototyper)')
  assert.is(row[1], '', 'a kind the path skips is an empty cell')
  assert.ok(table.rows.some((r) => r[7] === 'Inget har vuxit ur det här behovet'))
  assert.ok(traceToTable(trace, 'en').header.includes('Challenge'))

  const csv = toCsv(table)
  assert.ok(csv.startsWith('\uFEFFCitat;Tema;'), 'Swedish Excel CSV')
  const md = traceToMarkdown(trace, 'sv', 'KUPO Värmland')
  assert.match(md, /Citat: Jag vet inte hur jag ska börja samtalet\. \(WS1 Intervjuanalys\) → Insikt: /)
  const json = JSON.parse(traceToJson(trace, { programmeId: 'P', title: 'KUPO', exportedAt: new Date(0) }))
  assert.is(json.format, 'samverkstad.trace')
  assert.equal(json.rows[0].cells[0].workshop, { id: 'W1', method: 'ws1' })
})

test.run()
