import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CARD_DEFAULT_SIZE, CARD_TEXT_MAX } from '../../workshops/cards/cardShape'
import { validateBoardRecord } from '../../workshops/cards/schema'
import {
  COLUMNS_MAX,
  createPseudonyms,
  highestRespondent,
  parseQuotes,
  QUOTE_TEXT_MAX,
  QuoteImportError,
  quoteCards,
  QUOTES_MAX,
  type QuoteImportErrorCode,
} from '../../workshops/import/quotes'
import { STEP_FRAME_SIZE } from '../../workshops/templates/grid'
import { stepFrameId } from '../../workshops/templates/placeTemplates'

const texts = (input: { text: string; fileName?: string }) => parseQuotes(input).quotes.map((q) => q.text)

function throwsCode(input: { text: string; fileName?: string }, code: QuoteImportErrorCode): QuoteImportError {
  try {
    parseQuotes(input)
  } catch (err) {
    assert.instance(err, QuoteImportError)
    const e = err as QuoteImportError
    assert.is(e.code, code)
    assert.ok(e.message.length > 20, 'a message that explains')
    return e
  }
  assert.unreachable(`expected ${code}`)
  throw new Error('unreachable')
}

test('pasted lines: one quote per non-empty line', () => {
  const text = 'Jag känner frustration när det saknas vikarier.\n\n  Att prata om mående är en naturlig del av mitt ledarskap.  \r\nTredje\n'
  assert.equal(texts({ text }), [
    'Jag känner frustration när det saknas vikarier.',
    'Att prata om mående är en naturlig del av mitt ledarskap.',
    'Tredje',
  ])
  assert.ok(parseQuotes({ text }).quotes.every((q) => q.respondent === undefined))
})

test('pasted lines: bullets, dashes and numbers are stripped', () => {
  const text = ['- ett', '– två', '• tre', '•fyra', '* fem', '1. sex', '2) sju', '(3) åtta', '10. nio'].join('\n')
  assert.equal(texts({ text }), ['ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio'])
  // Numbers and dashes that belong to the quote stay.
  assert.equal(texts({ text: '2015 var ett tufft år\n-5 grader ute' }), ['2015 var ett tufft år', '-5 grader ute'])
})

test('pasted lines: surrounding quotation marks are stripped', () => {
  const text = [
    '”Jag har stora möjligheter att upptäcka ohälsa, men det krävs att man tittar också”.',
    '"Straight quotes"',
    '“English quotes”',
    '- ”Bullet and quotes”',
    '«Guillemets»',
    'Han sa ”hej” till mig',
    '”Jag sa ”nej” då”',
  ].join('\n')
  assert.equal(texts({ text }), [
    'Jag har stora möjligheter att upptäcka ohälsa, men det krävs att man tittar också.',
    'Straight quotes',
    'English quotes',
    'Bullet and quotes',
    'Guillemets',
    'Han sa ”hej” till mig',
    '”Jag sa ”nej” då”',
  ])
})

test('CSV with ; and quoted fields with åäö, respondents become R1, R2', () => {
  const text = [
    'Citat;Respondent',
    '"Jag är trött; väldigt trött";Åsa Öberg',
    'Det är svårt att säga nej;Björn Ärlig',
    '"Det har ""alltid"" varit så";åsa öberg ',
    ';Björn Ärlig',
    '',
  ].join('\r\n')
  const { quotes } = parseQuotes({ text, fileName: 'intervjuer.csv' })
  assert.equal(quotes, [
    { text: 'Jag är trött; väldigt trött', respondent: 'R1' },
    { text: 'Det är svårt att säga nej', respondent: 'R2' },
    { text: 'Det har "alltid" varit så', respondent: 'R1' },
  ])
  const out = JSON.stringify(quotes)
  for (const name of ['Åsa', 'Öberg', 'åsa', 'Björn', 'Ärlig']) assert.not.ok(out.includes(name), name)
})

test('CSV with , and a multi-line quoted field; header names in any case and position', () => {
  const text = 'Namn,Quote,Datum\n"Kalle Karlsson","Första raden,\nandra raden",2017-03-01\nLisa Lund,"Kort, men sant",2017-03-02\n'
  const { quotes } = parseQuotes({ text, fileName: 'quotes.csv' })
  assert.equal(quotes, [
    { text: 'Första raden,\nandra raden', respondent: 'R1' },
    { text: 'Kort, men sant', respondent: 'R2' },
  ])
  assert.not.ok(JSON.stringify(quotes).includes('Kalle'))
  assert.not.ok(JSON.stringify(quotes).includes('2017'))
})

test('TSV and pasted tables with a header are recognised', () => {
  const tsv = 'text\tintervjuperson\nEtt citat, med komma\tP1\nEtt till\tP2\nTredje\tP1\n'
  assert.equal(parseQuotes({ text: tsv, fileName: 'x.tsv' }).quotes, [
    { text: 'Ett citat, med komma', respondent: 'R1' },
    { text: 'Ett till', respondent: 'R2' },
    { text: 'Tredje', respondent: 'R1' },
  ])
  // Pasted from a spreadsheet, no file name.
  assert.equal(parseQuotes({ text: tsv }).quotes.length, 3)
  assert.equal(parseQuotes({ text: '\uFEFFcitat;person\nHej;X' }).quotes, [{ text: 'Hej', respondent: 'R1' }])
  // A quote column only, and no respondent column: no respondents.
  assert.equal(parseQuotes({ text: 'Citat\nEtt; två\n"Tre, fyra"', fileName: 'c.csv' }).quotes, [
    { text: 'Ett; två' },
    { text: 'Tre, fyra' },
  ])
  // Another column under a name we do not know may be who said it: the import asks first.
  const e = throwsCode({ text: 'quote;intervjuad\nHej;Greta Garbo' }, 'choose-columns')
  assert.equal(e.table, {
    columns: [
      { header: 'quote', samples: ['Hej'] },
      { header: 'intervjuad', samples: ['Greta Garbo'] },
    ],
    hasHeader: true,
    suggested: { quote: 0, respondent: null, headerRow: true },
  })
  assert.not.ok(e.message.includes('Greta'), 'no input in the message')
  assert.equal(parseQuotes({ text: 'quote;intervjuad\nHej;Greta Garbo' }, { columns: { quote: 0, respondent: null, headerRow: true } }).quotes, [{ text: 'Hej' }])
  assert.equal(parseQuotes({ text: 'quote;intervjuad\nHej;Greta Garbo' }, { columns: { quote: 0, respondent: 1, headerRow: true } }).quotes, [{ text: 'Hej', respondent: 'R1' }])
})

test('pasted columns without a header: nothing is imported until it is said which column is which', () => {
  const text = 'Eva Lind\tJag vet inte vad jag får fråga min chef\nBo Ek\tDet saknas vikarier hela tiden\nEva Lind\tJag mår bättre när jag får prata\n'
  const e = throwsCode({ text }, 'choose-columns')
  assert.equal(e.table!.suggested, { quote: 1, respondent: 0, headerRow: false }, 'the long texts are the quotes, the short ones may be names')
  assert.equal(e.table!.columns.map((c) => [c.header, c.samples.length]), [[null, 3], [null, 3]])
  const { quotes } = parseQuotes({ text }, { columns: e.table!.suggested })
  assert.equal(quotes, [
    { text: 'Jag vet inte vad jag får fråga min chef', respondent: 'R1' },
    { text: 'Det saknas vikarier hela tiden', respondent: 'R2' },
    { text: 'Jag mår bättre när jag får prata', respondent: 'R1' },
  ])
  assert.not.ok(JSON.stringify(quotes).includes('Eva'))
  // A text file is treated as pasted text; a CSV without a header as a table of columns.
  throwsCode({ text, fileName: 'citat.txt' }, 'choose-columns')
  throwsCode({ text: 'a,b,c\n1,2,3', fileName: 'x.CSV' }, 'choose-columns')
  // A line of many tabs offers a few columns, not thousands.
  assert.is(throwsCode({ text: `Eva${'\t'.repeat(5000)}Hej` }, 'choose-columns').table!.columns.length, COLUMNS_MAX)
  // The first row can be declared a header.
  assert.equal(parseQuotes({ text: 'Vem\tVad\nEva\tHej' }, { columns: { quote: 1, respondent: 0, headerRow: true } }).quotes, [{ text: 'Hej', respondent: 'R1' }])
})

test('respondent numbers go on across imports of one workshop, and a failed import uses none', () => {
  // The board already has R1 and R2 from an earlier import.
  const highest = highestRespondent(['"Hej" — R1', '"Nej" — R2', 'Utan respondent', 'Slutar på R9 men utan streck'])
  assert.is(highest, 2)
  const book = createPseudonyms(highest)
  const first = parseQuotes({ text: 'citat;namn\nEtt;Eva\nTvå;Bo' }, { pseudonyms: book })
  assert.equal(first.quotes.map((q) => q.respondent), ['R3', 'R4'])
  // The same person again, while this page keeps the book, keeps her number; a new one gets the next.
  const second = parseQuotes({ text: 'citat;namn\nTre;eva \nFyra;Åsa' }, { pseudonyms: book })
  assert.equal(second.quotes.map((q) => q.respondent), ['R3', 'R5'])
  assert.throws(() => parseQuotes({ text: `citat;namn\nFem;Olle\n${'x'.repeat(QUOTE_TEXT_MAX + 1)};Per` }, { pseudonyms: book }))
  assert.equal(parseQuotes({ text: 'citat;namn\nSex;Olle' }, { pseudonyms: book }).quotes[0].respondent, 'R6')
})

test('pasted lines with commas are not mistaken for CSV', () => {
  const text = 'Jag tycker, ärligt talat, att det är svårt\nVi har, som chefer, ett stort ansvar'
  assert.equal(texts({ text }), ['Jag tycker, ärligt talat, att det är svårt', 'Vi har, som chefer, ett stort ansvar'])
})

test('a one-column CSV without a header: every row is a quote', () => {
  assert.equal(texts({ text: 'Första\n"Andra, med komma"\n\nTredje', fileName: 'c.csv' }), [
    'Första',
    'Andra, med komma',
    'Tredje',
  ])
})

test('errors: empty input', () => {
  throwsCode({ text: '' }, 'empty')
  throwsCode({ text: '  \n\t\r\n ' }, 'empty')
  throwsCode({ text: '- \n• \n""' }, 'empty')
  throwsCode({ text: 'Citat;Respondent\n', fileName: 'a.csv' }, 'empty')
})

test('errors: no quote column in a CSV with a header', () => {
  const e = throwsCode({ text: 'Namn;Svar\nAnna;Hej', fileName: 'svar.csv' }, 'no-quote-column')
  assert.ok(e.message.includes('citat'))
  assert.not.ok(e.message.includes('Anna'), 'no input in the message')
})

test('errors: a quote too long for a card', () => {
  const long = 'x'.repeat(CARD_TEXT_MAX + 1)
  const e = throwsCode({ text: `kort\n${long}` }, 'quote-too-long')
  assert.is(e.line, 2)
  assert.not.ok(e.message.includes('xxxx'))
  throwsCode({ text: `citat;namn\n"${long}";A`, fileName: 'a.csv' }, 'quote-too-long')
  // The longest allowed quote still fits a card with its pseudonym.
  const { quotes } = parseQuotes({ text: `citat;namn\n${'y'.repeat(QUOTE_TEXT_MAX)};A` })
  const [card] = quoteCards(quotes, { parentId: stepFrameId('add-quotes'), author: '' })
  assert.not.throws(() => validateBoardRecord(card))
})

test('errors: more than 500 quotes', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `Citat ${i + 1}`).join('\n')
  assert.is(parseQuotes({ text: lines(QUOTES_MAX) }).quotes.length, 500)
  const e = throwsCode({ text: lines(QUOTES_MAX + 1) }, 'too-many-quotes')
  assert.is(e.line, 501)
})

test('errors: binary-looking content', () => {
  throwsCode({ text: 'PK\u0003\u0004\u0014\u0000\u0006\u0000xl/workbook.xml', fileName: 'citat.xlsx' }, 'binary')
  throwsCode({ text: '%PDF-1.7\n%âãÏÓ\n1 0 obj' }, 'binary')
  throwsCode({ text: 'abc\u0000def' }, 'binary')
  throwsCode({ text: '\uFFFD\uFFFD\u0001\u0002 garbage \uFFFD\u0003'.repeat(20) }, 'binary')
  // One stray odd character in real text is fine.
  assert.is(parseQuotes({ text: 'Ett citat med ett konstigt tecken \uFFFD här' }).quotes.length, 1)
})

test('quoteCards: 20 quotes become 20 quote cards in a grid inside the step frame', () => {
  const quotes = parseQuotes({ text: Array.from({ length: 20 }, (_, i) => `Citat nummer ${i + 1}`).join('\n') }).quotes
  const parentId = stepFrameId('add-quotes')
  let n = 0
  const cards = quoteCards(quotes, { parentId, author: 'Processledare', idFactory: () => `shape:quote-${++n}` as any }) as any[]
  assert.is(cards.length, 20)
  assert.equal(
    cards.map((c) => c.id),
    Array.from({ length: 20 }, (_, i) => `shape:quote-${i + 1}`),
  )
  for (const card of cards) {
    assert.not.throws(() => validateBoardRecord(card))
    assert.is(card.type, 'card')
    assert.is(card.parentId, parentId)
    assert.is(card.props.kind, 'quote')
    assert.is(card.props.author, 'Processledare')
    assert.is(card.isLocked, false)
    assert.ok(card.x >= 0 && card.y >= 0)
    assert.ok(card.x + card.props.w <= STEP_FRAME_SIZE.w, 'inside the frame horizontally')
    assert.ok(card.y + card.props.h <= STEP_FRAME_SIZE.h, 'inside the frame vertically')
  }
  assert.is(cards[0].props.text, 'Citat nummer 1')
  // A grid: no two cards overlap, rows of five.
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i]
      const b = cards[j]
      const overlap = a.x < b.x + b.props.w && b.x < a.x + a.props.w && a.y < b.y + b.props.h && b.y < a.y + a.props.h
      assert.not.ok(overlap, `${a.id} overlaps ${b.id}`)
    }
  }
  assert.is(new Set(cards.map((c) => c.y)).size, 4)
  assert.is(new Set(cards.map((c) => c.x)).size, 5)
  // Indexes distinct and in order.
  const indexes = cards.map((c) => c.index)
  assert.is(new Set(indexes).size, 20)
  assert.equal(indexes, [...indexes].sort())
})

test('quoteCards: respondent text, origin, columns, default ids and indexes above existing children', () => {
  const { quotes } = parseQuotes({ text: 'citat;namn\nHej;Greta Garbo\nHå;\nNej;Greta Garbo', fileName: 'a.csv' })
  const cards = quoteCards(quotes, {
    parentId: 'shape:frame' as any,
    author: '',
    origin: { x: 100, y: 50 },
    columns: 2,
    indexAbove: 'a9',
  }) as any[]
  assert.equal(
    cards.map((c) => c.props.text),
    ['"Hej" — R1', 'Hå', '"Nej" — R1'],
  )
  assert.equal(
    cards.map((c) => [c.x, c.y]),
    [
      [100, 50],
      [100 + CARD_DEFAULT_SIZE.w + 20, 50],
      [100, 50 + CARD_DEFAULT_SIZE.h + 20],
    ],
  )
  assert.ok(cards.every((c) => c.index > 'a9'))
  assert.is(new Set(cards.map((c) => c.id)).size, 3)
  assert.ok(cards.every((c) => /^shape:./.test(c.id)))
  assert.not.ok(JSON.stringify(cards).includes('Greta'))
  assert.equal(quoteCards([], { parentId: 'shape:frame' as any, author: '' }), [])
})

test.run()
