import type { TLRecord } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { validateBoardRecord } from '../../workshops/cards/schema'
import { buildChain } from '../../workshops/chain/buildChain'
import { readLinks } from '../../workshops/chain/links'
import type { VoteResult } from '../../workshops/facilitation/votes'
import { planCarryOver, type CarryInput, type CarrySource } from '../../workshops/programme/carryOver'
import { readOrigin, refKey } from '../../workshops/programme/provenance'
import { stepFrameId, templateFrameId, templatePartId } from '../../workshops/templates/placeTemplates'
import { arrow, boardOf, cardIn, definition, frameOf, ws1Board } from './helpers/programmeBoards'

const WS1_TITLE = { sv: 'Intervjuanalys', en: 'Interview analysis' }
const ws1Source = (records = ws1Board()): CarrySource => ({ workshopId: 'W1', method: 'ws1', title: WS1_TITLE, records })

/** The board after a plan's records are written (later entries win, as on a real board). */
function apply(records: readonly TLRecord[], written: readonly TLRecord[]): TLRecord[] {
  const byId = new Map(records.map((r) => [r.id as string, r]))
  for (const r of written) byId.set(r.id, r)
  return [...byId.values()]
}

function carry(method: string, records: TLRecord[], sources: CarrySource[], extra: Partial<CarryInput> = {}) {
  const plan = planCarryOver({ target: { workshopId: `T-${method}`, definition: definition(method), records }, sources, ...extra })
  return { plan, after: apply(records, plan.records) }
}

type Box = { id: string; x: number; y: number; w: number; h: number; parentId: string }
const boxes = (records: readonly TLRecord[], parentId: string): Box[] =>
  records
    .filter((r) => r.typeName === 'shape' && r.parentId === parentId && r.type !== 'arrow')
    .map((r) => {
      const s = r as Extract<TLRecord, { typeName: 'shape' }> & { props: { w?: number; h?: number } }
      return { id: s.id, x: s.x, y: s.y, w: s.props.w ?? 0, h: s.props.h ?? 0, parentId: s.parentId }
    })
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

function assertNoOverlap(records: readonly TLRecord[], frameId: string): void {
  const inFrame = boxes(records, frameId)
  for (let i = 0; i < inFrame.length; i++) {
    for (let j = i + 1; j < inFrame.length; j++) assert.not.ok(overlaps(inFrame[i], inFrame[j]), `${inFrame[i].id} lies on ${inFrame[j].id}`)
  }
  const frame = records.find((r) => r.id === frameId) as { props: { w: number; h: number } }
  for (const b of inFrame) assert.ok(b.x + b.w <= frame.props.w && b.y + b.h <= frame.props.h, `${b.id} inside the frame`)
}

const texts = (cards: Array<{ text: string }>) => cards.map((c) => c.text)

test('WS2 starts with WS1\'s themes, their quotes (by arrow and by where they sit) and the needs, in "Tillbaka till behoven"', () => {
  const { plan, after } = carry('ws2', boardOf('ws2'), [ws1Source()])
  const frameId = stepFrameId('review-needs')
  assert.equal(plan.placed.map((p) => `${p.kind}: ${p.text}`), [
    'theme: Ledarskap',
    'quote: Jag vet inte hur jag ska börja samtalet.',
    'quote: Chefen frågade aldrig hur jag mådde.',
    'need: Stöd i svåra samtal',
    'theme: Resurser',
    'quote: Jag känner frustration när det saknas vikarier.',
    'need: Fler vikarier',
  ])
  for (const placed of plan.placed) {
    const record = after.find((r) => r.id === placed.id) as Extract<TLRecord, { typeName: 'shape' }>
    assert.is(record.parentId, frameId, `${placed.text} in the step's frame`)
    validateBoardRecord(record)
  }
  // The chain on the new board is the one WS1 had: each theme with its own quotes and need.
  const themes = buildChain(after).themes.map((t) => [t.theme.text, texts(t.quotes), texts(t.needs)])
  assert.equal(themes, [
    ['Ledarskap', ['Jag vet inte hur jag ska börja samtalet.', 'Chefen frågade aldrig hur jag mådde.'], ['Stöd i svåra samtal']],
    ['Resurser', ['Jag känner frustration när det saknas vikarier.'], ['Fler vikarier']],
  ])
  assert.is(plan.links, 5, 'an arrow for each quote and need to its theme')
  assert.not.ok(plan.placed.some((p) => p.text === 'Ett citat utanför ramarna'), 'a quote in no theme is not a theme\'s')
  assertNoOverlap(after, frameId)
})

test('each carried card keeps its origin: workshop, card, method and what it said', () => {
  const { plan, after } = carry('ws2', boardOf('ws2'), [ws1Source()])
  const theme = after.find((r) => r.id === plan.placed[0].id)!
  const origin = readOrigin(theme)!
  assert.equal({ workshop: origin.workshop, card: origin.card, method: origin.method, title: origin.title }, { workshop: 'W1', card: 'shape:t-lead', method: 'ws1', title: WS1_TITLE })
  assert.is(origin.props.text, 'Ledarskap')
  assert.is(origin.first, undefined, 'first written there')
  assert.equal(plan.carriedKeys, plan.placed.map((p) => refKey({ workshop: 'W1', card: p.from.card })))
})

test('running it twice adds nothing twice; what was added at the source since comes next to what is there', () => {
  const ws1 = ws1Board()
  const first = carry('ws2', boardOf('ws2'), [ws1Source(ws1)])
  const again = carry('ws2', first.after, [ws1Source(ws1)])
  assert.equal(again.plan.records, [], 'nothing to write')
  assert.is(again.plan.placed.length, 0)

  // A new quote for Resurser in WS1, and a new theme.
  const more = [...ws1, cardIn('cluster-themes', 'q-4', 'quote', 'Vi hinner aldrig prata.', { x: 800, y: 600 }), cardIn('cluster-themes', 't-org', 'theme', 'Organisation', { x: 20, y: 800 })] as TLRecord[]
  const third = carry('ws2', first.after, [ws1Source(more)])
  assert.equal(third.plan.placed.map((p) => p.text), ['Vi hinner aldrig prata.', 'Organisation'])
  const resurser = buildChain(third.after).themes.find((t) => t.theme.text === 'Resurser')!
  assert.equal(texts(resurser.quotes), ['Jag känner frustration när det saknas vikarier.', 'Vi hinner aldrig prata.'], 'linked to the theme carried before')
  assertNoOverlap(third.after, stepFrameId('review-needs'))
})

test('a card deleted here after it was carried stays away', () => {
  const first = carry('ws2', boardOf('ws2'), [ws1Source()])
  const quote = first.plan.placed.find((p) => p.kind === 'quote')!
  const without = first.after.filter((r) => r.id !== quote.id)
  const again = carry('ws2', without, [ws1Source()], { carriedBefore: new Set(first.plan.carriedKeys) })
  assert.is(again.plan.placed.length, 0)
  assert.is(again.plan.skipped.deletedHere, 1)
})

test('a card changed at the source is brought over again where nothing changed here; edits on both sides wait for the facilitator', () => {
  const ws1 = ws1Board()
  const first = carry('ws2', boardOf('ws2'), [ws1Source(ws1)])
  const reworded = ws1.map((r) => {
    const p = (r as { props?: { text?: string } }).props
    if (r.id === 'shape:q-2') return { ...r, props: { ...p, text: 'Jag blir frustrerad när vikarier saknas.' } }
    if (r.id === 'shape:t-lead') return { ...r, props: { ...p, text: 'Ledarskap och samtal' } }
    return r
  }) as TLRecord[]
  // Here, someone already sharpened the theme's name.
  const themeCopy = first.plan.placed.find((p) => p.text === 'Ledarskap')!
  const edited = first.after.map((r) => (r.id === themeCopy.id ? ({ ...r, props: { ...(r as { props: object }).props, text: 'Ledarskapet' } } as TLRecord) : r))

  const second = carry('ws2', edited, [ws1Source(reworded)])
  assert.equal(second.plan.updated.map((c) => [c.here, c.there]), [['Jag känner frustration när det saknas vikarier.', 'Jag blir frustrerad när vikarier saknas.']])
  assert.equal(second.plan.conflicts.map((c) => [c.here, c.there]), [['Ledarskapet', 'Ledarskap och samtal']])
  const quoteCopy = first.plan.placed.find((p) => p.text === 'Jag känner frustration när det saknas vikarier.')!
  const textOf = (records: TLRecord[], id: string) => (records.find((r) => r.id === id) as { props: { text: string } }).props.text
  assert.is(textOf(second.after, quoteCopy.id), 'Jag blir frustrerad när vikarier saknas.')
  assert.is(textOf(second.after, themeCopy.id), 'Ledarskapet', 'an edit made here is not overwritten')
  assert.is(second.plan.placed.length, 0)

  // Brought over once, it is not a change any more; the facilitator then takes the new theme name too.
  const third = carry('ws2', second.after, [ws1Source(reworded)], { replace: new Set([themeCopy.id]) })
  assert.equal(third.plan.updated.map((c) => c.there), ['Ledarskap och samtal'])
  assert.is(third.plan.conflicts.length, 0)
  assert.is(textOf(third.after, themeCopy.id), 'Ledarskap och samtal')
  assert.equal(carry('ws2', third.after, [ws1Source(reworded)]).plan.records, [])

  // A card deleted at the source stays here, and is said to be gone there.
  const gone = carry('ws2', third.after, [ws1Source(reworded.filter((r) => r.id !== 'shape:q-1'))])
  assert.equal(gone.plan.goneAtSource.map((g) => g.text), ['Jag vet inte hur jag ska börja samtalet.'])
})

/** WS2 as it ends: two insights with their challenges and supporting quotes (carried from WS1), a vote on the challenges. */
function ws2Board(): TLRecord[] {
  const w2 = carry('ws2', boardOf('ws2'), [ws1Source()])
  const quote = (text: string) => w2.plan.placed.find((p) => p.text === text)!.id.replace('shape:', '')
  return [
    ...w2.after,
    cardIn('write-insights', 'i-1', 'insight', 'Vi har funnit att chefer känner sig otrygga i samtal.'),
    cardIn('write-insights', 'i-2', 'insight', 'Vi har funnit att vikarier saknas.', { x: 400 }),
    cardIn('write-challenges', 'c-1', 'challenge', 'Hur skulle vi kunna stödja cheferna i samtalen?'),
    cardIn('write-challenges', 'c-2', 'challenge', 'Hur skulle vi kunna få fram vikarier?', { x: 400 }),
    cardIn('write-challenges', 'c-3', 'challenge', 'Hur skulle vi kunna korta väntan?', { x: 800 }),
    ...arrow('l1', 'i-1', 'c-1'),
    ...arrow('l2', 'i-2', 'c-2'),
    ...arrow('l3', 'i-2', 'c-3'),
    ...arrow('l4', quote('Jag vet inte hur jag ska börja samtalet.'), 'i-1'),
    ...arrow('l5', quote('Jag känner frustration när det saknas vikarier.'), 'i-2'),
  ] as TLRecord[]
}

const vote = (counts: Record<string, number>, closedAt: number): VoteResult => ({
  voteId: `v${closedAt}`,
  target: { kind: 'challenge' },
  dotsPerPerson: 3,
  allowStacking: true,
  openedAt: closedAt - 1000,
  closedAt,
  counts,
  ranked: Object.entries(counts).map(([cardId, count]) => ({ cardId, count })).sort((a, b) => b.count - a.count),
  voters: 4,
})

test('WS3 gets the winners of WS2\'s latest vote on the challenges, with their insights and supporting quotes', () => {
  const ws2 = ws2Board()
  const votes = [vote({ 'shape:c-3': 9 }, 1000), vote({ 'shape:c-1': 5, 'shape:c-2': 3, 'shape:c-3': 1 }, 2000)]
  const source: CarrySource = { workshopId: 'W2', method: 'ws2', title: { sv: 'Insikter och utmaningar', en: 'Insights and challenges' }, records: ws2, votes }
  const { plan, after } = carry('ws3', boardOf('ws3'), [source], { maxNewRecords: 10_000 })
  const winners = plan.placed.filter((p) => p.kind === 'challenge').map((p) => p.text)
  // Three winners by default; all three challenges got dots in the latest vote.
  assert.equal(winners, ['Hur skulle vi kunna stödja cheferna i samtalen?', 'Hur skulle vi kunna få fram vikarier?', 'Hur skulle vi kunna korta väntan?'])
  const chain = buildChain(after)
  assert.equal(
    chain.pairs.map((p) => [p.insight.text, p.challenge.text, texts(p.quotes)]),
    [
      ['Vi har funnit att chefer känner sig otrygga i samtal.', 'Hur skulle vi kunna stödja cheferna i samtalen?', ['Jag vet inte hur jag ska börja samtalet.']],
      ['Vi har funnit att vikarier saknas.', 'Hur skulle vi kunna få fram vikarier?', ['Jag känner frustration när det saknas vikarier.']],
      ['Vi har funnit att vikarier saknas.', 'Hur skulle vi kunna korta väntan?', ['Jag känner frustration när det saknas vikarier.']],
    ],
  )
  assert.is(plan.placed.filter((p) => p.kind === 'insight').length, 2, 'the shared insight comes once')
  // A quote carried WS1 → WS2 → WS3 knows where it was first written.
  const quote = after.find((r) => r.id === plan.placed.find((p) => p.kind === 'quote')!.id)!
  assert.equal([readOrigin(quote)!.method, readOrigin(quote)!.first?.method, readOrigin(quote)!.first?.workshop], ['ws2', 'ws1', 'W1'])
  for (const p of plan.placed) assert.is((after.find((r) => r.id === p.id) as { parentId: string }).parentId, stepFrameId('brainstorm'))
  assertNoOverlap(after, stepFrameId('brainstorm'))
})

test('WS3: one winner when the vote says so; challenges the facilitator marked "vald" win over the vote', () => {
  const ws2 = ws2Board()
  const votes = [vote({ 'shape:c-1': 5, 'shape:c-2': 3 }, 2000)]
  const ws3 = definition('ws3')
  const oneWinner = { ...ws3, carryOver: [{ ...ws3.carryOver![0], chosen: { winners: 1 } }] }
  const plan = planCarryOver({ target: { workshopId: 'T', definition: oneWinner, records: boardOf('ws3') }, sources: [{ workshopId: 'W2', method: 'ws2', records: ws2, votes }] })
  assert.equal(plan.placed.filter((p) => p.kind === 'challenge').map((p) => p.text), ['Hur skulle vi kunna stödja cheferna i samtalen?'])

  const marked = ws2.map((r) => (r.id === 'shape:c-3' ? ({ ...r, meta: { chosen: true } } as TLRecord) : r))
  const byMark = carry('ws3', boardOf('ws3'), [{ workshopId: 'W2', method: 'ws2', records: marked, votes }])
  assert.equal(byMark.plan.placed.filter((p) => p.kind === 'challenge').map((p) => p.text), ['Hur skulle vi kunna korta väntan?'])

  const noVote = carry('ws3', boardOf('ws3'), [{ workshopId: 'W2', method: 'ws2', records: ws2 }])
  assert.equal(noVote.plan.placed, [], 'no vote and no mark: nothing is chosen yet')
})

test('kinds this server does not know yet find nothing and break nothing; with them known, WS4 and WS5 get theirs', () => {
  const ws3 = boardOf('ws3', [
    cardIn('build-prototypes', 'p-1', 'prototype', 'Samtalsstöd för chefer'),
    cardIn('build-prototypes', 'idea-1', 'idea', 'En samtalsguide', { x: 400 }),
    ...arrow('l1', 'idea-1', 'p-1'),
  ])
  const ws4 = carry('ws4', boardOf('ws4'), [{ workshopId: 'W3', method: 'ws3', records: ws3 }])
  assert.equal(ws4.plan.placed.map((p) => p.text), ['Samtalsstöd för chefer', 'En samtalsguide'])
  assert.is(ws4.plan.links, 1)

  // WS4's feedback on it, linked to the carried prototype: WS5 takes the tested prototype with its feedback, and WS1's needs.
  const prototypeCopy = ws4.plan.placed[0].id.replace('shape:', '')
  const ws4Done = [...ws4.after, cardIn('capture-feedback', 'f-1', 'feedback', 'Fungerar: tydlig', { props: { fields: { verdict: 'works' } } }), ...arrow('l2', 'f-1', prototypeCopy)] as TLRecord[]
  const ws1 = ws1Board()
  const sources: CarrySource[] = [ws1Source(ws1), { workshopId: 'W4', method: 'ws4', records: ws4Done }]
  const later = carry('ws5', boardOf('ws5'), sources)
  assert.equal(later.plan.placed.map((p) => `${p.kind}: ${p.text}`), ['prototype: Samtalsstöd för chefer', 'feedback: Fungerar: tydlig', 'need: Stöd i svåra samtal', 'need: Fler vikarier'])
  for (const r of later.plan.records) validateBoardRecord(r)
  const placedIn = (text: string) => (later.after.find((r) => r.id === later.plan.placed.find((p) => p.text === text)!.id) as { parentId: string }).parentId
  assert.is(placedIn('Samtalsstöd för chefer'), frameOf('recap'))
  assert.is(placedIn('Fler vikarier'), frameOf('fill-blocks'), "the step's work area: the training plan")
  assert.equal((later.after.find((r) => r.id === later.plan.placed[1].id) as unknown as { props: { fields: object } }).props.fields, { verdict: 'works' }, 'fields come along')

  // A kind this server does not know finds nothing and breaks nothing.
  const unknown = carry('ws4', boardOf('ws4'), [{ workshopId: 'W3', method: 'ws3', records: [...ws3, cardIn('build-prototypes', 'x-1', 'hologram', 'Okänd sort')] as TLRecord[] }])
  assert.equal(unknown.plan.placed.map((p) => p.text), ['Samtalsstöd för chefer', 'En samtalsguide'])
  // The prototype in WS5 goes back through WS4 to where it was made.
  assert.is(readOrigin(later.after.find((r) => r.id === later.plan.placed[0].id))!.first?.method, 'ws3')
})

test('WS6 and WS7 get WS5\'s blocks of their type; WS8 the training plan and the Målbild', () => {
  const ws5 = boardOf('ws5', [
    cardIn('sessions-and-blocks', 's-1', 'session', 'Tillfälle 1'),
    cardIn('sessions-and-blocks', 'b-1', 'block', 'Annas resa', { x: 20, y: 200, props: { fields: { type: 'film' } } }),
    cardIn('sessions-and-blocks', 'b-2', 'block', 'Självinsikt', { x: 240, y: 200, props: { fields: { type: 'reflection' } } }),
    cardIn('sessions-and-blocks', 's-2', 'session', 'Tillfälle 2', { x: 800 }),
    cardIn('sessions-and-blocks', 'b-3', 'block', 'Filmer om chefens roll', { x: 800, y: 200, props: { type: 'film' } }),
    cardIn('sessions-and-blocks', 'b-4', 'block', 'Samtalsövningar', { x: 1020, y: 200, props: { fields: { type: 'exercise' } } }),
  ])
  const anyKind = { validate: (r: unknown) => r as TLRecord }
  const source: CarrySource = { workshopId: 'W5', method: 'ws5', records: ws5 }
  assert.equal(carry('ws6', boardOf('ws6'), [source], anyKind).plan.placed.map((p) => p.text), ['Annas resa', 'Filmer om chefens roll'], 'a field in props.fields or in props')
  assert.equal(carry('ws7', boardOf('ws7'), [source], anyKind).plan.placed.map((p) => p.text), ['Samtalsövningar'])

  // WS3's Målbild as the group wrote it: its headline, and a note in its frame.
  const headlineId = templatePartId('target-picture', 'headline')
  const ws3 = boardOf('ws3').map((r) =>
    r.id === headlineId ? ({ ...r, props: { ...(r as { props: object }).props, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Värmland visar vägen' }] }] } } } as TLRecord) : r,
  )
  ws3.push(cardIn('brainstorm', 'm-1', 'note', 'Cheferna vågar fråga') as unknown as TLRecord)
  ;(ws3[ws3.length - 1] as { parentId: string }).parentId = templateFrameId('target-picture')
  const ws8 = carry('ws8', boardOf('ws8'), [source, { workshopId: 'W3', method: 'ws3', records: ws3 }], anyKind)
  assert.equal(ws8.plan.updated.map((u) => u.there), ['Värmland visar vägen'], 'the headline')
  const headline = ws8.after.find((r) => r.id === headlineId)!
  assert.is(readOrigin(headline)?.workshop, 'W3')
  assert.equal(
    ws8.plan.placed.map((p) => p.text),
    ['Cheferna vågar fråga', 'Tillfälle 1', 'Annas resa', 'Självinsikt', 'Tillfälle 2', 'Filmer om chefens roll', 'Samtalsövningar'],
    'the note into the Målbild, then each session with its blocks',
  )
  assert.is((ws8.after.find((r) => r.id === ws8.plan.placed[0].id) as { parentId: string }).parentId, templateFrameId('target-picture'))
  assertNoOverlap(ws8.after, stepFrameId('look-back'))
  assert.equal(carry('ws8', ws8.after, [source, { workshopId: 'W3', method: 'ws3', records: ws3 }], anyKind).plan.records, [], 'and nothing twice')
})

test('the frame grows to hold what comes; nothing lands on what the frame already holds', () => {
  const many = boardOf('ws1', [
    ...Array.from({ length: 30 }, (_, i) => cardIn('identify-needs', `n-${i}`, 'need', `Behov ${i + 1}`, { x: 20 + (i % 5) * 220, y: 20 + Math.floor(i / 5) * 160 })),
  ])
  const target = boardOf('ws2', [cardIn('review-needs', 'mine', 'note', 'Skrivet här först', { x: 20, y: 20 })])
  const { plan, after } = carry('ws2', target, [ws1Source(many)])
  assert.is(plan.placed.length, 30)
  const frame = after.find((r) => r.id === stepFrameId('review-needs')) as { props: { h: number } }
  assert.ok(frame.props.h > 900, `grown to ${frame.props.h}`)
  assertNoOverlap(after, stepFrameId('review-needs'))
})

test('a board near its limit takes what fits and says how much did not', () => {
  const { plan } = carry('ws2', boardOf('ws2'), [ws1Source()], { maxNewRecords: 4 })
  assert.is(plan.placed.length, 4)
  assert.ok(plan.skipped.full > 0)
  assert.is(plan.links, 0, 'no room left for arrows')
})

test('links drawn are real bound arrows, and none is drawn twice', () => {
  const { after } = carry('ws2', boardOf('ws2'), [ws1Source()])
  const links = readLinks(after)
  assert.is(links.length, 5)
  assert.is(new Set(links.map((l) => `${l.a}|${l.b}`)).size, 5)
})

test.run()
