import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { buildChain } from '../../workshops/chain/buildChain'
import { readCards } from '../../workshops/chain/cards'
import { readLinks } from '../../workshops/chain/links'
import { validateBoardRecord } from '../../workshops/cards/schema'
import { pairsToRows } from '../../workshops/export/pairRows'
import { arrow, card, frame, group, page } from './helpers/boardRecords'

const texts = (cards: Array<{ text: string }>) => cards.map((c) => c.text)

test('helper records are valid tldraw board records', () => {
  const records = [
    page(),
    frame('f1', 'Tema: Stöd'),
    card('q1', 'quote', 'Jag känner frustration när det saknas vikarier.', { parent: 'f1', author: 'Eva' }),
    card('t1', 'theme', 'Stöd', { parent: 'f1', x: 300 }),
    group('g1', { parent: 'f1' }),
    ...arrow('a1', 'q1', 't1'),
  ]
  for (const record of records) validateBoardRecord(record)
  // The validator is strict, so passing above means something: a frame without its colour fails.
  const bad = frame('f2', 'x') as { props: Record<string, unknown> }
  delete bad.props.color
  assert.throws(() => validateBoardRecord(bad))
})

test('empty board and non-shape records give an empty chain', () => {
  const chain = buildChain([
    page(),
    { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
    { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} },
    null,
    42,
    'shape:x',
  ])
  assert.equal(chain, { themes: [], insights: [], pairs: [], orphans: [] })
})

test('readCards: fields, frame name, board order by absolute position', () => {
  const cards = readCards([
    frame('f1', 'Ledarskap', { x: 1000, y: 0 }),
    card('b', 'quote', 'in frame, absolute y 10', { parent: 'f1', x: 0, y: 10, author: 'Ola' }),
    card('a', 'quote', 'page, y 50', { y: 50 }),
    card('c', 'note', 'page, y 5', { y: 5, x: 2000 }),
    card('d', 'note', 'page, y 5 further left', { y: 5, x: 100 }),
  ])
  assert.equal(texts(cards), ['page, y 5 further left', 'page, y 5', 'in frame, absolute y 10', 'page, y 50'])
  assert.equal(cards[2], {
    id: 'shape:b',
    kind: 'quote',
    text: 'in frame, absolute y 10',
    author: 'Ola',
    parentId: 'shape:f1',
    frameId: 'shape:f1',
    frameName: 'Ledarskap',
    fields: {},
    x: 1000,
    y: 10,
  })
  assert.is(cards[0].frameId, undefined)
  assert.is('frameName' in cards[0], false)
})

test('readCards: position goes through nested frames; equal positions sort by id', () => {
  const cards = readCards([
    frame('outer', 'Ytter', { x: 0, y: 500 }),
    frame('inner', 'Inre', { parent: 'outer', x: 0, y: 100 }),
    card('deep', 'quote', 'deep (abs y 610)', { parent: 'inner', y: 10 }),
    card('top', 'quote', 'top (abs y 600)', { y: 600 }),
    card('z', 'quote', 'z tie', { y: 700 }),
    card('y', 'quote', 'y tie', { y: 700 }),
  ])
  assert.equal(texts(cards), ['top (abs y 600)', 'deep (abs y 610)', 'y tie', 'z tie'])
  assert.is(cards[1].frameName, 'Inre')
})

test('readCards: rotated frame turns its children', () => {
  const cards = readCards([
    frame('rot', 'Roterad', { x: 0, y: 0, rotation: Math.PI / 2 }),
    // local (100, 0) turned by 90° lands at (0, 100) on the page
    card('r', 'quote', 'rotated', { parent: 'rot', x: 100, y: 0 }),
    card('p', 'quote', 'plain', { y: 50 }),
  ])
  assert.equal(texts(cards), ['plain', 'rotated'])
})

test('readCards: card in a group inside a frame belongs to the frame; unknown kind reads as note', () => {
  const weird = card('w', 'note', 'weird')
  ;(weird.props as { kind: string }).kind = 'banana'
  const cards = readCards([
    frame('f', 'Tema'),
    group('g', { parent: 'f' }),
    card('c', 'quote', 'grouped', { parent: 'g' }),
    weird,
  ])
  const grouped = cards.find((c) => c.id === 'shape:c')!
  assert.is(grouped.parentId, 'shape:g')
  assert.is(grouped.frameId, 'shape:f')
  assert.is(cards.find((c) => c.id === 'shape:w')!.kind, 'note')
})

test('readCards: a parent cycle in a damaged document does not hang', () => {
  const f1 = frame('f1', 'A', { parent: 'f2' })
  const f2 = frame('f2', 'B', { parent: 'f1' })
  const cards = readCards([f1, f2, card('c', 'quote', 'looped', { parent: 'f1' })])
  assert.is(cards.length, 1)
})

test('readLinks: undirected, deduplicated, dangling and self links ignored', () => {
  const records = [
    card('i', 'insight', 'I'),
    card('c', 'challenge', 'C'),
    ...arrow('a1', 'i', 'c'),
    ...arrow('a2', 'c', 'i'), // the other way: same link
    ...arrow('a3', 'i', 'gone'), // bound to a deleted card
    ...arrow('a4', 'i', 'i'), // to itself
  ]
  assert.equal(readLinks(records), [{ a: 'shape:c', b: 'shape:i' }])
  assert.equal(
    readLinks(records, [
      { id: 'l1', a: 'shape:i', b: 'shape:c' },
      { id: 'l2', a: 'shape:i', b: 'shape:nope' },
    ]),
    [{ a: 'shape:c', b: 'shape:i' }],
  )
})

test('readLinks: an arrow with one bound terminal, a deleted arrow, or non-arrow bindings link nothing', () => {
  const [a1, start1] = arrow('a1', 'i', 'c') // end binding dropped: only one end bound
  const [, start2, end2] = arrow('a2', 'i', 'c') // arrow shape deleted, bindings left behind
  const other = { ...start1, id: 'binding:x', type: 'custom' }
  assert.equal(readLinks([card('i', 'insight', 'I'), card('c', 'challenge', 'C'), a1, start1, start2, end2, other]), [])
})

test('insight → challenge arrow makes a pair; direction does not matter', () => {
  for (const [from, to] of [
    ['i', 'c'],
    ['c', 'i'],
  ]) {
    const chain = buildChain([
      page(),
      card('i', 'insight', 'Vi har funnit att chefer känner sig otrygga'),
      card('c', 'challenge', 'Hur skulle vi kunna stödja cheferna?', { y: 200 }),
      ...arrow('a', from, to),
    ])
    assert.is(chain.pairs.length, 1)
    assert.is(chain.pairs[0].insight.id, 'shape:i')
    assert.is(chain.pairs[0].challenge.id, 'shape:c')
    assert.equal(chain.orphans, [])
  }
})

test('insight with several challenges → several pairs in board order; shared challenge in both insights', () => {
  const chain = buildChain([
    card('i2', 'insight', 'Insikt 2', { y: 500 }),
    card('i1', 'insight', 'Insikt 1', { y: 0 }),
    card('c2', 'challenge', 'Utmaning B', { y: 100, x: 400 }),
    card('c1', 'challenge', 'Utmaning A', { y: 100, x: 0 }),
    card('c3', 'challenge', 'Utmaning C', { y: 600 }),
    ...arrow('a1', 'i1', 'c2'),
    ...arrow('a2', 'c1', 'i1'),
    ...arrow('a3', 'i2', 'c3'),
    ...arrow('a4', 'i2', 'c1'),
  ])
  assert.equal(
    chain.pairs.map((p) => `${p.insight.text} / ${p.challenge.text}`),
    ['Insikt 1 / Utmaning A', 'Insikt 1 / Utmaning B', 'Insikt 2 / Utmaning A', 'Insikt 2 / Utmaning C'],
  )
  assert.equal(
    chain.insights.map((e) => [e.insight.text, e.challenges.map((c) => c.challenge.text)]),
    [
      ['Insikt 1', ['Utmaning A', 'Utmaning B']],
      ['Insikt 2', ['Utmaning A', 'Utmaning C']],
    ],
  )
})

test('orphans both ways, in board order', () => {
  const chain = buildChain([
    card('i1', 'insight', 'alone insight', { y: 300 }),
    card('c1', 'challenge', 'alone challenge', { y: 100 }),
    card('i2', 'insight', 'paired', { y: 0 }),
    card('c2', 'challenge', 'paired', { y: 0, x: 300 }),
    card('q', 'quote', 'quote linked to lonely insight', { y: 400 }),
    card('i3', 'insight', 'insight linked only to another insight', { y: 500 }),
    ...arrow('a1', 'i2', 'c2'),
    ...arrow('a2', 'q', 'i1'),
    ...arrow('a3', 'i3', 'i2'),
  ])
  assert.equal(
    chain.orphans.map((o) => [o.card.text, o.problem]),
    [
      ['alone challenge', 'challenge-without-insight'],
      ['alone insight', 'insight-without-challenge'],
      ['insight linked only to another insight', 'insight-without-challenge'],
    ],
  )
  assert.is(chain.pairs.length, 1)
  assert.equal(texts(chain.insights.find((e) => e.insight.id === 'shape:i1')!.quotes), ['quote linked to lonely insight'])
})

test('deleted cards and dangling bindings: a pair whose challenge is gone becomes an orphan', () => {
  const records = [
    card('i', 'insight', 'I'),
    card('q', 'quote', 'Q', { y: 100 }),
    ...arrow('a1', 'i', 'c-deleted'),
    ...arrow('a2', 'q', 'i'),
  ]
  const chain = buildChain(records)
  assert.equal(chain.pairs, [])
  assert.equal(chain.orphans.map((o) => o.problem), ['insight-without-challenge'])
  assert.equal(texts(chain.insights[0].quotes), ['Q'])
})

test('supporting quotes: linked quotes only, in board order, a quote linked twice counts once', () => {
  const chain = buildChain([
    card('i', 'insight', 'I'),
    card('c', 'challenge', 'C', { x: 300 }),
    card('q2', 'quote', 'second', { y: 300 }),
    card('q1', 'quote', 'first', { y: 200 }),
    card('q3', 'quote', 'not linked', { y: 100 }),
    ...arrow('a1', 'i', 'c'),
    ...arrow('a2', 'q2', 'i'),
    ...arrow('a3', 'i', 'q1'),
    ...arrow('a4', 'q1', 'i'),
  ], { links: [{ id: 'l', a: 'shape:q1', b: 'shape:i' }] })
  assert.equal(texts(chain.pairs[0].quotes), ['first', 'second'])
})

test('themes: by shared frame and by link; insight takes themes of its frame and linked ones', () => {
  const chain = buildChain([
    frame('f1', 'Område: Ledarskap', { x: 0, y: 0 }),
    card('t1', 'theme', 'Chefens roll', { parent: 'f1', x: 10, y: 10 }),
    card('q1', 'quote', 'Jag vet inte vad jag får fråga', { parent: 'f1', x: 10, y: 200 }),
    card('n1', 'need', 'Stöd i samtal', { parent: 'f1', x: 300, y: 200 }),
    card('i1', 'insight', 'Insikt i ramen', { parent: 'f1', x: 10, y: 400 }),
    card('c1', 'challenge', 'Utmaning 1', { x: 1000, y: 400 }),
    frame('f2', 'Område: Resurser', { x: 0, y: 1000 }),
    card('t2', 'theme', 'Vikarier', { parent: 'f2', x: 10, y: 10 }),
    card('q2', 'quote', 'Det saknas vikarier', { x: 2000, y: 0 }),
    card('n2', 'need', 'Bemanning', { x: 2000, y: 300 }),
    card('i2', 'insight', 'Insikt utanför', { x: 2000, y: 2000 }),
    card('c2', 'challenge', 'Utmaning 2', { x: 2400, y: 2000 }),
    ...arrow('a1', 'q2', 't2'),
    ...arrow('a2', 't2', 'n2'),
    ...arrow('a3', 'i1', 'c1'),
    ...arrow('a4', 'i2', 'c2'),
    ...arrow('a5', 'i2', 't2'),
    ...arrow('a6', 't1', 'i2'),
  ])
  assert.equal(
    chain.themes.map((t) => [t.theme.text, texts(t.quotes), texts(t.needs)]),
    [
      ['Chefens roll', ['Jag vet inte vad jag får fråga'], ['Stöd i samtal']],
      ['Vikarier', ['Det saknas vikarier'], ['Bemanning']],
    ],
  )
  assert.equal(texts(chain.insights[0].themes), ['Chefens roll'])
  assert.equal(texts(chain.insights[1].themes), ['Chefens roll', 'Vikarier'])
  assert.equal(chain.pairs.map((p) => p.theme), ['Chefens roll', 'Chefens roll; Vikarier'])
})

test('theme clustering: each quote sits with the one theme nearest to it in the frame, never with every theme', () => {
  // WS1 "Gruppera i teman": three themes in a row, ten quotes placed under the theme they belong to.
  const themes = [
    card('t1', 'theme', 'Ledarskap', { parent: 'f', x: 40, y: 40 }),
    card('t2', 'theme', 'Resurser', { parent: 'f', x: 640, y: 40 }),
    card('t3', 'theme', 'Organisation', { parent: 'f', x: 1240, y: 40 }),
  ]
  const column = (theme: number, n: number) =>
    Array.from({ length: n }, (_, i) => card(`q${theme}-${i}`, 'quote', `Citat ${theme}.${i}`, { parent: 'f', x: 40 + (theme - 1) * 600 + (i % 2) * 220, y: 220 + Math.floor(i / 2) * 160 }))
  const chain = buildChain([frame('f', 'Gruppera i teman', { w: 1900, h: 1000 }), ...themes, ...column(1, 4), ...column(2, 3), ...column(3, 3), card('q-page', 'quote', 'Citat utanför ramen', { x: 3000 })])
  assert.equal(
    chain.themes.map((t) => [t.theme.text, texts(t.quotes)]),
    [
      ['Ledarskap', ['Citat 1.0', 'Citat 1.1', 'Citat 1.2', 'Citat 1.3']],
      ['Resurser', ['Citat 2.0', 'Citat 2.1', 'Citat 2.2']],
      ['Organisation', ['Citat 3.0', 'Citat 3.1', 'Citat 3.2']],
    ],
  )
  const listed = chain.themes.flatMap((t) => t.quotes.map((q) => q.id))
  assert.is(new Set(listed).size, listed.length, 'no quote is under two themes')
  assert.not.ok(listed.includes('shape:q-page'), 'a quote outside every frame sits with no theme')
})

test('theme clustering: an arrow decides over nearness; cards of other frames never count', () => {
  const chain = buildChain([
    frame('f1', 'A', { x: 0 }),
    frame('f2', 'B', { x: 2000 }),
    card('t1', 'theme', 'T1', { parent: 'f1' }),
    card('t2', 'theme', 'T2', { parent: 'f1', x: 600 }),
    card('q1', 'quote', 'Q1 next to T1, arrow to T2', { parent: 'f1', y: 160 }),
    card('q2', 'quote', 'Q2 next to T1', { parent: 'f1', x: 10, y: 320 }),
    card('q3', 'quote', 'Q3 in another frame', { parent: 'f2', y: 200 }),
    card('n1', 'need', 'N1 next to T2', { parent: 'f1', x: 600, y: 160 }),
    ...arrow('a1', 'q1', 't2'),
  ])
  assert.equal(chain.themes.map((t) => [t.theme.text, texts(t.quotes), texts(t.needs)]), [
    ['T1', ['Q2 next to T1'], []],
    ['T2', ['Q1 next to T1, arrow to T2'], ['N1 next to T2']],
  ])
})

test('theme clustering: a sub-frame is a cluster: its own theme card, or the theme nearest to the sub-frame', () => {
  const chain = buildChain([
    frame('f', 'Gruppera i teman', { w: 2400, h: 1200 }),
    card('t1', 'theme', 'T1', { parent: 'f', x: 40, y: 40 }),
    card('t2', 'theme', 'T2', { parent: 'f', x: 1600, y: 40 }),
    // A sub-frame with its own theme: its quotes stay with it, though T1 is nearer to some of them.
    frame('s1', 'Egen grupp', { parent: 'f', x: 300, y: 300, w: 700, h: 500 }),
    card('t3', 'theme', 'T3', { parent: 's1', x: 480, y: 20 }),
    card('q1', 'quote', 'Q1 in s1, near T1', { parent: 's1', x: 0, y: 0 }),
    card('q2', 'quote', 'Q2 in s1', { parent: 's1', x: 240, y: 300 }),
    // A sub-frame of quotes only: all of them go to the theme nearest the sub-frame.
    frame('s2', 'Bara citat', { parent: 'f', x: 1500, y: 300, w: 800, h: 700 }),
    card('q3', 'quote', 'Q3 in s2', { parent: 's2', x: 0, y: 0 }),
    card('q4', 'quote', 'Q4 in s2, far corner', { parent: 's2', x: 580, y: 540 }),
  ])
  assert.equal(chain.themes.map((t) => [t.theme.text, texts(t.quotes)]), [
    ['T1', []],
    ['T2', ['Q3 in s2', 'Q4 in s2, far corner']],
    ['T3', ['Q1 in s1, near T1', 'Q2 in s1']],
  ])
})

test('theme clustering: an insight takes its linked themes, else the nearest theme of its frame; the pair shows that one', () => {
  const chain = buildChain([
    frame('f', 'Insikter', { w: 2000 }),
    card('t1', 'theme', 'Ledarskap', { parent: 'f', x: 0 }),
    card('t2', 'theme', 'Resurser', { parent: 'f', x: 1200 }),
    card('i1', 'insight', 'Vi har funnit att chefer saknar stöd', { parent: 'f', x: 1250, y: 200 }),
    card('c1', 'challenge', 'Hur skulle vi kunna stödja cheferna?', { x: 3000 }),
    ...arrow('a1', 'i1', 'c1'),
  ])
  assert.equal(texts(chain.insights[0].themes), ['Resurser'])
  assert.equal(chain.pairs.map((p) => p.theme), ['Resurser'])
  assert.equal(pairsToRows(chain.pairs, 'sv').rows[0][6], 'Resurser', 'the export shows only that theme')
})

test('theme clustering: equally near themes go to the first in board order; a turned card is measured at its centre', () => {
  const even = buildChain([
    frame('f', 'F', { w: 1200 }),
    card('t1', 'theme', 'T1', { parent: 'f', x: 0, y: 0 }),
    card('t2', 'theme', 'T2', { parent: 'f', x: 600, y: 0 }),
    card('q', 'quote', 'Q', { parent: 'f', x: 300, y: 300 }),
  ])
  assert.equal(even.themes.map((t) => texts(t.quotes)), [['Q'], []])
  // T1 turned half a round about its top-left corner at (800, 0): its centre is at (700, -70), by the quote.
  const turned = buildChain([
    frame('f', 'F', { w: 1200, y: -1000, h: 2000 }),
    card('t1', 'theme', 'T1', { parent: 'f', x: 800, y: 1000, rotation: Math.PI }),
    card('t2', 'theme', 'T2', { parent: 'f', x: 300, y: 750 }),
    card('q', 'quote', 'Q', { parent: 'f', x: 500, y: 700 }),
  ])
  assert.equal(turned.themes.map((t) => [t.theme.text, texts(t.quotes)]), [['T2', []], ['T1', ['Q']]])
})

test('ideas and prototypes follow the challenge; votes from opts', () => {
  const chain = buildChain(
    [
      card('i', 'insight', 'I'),
      card('c', 'challenge', 'C', { x: 300 }),
      card('d1', 'idea', 'Samtalsguide', { y: 200 }),
      card('d2', 'idea', 'Mentorskap', { y: 300 }),
      card('d3', 'idea', 'Not linked to the challenge', { y: 400 }),
      card('p1', 'prototype', 'Verktyg till chefer', { y: 500 }),
      card('p2', 'prototype', 'Informationsmaterial', { y: 600 }),
      ...arrow('a1', 'i', 'c'),
      ...arrow('a2', 'c', 'd1'),
      ...arrow('a3', 'd2', 'c'),
      ...arrow('a4', 'd1', 'p1'),
      ...arrow('a5', 'p2', 'd1'),
      ...arrow('a6', 'd2', 'p1'), // same prototype from two ideas
      ...arrow('a7', 'd3', 'p2'),
      ...arrow('a8', 'i', 'd3'), // idea on the insight: not the challenge's
    ],
    { votes: { 'shape:c': 5, 'shape:d1': 3, 'shape:d3': 9, 'shape:p1': 2 } },
  )
  const [pair] = chain.pairs
  assert.is(pair.votes, 5)
  assert.equal(pair.ideas, [
    { text: 'Samtalsguide', votes: 3, prototypes: ['Verktyg till chefer', 'Informationsmaterial'] },
    { text: 'Mentorskap', votes: 0, prototypes: ['Verktyg till chefer'] },
  ])
  assert.equal(pair.prototypes, ['Verktyg till chefer', 'Informationsmaterial'])
  const challenge = chain.insights[0].challenges[0]
  assert.is(challenge.votes, 5)
  assert.equal(challenge.ideas.map((d) => [d.idea.id, d.votes, d.prototypes.map((p) => p.id)]), [
    ['shape:d1', 3, ['shape:p1', 'shape:p2']],
    ['shape:d2', 0, ['shape:p1']],
  ])
})

test('votes: missing, non-finite, negative and inherited keys count as 0', () => {
  const records = [card('i', 'insight', 'I'), card('c', 'challenge', 'C'), ...arrow('a', 'i', 'c')]
  assert.is(buildChain(records).pairs[0].votes, 0)
  assert.is(buildChain(records, { votes: {} }).pairs[0].votes, 0)
  assert.is(buildChain(records, { votes: { 'shape:c': Number.NaN } }).pairs[0].votes, 0)
  assert.is(buildChain(records, { votes: { 'shape:c': -2 } }).pairs[0].votes, 0)
  const inherited = Object.create({ 'shape:c': 7 }) as Record<string, number>
  assert.is(buildChain(records, { votes: inherited }).pairs[0].votes, 0)
})

test('extra links without arrows mean the same as arrows', () => {
  const records = [
    card('i', 'insight', 'I'),
    card('c', 'challenge', 'C', { x: 300 }),
    card('q', 'quote', 'Q', { y: 300 }),
    card('d', 'idea', 'D', { y: 400 }),
  ]
  const chain = buildChain(records, {
    links: [
      { id: 'l1', a: 'shape:c', b: 'shape:i' },
      { id: 'l2', a: 'shape:i', b: 'shape:q' },
      { id: 'l3', a: 'shape:d', b: 'shape:c' },
      { id: 'l4', a: 'shape:d', b: 'shape:missing' },
    ],
  })
  assert.is(chain.pairs.length, 1)
  assert.equal(texts(chain.pairs[0].quotes), ['Q'])
  assert.equal(chain.pairs[0].ideas.map((d) => d.text), ['D'])
  assert.equal(chain.orphans, [])
})

test('links between kinds with no meaning are ignored (quote–challenge, note–insight)', () => {
  const chain = buildChain([
    card('i', 'insight', 'I'),
    card('c', 'challenge', 'C'),
    card('q', 'quote', 'Q'),
    card('n', 'note', 'N'),
    ...arrow('a1', 'q', 'c'),
    ...arrow('a2', 'n', 'i'),
  ])
  assert.equal(chain.pairs, [])
  assert.equal(chain.insights[0].quotes, [])
  assert.is(chain.orphans.length, 2)
})

test('the same insight text twice is two insights (ids, not texts, identify cards)', () => {
  const chain = buildChain([
    card('i1', 'insight', 'Samma'),
    card('i2', 'insight', 'Samma', { y: 100 }),
    card('c', 'challenge', 'C', { x: 300 }),
    ...arrow('a1', 'i1', 'c'),
    ...arrow('a2', 'i2', 'c'),
  ])
  assert.equal(chain.pairs.map((p) => p.insight.id), ['shape:i1', 'shape:i2'])
})

test('result does not depend on record order', () => {
  const records = [
    frame('f', 'F'),
    card('t', 'theme', 'T', { parent: 'f' }),
    card('i', 'insight', 'I', { parent: 'f', y: 100 }),
    card('c1', 'challenge', 'C1', { x: 900, y: 100 }),
    card('c2', 'challenge', 'C2', { x: 900, y: 300 }),
    card('q', 'quote', 'Q', { x: 900, y: 500 }),
    ...arrow('a1', 'i', 'c1'),
    ...arrow('a2', 'c2', 'i'),
    ...arrow('a3', 'q', 'i'),
  ]
  const forward = buildChain(records)
  const backward = buildChain([...records].reverse())
  assert.equal(backward, forward)
})

test.run()
