import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { documentToDocx } from '../../server/export/documentDocx'
import { reportToDocx } from '../../server/export/reportDocx'
import { sheetsToXlsx } from '../../server/export/xlsx'
import { readBoard } from '../../workshops/chain/board'
import { buildExercises } from '../../workshops/chain/exercises'
import { buildFeedback } from '../../workshops/chain/feedback'
import { buildPlans } from '../../workshops/chain/plans'
import { buildStoryboard } from '../../workshops/chain/storyboard'
import { buildTrainingPlan } from '../../workshops/chain/trainingPlan'
import { toCsv } from '../../workshops/export/csv'
import { documentToMarkdown } from '../../workshops/export/document'
import { exerciseCardsDocument } from '../../workshops/export/exerciseCardsExport'
import { feedbackToMarkdown, feedbackToRows } from '../../workshops/export/feedbackExport'
import { manuscriptDocument, shotListRows } from '../../workshops/export/manuscriptExport'
import { methodExportsFor } from '../../workshops/export/methodExports'
import { plansSheets } from '../../workshops/export/plansExport'
import { buildReport, reportToMarkdown } from '../../workshops/export/report'
import { trainingPlanDocument, trainingPlanSheets } from '../../workshops/export/trainingPlanExport'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { arrow, card, frame } from './helpers/boardRecords'

// --- fixture boards, laid out as people do: a heading card at the top of a column, its parts below --------

const ws4 = [
  frame('test', 'Test av prototyperna', { w: 1400, h: 1200 }),
  card('p1', 'prototype', 'Filmer om chefens roll', { parent: 'test', x: 40, y: 100, fields: { changes: 'Kortare filmer' } }),
  card('p2', 'prototype', 'Informationsmaterial till politiker', { parent: 'test', x: 700, y: 100 }),
  card('f1', 'feedback', 'Korta filmer går att visa på en APT', { parent: 'test', x: 40, y: 300, fields: { verdict: 'works', role: 'enhetschef' } }),
  card('f2', 'feedback', '=Ändra längden till 5 min', { parent: 'test', x: 40, y: 480, fields: { verdict: 'change' } }),
  card('f3', 'feedback', 'Vem visar filmerna?', { parent: 'test', x: 40, y: 660, fields: { verdict: 'question', role: 'rektor' } }),
  card('f4', 'feedback', 'Bra språk', { parent: 'test', x: 700, y: 300 }),
  // Far from p2, but linked to it: the arrow decides.
  card('f5', 'feedback', 'Saknar siffror', { parent: 'test', x: 40, y: 840, fields: { verdict: 'change' } }),
  ...arrow('a-f5', 'f5', 'p2'),
  card('loose', 'feedback', 'Utanför ramen', { x: 3000, y: 0, fields: { verdict: 'works' } }),
]

const ws5 = [
  frame('plan', 'Utbildningsplan', { w: 1400, h: 1400 }),
  card('s2', 'session', 'Tillfälle 2', { parent: 'plan', x: 700, y: 100, fields: { minutes: 90 } }),
  card('s1', 'session', 'Tillfälle 1', { parent: 'plan', x: 40, y: 110, fields: { minutes: 60 } }),
  card('b1', 'block', 'Annas resa', { parent: 'plan', x: 40, y: 300, fields: { type: 'film', minutes: 40, material: 'Filmen', responsible: 'HR' } }),
  card('b2', 'block', 'Självinsikt', { parent: 'plan', x: 40, y: 520, fields: { type: 'reflection', minutes: 30 } }),
  card('b3', 'block', 'Filmer om chefens roll', { parent: 'plan', x: 700, y: 300, fields: { type: 'film', minutes: 45 } }),
  card('b4', 'block', 'Samtalsövningar', { parent: 'plan', x: 700, y: 520, fields: { type: 'exercise', minutes: 45 } }),
  card('b5', 'block', 'Ej placerat', { x: 3000, y: 0 }),
  card('n1', 'need', 'Ökad kunskap om psykisk hälsa', { x: 0, y: 2000 }),
  card('n2', 'need', 'Minska administrativa uppgifter', { x: 300, y: 2000 }),
  card('proto', 'prototype', 'Verktyg till chefer', { x: 600, y: 2000 }),
  ...arrow('a-b1-n1', 'b1', 'n1'),
  ...arrow('a-b4-proto', 'b4', 'proto'),
]

const ws6 = [
  frame('story', 'Storyboard', { w: 1600, h: 1200 }),
  card('sc2', 'scene', 'Chefen frågar hur Anna mår', { parent: 'story', x: 300, y: 90, fields: { place: 'Chefens rum', who: 'Anna, chefen' } }),
  card('sc1', 'scene', 'Anna kommer sent igen', { parent: 'story', x: 20, y: 110, fields: { place: 'Personalrummet', who: 'Anna, kollegor' } }),
  card('l1', 'line', 'Hur har du det egentligen?', { parent: 'story', x: 300, y: 300, fields: { speaker: 'Chefen' } }),
  card('l2', 'line', 'Det är lugnt.', { parent: 'story', x: 300, y: 460 }),
  card('role', 'role', 'Sjuksköterska, 36 år, utmattad', { x: 0, y: 3000, fields: { name: 'Anna' } }),
  ...arrow('a-l2-role', 'l2', 'role'),
  card('sh1', 'shot', 'Anna vid kaffeautomaten', { parent: 'story', x: 20, y: 300, fields: { place: 'Personalrummet', who: 'Anna', props: 'Kaffekopp', minutes: 10 } }),
  card('sh2', 'shot', 'Samtalet', { parent: 'story', x: 300, y: 640, fields: { minutes: 20 } }),
]

const ws7 = [
  card('e1', 'exercise', 'Den tysta medarbetaren', {
    fields: {
      situation: 'En medarbetare har börjat dra sig undan.',
      manager: 'Du har märkt att Sara är tyst.',
      employee: 'Du sover dåligt.',
      observer: 'Lägg märke till frågorna.',
      questions: 'Hur har du det?\n\nVad behöver du av mig?',
    },
  }),
  card('e2', 'exercise', 'Sjukskriven och tillbaka', { y: 400, fields: { situation: 'Första dagen tillbaka.' } }),
]

const ws8 = [
  frame('plans', 'Planer', { w: 1400, h: 1200 }),
  card('o1', 'organisation', 'Arvika kommun', { parent: 'plans', x: 40, y: 100, fields: { followUp: '2027-03-15' } }),
  card('o2', 'organisation', 'Region Värmland', { parent: 'plans', x: 700, y: 100 }),
  card('act1', 'activity', 'Utbildning för alla första linjens chefer', { parent: 'plans', x: 40, y: 300, fields: { who: 'HR-strateg', when: 'hösten' } }),
  card('act2', 'activity', 'Ta upp planen i ledningsgruppen', { parent: 'plans', x: 40, y: 480 }),
  card('act3', 'activity', 'Samtalsövningar på APT', { parent: 'plans', x: 700, y: 300, fields: { who: 'Enhetschefer' } }),
]

// --- reading files back ---------------------------------------------------------------------------------

async function cellsOf(xlsx: Buffer): Promise<Array<{ name: string; rows: string[][] }>> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx as never)
  return book.worksheets.map((sheet) => {
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))))
    return { name: sheet.name, rows }
  })
}

/** Each paragraph of a Word file: its style (Title, Heading1 …) and text, and whether a new page starts there. */
async function paragraphsOf(docx: Buffer): Promise<Array<{ style: string; text: string; newPage: boolean }>> {
  const zip = await JSZip.loadAsync(docx)
  const xml = await zip.file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    newPage: m[0].includes('<w:pageBreakBefore'),
  }))
}
const headingsOf = (ps: Awaited<ReturnType<typeof paragraphsOf>>) => ps.filter((p) => /Title|Heading/.test(p.style)).map((p) => p.text)

// --- WS4 ------------------------------------------------------------------------------------------------

test('WS4: feedback belongs to the prototype it is linked to, or else the nearest in its frame', () => {
  const model = buildFeedback(readBoard(ws4))
  const [p1, p2] = model.prototypes
  assert.is(p1.prototype.text, 'Filmer om chefens roll')
  assert.equal(p1.byVerdict.works.map((i) => [i.card.text, i.role]), [['Korta filmer går att visa på en APT', 'enhetschef']])
  assert.equal(p1.byVerdict.change.map((i) => i.card.text), ['=Ändra längden till 5 min'])
  assert.equal(p1.byVerdict.question.map((i) => i.role), ['rektor'])
  assert.is(p1.changes, 'Kortare filmer')
  assert.equal(p2.items.map((i) => i.card.text), ['Bra språk', 'Saknar siffror'])
  assert.equal(p2.unmarked.map((i) => i.card.text), ['Bra språk'])
  assert.equal(model.loose.map((i) => i.card.text), ['Utanför ramen'])
})

test('WS4 export: a spreadsheet row per piece of feedback (cells escaped), and Markdown per prototype', async () => {
  const model = buildFeedback(readBoard(ws4))
  const [sheet] = await cellsOf(await sheetsToXlsx([{ name: 'Återkoppling', table: feedbackToRows(model, 'sv') }]))
  assert.equal(sheet.rows[0], ['Prototyp', 'Vad säger den', 'Återkoppling', 'Vem gav den (roll, inget namn)', 'Det här ändrar vi'])
  assert.equal(sheet.rows.slice(1, 4), [
    ['Filmer om chefens roll', 'Fungerar', 'Korta filmer går att visa på en APT', 'enhetschef', 'Kortare filmer'],
    ['Filmer om chefens roll', 'Ändra', "'=Ändra längden till 5 min", '', 'Kortare filmer'],
    ['Filmer om chefens roll', 'Fråga', 'Vem visar filmerna?', 'rektor', 'Kortare filmer'],
  ])
  assert.equal(sheet.rows[4].slice(0, 3), ['Informationsmaterial till politiker', 'Ändra', 'Saknar siffror'])
  assert.equal(sheet.rows[5].slice(0, 3), ['Informationsmaterial till politiker', 'Inte markerad', 'Bra språk'])
  assert.equal(sheet.rows[6].slice(0, 3), ['', 'Fungerar', 'Utanför ramen'])
  assert.is(feedbackToRows(model, 'en').header[1], 'What it says')

  const md = feedbackToMarkdown(model, 'sv', 'Test <grupp>')
  assert.match(md, '# Test \\<grupp\\>')
  assert.match(md, '## Filmer om chefens roll\n\n**Det här ändrar vi:** Kortare filmer\n\n### Fungerar\n\n- Korta filmer går att visa på en APT (från enhetschef)')
  assert.match(md, '### Ändra\n\n- \\=Ändra längden till 5 min', 'a line starting with = stays text')
  assert.match(md, '### Inte markerad\n\n- Bra språk')
  assert.match(md, '## Återkoppling utan prototyp')
})

// --- WS5 ------------------------------------------------------------------------------------------------

test('WS5: sessions in reading order, blocks top to bottom, the overrun and the needs no block answers', () => {
  const plan = buildTrainingPlan(readBoard(ws5))
  assert.equal(plan.sessions.map((s) => s.session.text), ['Tillfälle 1', 'Tillfälle 2'], 'left to right, though session 2 sits a little higher')
  const [one, two] = plan.sessions
  assert.equal(one.blocks.map((b) => b.block.text), ['Annas resa', 'Självinsikt'])
  assert.equal([one.total, one.minutes, one.overrun], [70, 60, 10])
  assert.equal([two.total, two.minutes, two.overrun], [90, 90, 0])
  assert.equal(one.blocks[0].needs.map((n) => n.text), ['Ökad kunskap om psykisk hälsa'])
  assert.equal(two.blocks[1].prototypes.map((p) => p.text), ['Verktyg till chefer'])
  assert.equal(plan.unplaced.map((b) => b.block.text), ['Ej placerat'])
  assert.equal(plan.needsWithoutBlock.map((n) => n.text), ['Minska administrativa uppgifter'])
})

test('WS5 export: the training plan as Word (sessions, numbered blocks, checks) and as Excel', async () => {
  const plan = buildTrainingPlan(readBoard(ws5))
  const ps = await paragraphsOf(await documentToDocx(trainingPlanDocument(plan, 'sv', 'Chefsutbildning'), 'sv'))
  assert.equal(headingsOf(ps), [
    'Chefsutbildning',
    'Tillfälle 1',
    'Block 1: Annas resa',
    'Block 2: Självinsikt',
    'Tillfälle 2',
    'Block 3: Filmer om chefens roll',
    'Block 4: Samtalsövningar',
    'Block utan tillfälle',
    'Block 5: Ej placerat',
    'Behov som inget block svarar mot',
  ])
  assert.is(ps.find((p) => p.text === 'Chefsutbildning')!.style, 'Title')
  const texts = ps.map((p) => p.text)
  for (const line of ['Längd: 60 min', 'Blockens tid: 70 min', 'Blocken tar 10 min längre än tillfället.', 'Blocken ryms i tillfället.', 'Typ: Film', 'Tid: 40 min', 'Material: Filmen', 'Ansvarig: HR', 'Svarar mot behov: Ökad kunskap om psykisk hälsa', 'Prototyper: Verktyg till chefer', 'Minska administrativa uppgifter']) {
    assert.ok(texts.includes(line), line)
  }
  assert.match(documentToMarkdown(trainingPlanDocument(plan, 'en', 'Plan')), '## Tillfälle 1\n\n**Length:** 60 min')

  const [sheet, needs] = await cellsOf(await sheetsToXlsx(trainingPlanSheets(plan, 'sv')))
  assert.is(sheet.name, 'Utbildningsplan')
  assert.equal(sheet.rows[0], ['Tillfälle', 'Tillfällets längd (min)', 'Nr', 'Block', 'Typ', 'Tid (min)', 'Material', 'Ansvarig', 'Svarar mot behov', 'Prototyper'])
  assert.equal(sheet.rows[1], ['Tillfälle 1', '60', '1', 'Annas resa', 'Film', '40', 'Filmen', 'HR', 'Ökad kunskap om psykisk hälsa', ''])
  assert.equal(sheet.rows[4].slice(0, 6), ['Tillfälle 2', '90', '4', 'Samtalsövningar', 'Samtalsövning', '45'])
  assert.equal(sheet.rows[5].slice(0, 4), ['', '', '5', 'Ej placerat'])
  assert.equal(needs.name, 'Behov utan block')
  assert.equal(needs.rows, [['Behov'], ['Minska administrativa uppgifter']])
})

// --- WS6 ------------------------------------------------------------------------------------------------

test('WS6 export: the manuscript scene by scene with its lines, and the shot list', async () => {
  const story = buildStoryboard(readBoard(ws6))
  assert.equal(story.scenes.map((s) => s.scene.text), ['Anna kommer sent igen', 'Chefen frågar hur Anna mår'])
  assert.equal(story.scenes[1].lines.map((l) => [l.speaker, l.line.text]), [['Chefen', 'Hur har du det egentligen?'], ['Anna', 'Det är lugnt.']])

  const ps = await paragraphsOf(await documentToDocx(manuscriptDocument(story, 'sv', 'Filmen om Anna'), 'sv'))
  assert.equal(headingsOf(ps), ['Filmen om Anna', 'Roller', 'Scen 1 – Personalrummet', 'Scen 2 – Chefens rum'])
  const texts = ps.map((p) => p.text)
  assert.ok(texts.includes('Anna: Sjuksköterska, 36 år, utmattad'))
  assert.ok(texts.includes('CHEFEN: Hur har du det egentligen?'))
  assert.ok(texts.includes('ANNA: Det är lugnt.'), 'the speaker from the linked role')
  assert.ok(texts.includes('Vilka är med: Anna, chefen'))

  const table = shotListRows(story, 'sv')
  const [sheet] = await cellsOf(await sheetsToXlsx([{ name: 'Inspelningslista', table }]))
  assert.equal(sheet.rows, [
    ['Scen', 'Inspelning', 'Plats', 'Vilka är med', 'Rekvisita', 'Ungefärlig tid (min)'],
    ['1. Anna kommer sent igen', 'Anna vid kaffeautomaten', 'Personalrummet', 'Anna', 'Kaffekopp', '10'],
    ['2. Chefen frågar hur Anna mår', 'Samtalet', 'Chefens rum', '', '', '20'],
  ])
  const csv = toCsv(table)
  assert.ok(csv.startsWith('\uFEFFScen;Inspelning;Plats;'))
  assert.match(csv, '2. Chefen frågar hur Anna mår;Samtalet;Chefens rum;;;20\r\n')
})

// --- WS7 ------------------------------------------------------------------------------------------------

test('WS7 export: printable exercise cards, one per page, each with its situation, roles and questions', async () => {
  const exercises = buildExercises(readBoard(ws7))
  assert.equal(exercises[0].questions, ['Hur har du det?', 'Vad behöver du av mig?'])
  const ps = await paragraphsOf(await documentToDocx(exerciseCardsDocument(exercises, 'sv', 'Samtalsövningar'), 'sv'))
  assert.equal(headingsOf(ps), [
    'Övning 1: Den tysta medarbetaren',
    'Situation',
    'Chefen får veta',
    'Medarbetaren får veta',
    'Observatören får veta',
    'Frågor att öva på',
    'Övning 2: Sjukskriven och tillbaka',
    'Situation',
  ])
  assert.equal(ps.filter((p) => p.newPage).map((p) => p.text), ['Övning 2: Sjukskriven och tillbaka'], 'the second card starts a new page')
  assert.ok(ps.some((p) => p.text === 'Du sover dåligt.'))
  assert.equal(ps.filter((p) => /Byt roller/.test(p.text)).length, 2, 'each card says how the roles rotate')
})

// --- WS8 ------------------------------------------------------------------------------------------------

test('WS8 export: one sheet per organisation with what, who, when and the follow-up; the plans in the report', async () => {
  const plans = buildPlans(readBoard(ws8))
  const sheets = await cellsOf(await sheetsToXlsx(plansSheets(plans, 'sv')))
  assert.equal(sheets.map((s) => s.name), ['Arvika kommun', 'Region Värmland'])
  assert.equal(sheets[0].rows, [
    ['Vad', 'Vem', 'När', 'Uppföljning'],
    ['Utbildning för alla första linjens chefer', 'HR-strateg', 'hösten', '2027-03-15'],
    ['Ta upp planen i ledningsgruppen', '', '', '2027-03-15'],
  ])
  assert.equal(sheets[1].rows[1], ['Samtalsövningar på APT', 'Enhetschefer', '', ''])
  // Two organisations of the same name are two sheets.
  const twins = await cellsOf(await sheetsToXlsx(plansSheets({ organisations: [plans.organisations[0], plans.organisations[0]], loose: [] }, 'sv')))
  assert.equal(twins.map((s) => s.name), ['Arvika kommun', 'Arvika kommun (2)'])
  assert.equal((await cellsOf(await sheetsToXlsx(plansSheets({ organisations: [], loose: [] }, 'en'))))[0].rows[1], ['No organisations or activities on the board yet.'])

  const definition = { id: 'ws8', title: { sv: 'Plan', en: 'Plan' }, steps: [{ id: 'plan', title: { sv: 'Plan', en: 'Plan' }, timebox: 45, cardKinds: ['organisation', 'activity'], frame: { template: 'plans' } }] } as unknown as WorkshopDefinition
  const report = buildReport({ lang: 'sv', title: 'WS8', methodId: 'ws8', definition, createdAt: 0, records: ws8, votes: {}, agendaAsRun: [] })
  assert.equal(report.plans?.map((p) => [p.name, p.followUp, p.activities.length]), [['Arvika kommun', '2027-03-15', 2], ['Region Värmland', '', 1]])
  const md = reportToMarkdown(report)
  assert.match(md, '## Plan för fortsatt arbete\n\n### Arvika kommun\n\n**Uppföljning:** 2027-03-15\n\n- Utbildning för alla första linjens chefer – HR-strateg, hösten')
  const ps = await paragraphsOf(await reportToDocx(report, []))
  assert.ok(headingsOf(ps).includes('Region Värmland'))
  assert.ok(ps.some((p) => p.text === 'Samtalsövningar på APT – Enhetschefer'))
})

test('which workshop offers which of these exports: by the kinds its steps use', () => {
  const def = (...kinds: string[]) => ({ steps: [{ cardKinds: kinds }] }) as unknown as WorkshopDefinition
  assert.equal(methodExportsFor(def('insight', 'challenge')), [])
  assert.equal(methodExportsFor(def('feedback')).map((g) => g.id), ['feedback'])
  assert.equal(methodExportsFor(def('block', 'need')).map((g) => g.files), [['training-plan.docx', 'training-plan.xlsx']])
  assert.equal(methodExportsFor(def('scene', 'exercise', 'activity')).map((g) => g.id), ['manuscript', 'exercises', 'plans'])
})

test.run()
