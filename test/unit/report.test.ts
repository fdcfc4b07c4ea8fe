import { test } from 'uvu'
import { aggregateRound } from '../../workshops/evaluation/aggregate'
import * as assert from 'uvu/assert'
import { buildReport, reportToMarkdown, type ReportInput } from '../../workshops/export/report'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { arrow, card, frame, page } from './helpers/boardRecords'

const definition = {
  id: 'ws3',
  title: { sv: 'Idégenerering och prototyper', en: 'Idea generation and prototypes' },
  goal: { sv: '', en: '' },
  duration: 120,
  templates: [],
  steps: [
    { id: 'brainstorm', title: { sv: 'Brainstorm', en: 'Brainstorm' }, timebox: 20 },
    { id: 'plan', title: { sv: 'Plan', en: 'Plan' }, timebox: 45 },
  ],
} as unknown as WorkshopDefinition

const records = [
  page(),
  card('i', 'insight', 'Vi har funnit att chefer känner sig otrygga', { y: 0 }),
  card('c', 'challenge', 'Hur skulle vi kunna stödja cheferna?', { y: 200 }),
  card('q', 'quote', 'Jag känner frustration när det saknas vikarier.', { y: -200 }),
  card('d1', 'idea', 'Samtalsguide', { y: 400, x: 0 }),
  card('d2', 'idea', 'Mentorprogram för chefer', { y: 400, x: 300 }),
  card('d3', 'idea', 'Ingen röst här', { y: 400, x: 600 }),
  card('p', 'prototype', 'Verktyg till chefer', { y: 600 }),
  { ...frame('planframe', 'Steg 2: Plan', { y: 1000 }), meta: { stepId: 'plan' } },
  card('n1', 'note', 'Utbildning för alla chefer – HR-strateg – hösten', { parent: 'planframe', x: 20, y: 40 }),
  card('n2', 'note', 'Inte i planen', { y: 2000 }),
  ...arrow('a1', 'i', 'c'),
  ...arrow('a2', 'q', 'i'),
  ...arrow('a3', 'c', 'd1'),
  ...arrow('a4', 'c', 'd2'),
  ...arrow('a5', 'd2', 'p'),
]

const start = Date.UTC(2026, 10, 25, 8, 0) // 09:00 in Stockholm
const input: ReportInput = {
  lang: 'sv',
  title: 'Grupp 2 – idéer',
  methodId: 'ws3',
  definition,
  createdAt: start - 86_400_000,
  records,
  votes: { 'shape:c': 4, 'shape:d1': 1, 'shape:d2': 3 },
  agendaAsRun: [
    { stepId: 'brainstorm', title: { sv: 'Brainstorm', en: 'Brainstorm' }, startedAt: start, endedAt: start + 23 * 60_000 },
    { stepId: 'plan', title: { sv: 'Plan', en: 'Plan' }, startedAt: start + 23 * 60_000, endedAt: null },
  ],
}

test('report model: pairs, top ideas by votes, prototypes with their idea, plan notes, agenda as run', () => {
  const report = buildReport(input)
  assert.is(report.method, 'WS3 – Idégenerering och prototyper')
  assert.is(report.date, '2026-11-25')
  assert.is(report.pairs.length, 1)
  assert.is(report.pairs[0].insight.text, 'Vi har funnit att chefer känner sig otrygga')
  assert.is(report.pairs[0].votes, 4)
  assert.equal(report.topIdeas, [
    { text: 'Mentorprogram för chefer', votes: 3, challenges: ['Hur skulle vi kunna stödja cheferna?'] },
    { text: 'Samtalsguide', votes: 1, challenges: ['Hur skulle vi kunna stödja cheferna?'] },
  ])
  assert.equal(report.prototypes, [{ text: 'Verktyg till chefer', ideas: ['Mentorprogram för chefer'] }])
  assert.equal(report.plan, [{ text: 'Utbildning för alla chefer – HR-strateg – hösten', author: '' }])
  assert.equal(report.agenda, {
    asRun: true,
    steps: [
      { title: 'Brainstorm', start: '09:00', minutes: 23, planned: 20 },
      { title: 'Plan', start: '09:23', minutes: null, planned: 45 },
    ],
  })
  assert.is(report.evaluation, null)
  assert.is(report.boardImage, null)
})

test('report Markdown holds the title, agenda, pairs, top ideas and prototypes', () => {
  const md = reportToMarkdown(buildReport(input))
  assert.ok(md.startsWith('# Grupp 2 – idéer\n'), md)
  assert.match(md, '**Metod:** WS3 – Idégenerering och prototyper')
  assert.match(md, '## Agendan som den genomfördes')
  assert.match(md, '| Brainstorm | 09:00 | 23 min | 20 min |')
  assert.match(md, '| Plan | 09:23 | pågår | 45 min |')
  assert.match(md, '### 1. Vi har funnit att chefer känner sig otrygga')
  assert.match(md, '**Utmaning:** Hur skulle vi kunna stödja cheferna?')
  assert.match(md, '> Jag känner frustration när det saknas vikarier.')
  assert.match(md, '## Idéer med flest röster\n\n1. Mentorprogram för chefer (3 röster)')
  assert.match(md, '2. Samtalsguide (1 röst)')
  assert.not.match(md, 'Ingen röst här (')
  assert.match(md, '## Prototyper\n\n- Verktyg till chefer – från idén ”Mentorprogram för chefer”')
  assert.match(md, '## Plan för fortsatt arbete\n\n- Utbildning för alla chefer – HR-strateg – hösten')
  assert.not.match(md, 'Inte i planen')
  assert.not.match(md, '## Utvärdering')
})

test('report in English; planned agenda with timeboxes when none was run; evaluation and board image when present', () => {
  const md = reportToMarkdown(
    buildReport({
      ...input,
      lang: 'en',
      agendaAsRun: [],
      evaluation: {
        asked: [
          { id: 'k', kind: 'rating', text: { sv: 'Kunskap om psykisk ohälsa', en: 'Knowledge of mental ill-health' } },
          { id: 't', kind: 'text', text: { sv: 'Vad tar du med dig?', en: 'What will you take with you?' } },
        ],
        session: aggregateRound({
          questions: [
            { id: 'k', kind: 'rating', text: { sv: 'Kunskap om psykisk ohälsa', en: 'Knowledge of mental ill-health' } },
            { id: 't', kind: 'text', text: { sv: 'Vad tar du med dig?', en: 'What will you take with you?' } },
          ],
          round: 'session',
          responses: [
            { k: { before: 2, after: 4 }, t: 'Att våga fråga' },
            { k: { before: 3, after: 4 }, t: 'Mod' },
            { k: { before: 2, after: 4 }, t: 'Samtalsguiden' },
          ],
          threshold: 3,
          open: false,
          random: () => 0.5,
        }),
        followUp: null,
      },
      boardImageAt: start,
    }),
  )
  assert.match(md, '## Planned agenda')
  assert.match(md, '| Brainstorm | 20 min |')
  assert.match(md, '**Challenge:** Hur skulle vi kunna stödja cheferna?')
  assert.match(md, '## Top-voted ideas\n\n1. Mentorprogram för chefer (3 votes)')
  assert.match(md, '## Evaluation\n\nResponses at the workshop: 3')
  assert.match(md, '### Knowledge of mental ill-health')
  assert.match(md, 'Before  █████████░░░░░░░░░░░  2.3')
  assert.match(md, 'After   ████████████████░░░░  4.0')
  assert.match(md, 'Change (after − before, mean per person): +1.7')
  assert.match(md, '| Before | 0 | 2 | 1 | 0 | 0 | 2.3 |')
  assert.match(md, '- Att våga fråga')
  assert.match(md, '## The board\n\nThe image of the board is from 2026-11-25 09:00.')
  assert.is(buildReport({ ...input, createdAt: start, agendaAsRun: [] }).date, '2026-11-25')
})

test('report Markdown escapes user text: no HTML, links or headings from cards', () => {
  const hostile = [
    page(),
    card('i', 'insight', '# <script>alert(1)</script> [x](http://evil)', { y: 0 }),
    card('c', 'challenge', '=HYPERLINK("http://x")\n- lista', { y: 200 }),
    ...arrow('a', 'i', 'c'),
  ]
  const md = reportToMarkdown(buildReport({ ...input, records: hostile, votes: {} }))
  assert.not.match(md, '<script>')
  assert.match(md, '\\[x\\](http://evil)', 'link brackets escaped')
  assert.match(md, '### 1. \\# \\<script\\>')
  assert.match(md, '## Idéer med flest röster\n\nInga idéer har fått röster.')
})

test('report times are in the workshop\'s time zone: Stockholm in winter and summer, another when configured', () => {
  const summer = Date.UTC(2026, 5, 15, 7, 30) // 09:30 in Stockholm (CEST)
  const run = (timeZone?: string) =>
    buildReport({
      ...input,
      createdAt: summer,
      agendaAsRun: [{ stepId: 'brainstorm', title: { sv: 'Brainstorm', en: 'Brainstorm' }, startedAt: summer, endedAt: summer + 60_000 }],
      boardImageAt: Date.UTC(2026, 5, 15, 22, 30), // already the 16th in Stockholm
      ...(timeZone ? { timeZone } : {}),
    })
  const stockholm = run()
  assert.is(stockholm.agenda.steps[0].start, '09:30')
  assert.is(stockholm.boardImage?.madeAt, '2026-06-16 00:30')
  const helsinki = run('Europe/Helsinki')
  assert.is(helsinki.agenda.steps[0].start, '10:30')
  assert.is(helsinki.boardImage?.madeAt, '2026-06-16 01:30')
  // In winter Stockholm is one hour ahead of UTC.
  assert.is(buildReport(input).agenda.steps[0].start, '09:00')
})

test.run()
