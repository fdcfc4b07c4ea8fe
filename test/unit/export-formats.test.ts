import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { buildChain, type Pair } from '../../workshops/chain/buildChain'
import { toCsv } from '../../workshops/export/csv'
import { pairsToJson, type PairsJson } from '../../workshops/export/json'
import { escapeMarkdown, pairsToMarkdown } from '../../workshops/export/markdown'
import { pairsToRows } from '../../workshops/export/pairRows'
import { neutraliseFormula } from '../../workshops/export/spreadsheetSafe'
import { arrow, card, frame } from './helpers/boardRecords'

/** A strict RFC 4180-style parser (semicolon separator, CRLF records) to read our CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  let fieldStarted = false
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"') {
      if (fieldStarted) throw new Error(`quote inside unquoted field at ${i}`)
      quoted = true
      fieldStarted = true
      i++
    } else if (ch === ';') {
      row.push(field)
      field = ''
      fieldStarted = false
      i++
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`)
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      fieldStarted = false
      i += 2
    } else if (ch === '\n') {
      throw new Error(`bare LF at ${i}`)
    } else {
      field += ch
      fieldStarted = true
      i++
    }
  }
  if (quoted) throw new Error('unterminated quote')
  if (fieldStarted || row.length > 0) throw new Error('last record not ended with CRLF')
  return rows
}

function samplePairs(): Pair[] {
  return buildChain(
    [
      frame('f', 'Ledarskap'),
      card('t', 'theme', 'Chefens roll', { parent: 'f' }),
      card('i', 'insight', 'Vi har funnit att chefer känner sig otrygga; "ensamma"', { parent: 'f', y: 200 }),
      card('c1', 'challenge', 'Hur skulle vi kunna stödja cheferna att tidigt upptäcka?', { x: 1000, y: 200 }),
      card('c2', 'challenge', '=HYPERLINK("http://x")', { x: 1000, y: 400 }),
      card('q1', 'quote', 'Jag känner frustration\nnär det saknas vikarier.', { x: 1000, y: 600 }),
      card('q2', 'quote', 'Åsa: "Öppet samtal"', { x: 1000, y: 700 }),
      card('d1', 'idea', 'Samtalsguide', { x: 1000, y: 800 }),
      card('d2', 'idea', 'Mentor', { x: 1000, y: 900 }),
      card('p', 'prototype', 'Verktyg till chefer', { x: 1000, y: 1000 }),
      ...arrow('a1', 'i', 'c1'),
      ...arrow('a2', 'c2', 'i'),
      ...arrow('a3', 'q1', 'i'),
      ...arrow('a4', 'i', 'q2'),
      ...arrow('a5', 'c1', 'd1'),
      ...arrow('a6', 'c1', 'd2'),
      ...arrow('a7', 'd1', 'p'),
    ],
    { votes: { 'shape:c1': 4, 'shape:d1': 1, 'shape:d2': 3 } },
  ).pairs
}

test('neutraliseFormula: the OWASP first characters get an apostrophe, nothing else changes', () => {
  for (const hostile of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) {
    assert.is(neutraliseFormula(hostile), `'${hostile}`)
  }
  for (const harmless of ['', 'text', ' =1', "'quoted", 'a=b', 'Åsa', '1-2']) {
    assert.is(neutraliseFormula(harmless), harmless)
  }
})

test('pairsToRows: Swedish and English headers, one row per pair, values one per line', () => {
  const pairs = samplePairs()
  const sv = pairsToRows(pairs, 'sv')
  assert.equal(sv.header, ['Insikt', 'Utmaning', 'Stödjande citat', 'Röster', 'Idéer', 'Prototyper', 'Tema'])
  assert.is(sv.rows.length, 2)
  assert.equal(sv.rows[0], [
    'Vi har funnit att chefer känner sig otrygga; "ensamma"',
    'Hur skulle vi kunna stödja cheferna att tidigt upptäcka?',
    'Jag känner frustration\nnär det saknas vikarier.\nÅsa: "Öppet samtal"',
    '4',
    'Samtalsguide (1 röst)\nMentor (3 röster)',
    'Verktyg till chefer',
    'Chefens roll',
  ])
  assert.equal(sv.rows[1].slice(1, 5), ['=HYPERLINK("http://x")', sv.rows[0][2], '0', ''])
  assert.is(sv.widths!.length, sv.header.length)
  const en = pairsToRows(pairs, 'en')
  assert.equal(en.header, ['Insight', 'Challenge', 'Supporting quotes', 'Votes', 'Ideas', 'Prototypes', 'Theme'])
  assert.is(en.rows[0][4], 'Samtalsguide (1 vote)\nMentor (3 votes)')
  assert.equal(pairsToRows([], 'sv').rows, [])
})

test('CSV: BOM, semicolons, CRLF, quoting, and it parses back to the same cells', () => {
  const table = pairsToRows(samplePairs(), 'sv')
  const csv = toCsv(table)
  assert.ok(csv.startsWith('\uFEFF'))
  assert.ok(csv.endsWith('\r\n'))
  assert.ok(csv.startsWith('\uFEFFInsikt;Utmaning;Stödjande citat;Röster;Idéer;Prototyper;Tema\r\n'))
  const parsed = parseCsv(csv.slice(1))
  assert.equal(parsed[0], table.header)
  assert.equal(parsed[1], table.rows[0])
  // The hostile challenge comes back neutralised, everything else as it was.
  assert.is(parsed[2][1], `'=HYPERLINK("http://x")`)
  assert.equal(parsed[2].slice(2), table.rows[1].slice(2))
  assert.is(parsed.length, 3)
})

test('CSV: every hostile first character neutralised, specials quoted, åäö kept', () => {
  const cells = ['=1+2', '+46 70', '-5', '@cmd', '\tTab', '\rCR', 'a;b', 'say "hi"', 'two\nlines', 'win\r\nline', 'åäö ÅÄÖ é', '', 'plain']
  const csv = toCsv({ header: ['h'], rows: cells.map((c) => [c]) })
  const parsed = parseCsv(csv.slice(1)).slice(1).map((r) => r[0])
  assert.equal(parsed, [
    "'=1+2",
    "'+46 70",
    "'-5",
    "'@cmd",
    "'\tTab",
    "'\rCR",
    'a;b',
    'say "hi"',
    'two\nlines',
    'win\r\nline',
    'åäö ÅÄÖ é',
    '',
    'plain',
  ])
  assert.ok(csv.includes('\r\n"\'\rCR"\r\n'), 'a cell holding CR is quoted')
  assert.ok(csv.includes('\r\n"say ""hi"""\r\n'), 'quotes are doubled')
  assert.ok(csv.includes('\r\nplain\r\n'), 'plain cells are not quoted')
  // Every field of a row stays in its column.
  const wide = toCsv({ header: ['a', 'b', 'c'], rows: [['x;y', '"', '\n']] })
  assert.equal(parseCsv(wide.slice(1))[1], ['x;y', '"', '\n'])
})

test('CSV: an empty table is just the BOM and the header', () => {
  assert.is(toCsv({ header: ['A', 'B'], rows: [] }), '\uFEFFA;B\r\n')
})

test('escapeMarkdown: HTML, links, emphasis, code, tables and block starts become literal', () => {
  assert.is(escapeMarkdown('<script>alert(1)</script>'), '\\<script\\>alert(1)\\</script\\>')
  assert.is(escapeMarkdown('[klicka](http://evil)'), '\\[klicka\\](http://evil)')
  assert.is(escapeMarkdown('![bild](http://evil/x.png)'), '!\\[bild\\](http://evil/x.png)')
  assert.is(escapeMarkdown('*fet* _kursiv_ `kod`'), '\\*fet\\* \\_kursiv\\_ \\`kod\\`')
  assert.is(escapeMarkdown('a | b'), 'a \\| b')
  assert.is(escapeMarkdown('# Rubrik'), '\\# Rubrik')
  assert.is(escapeMarkdown('back\\slash'), 'back\\\\slash')
  assert.is(escapeMarkdown('- lista'), '\\- lista')
  assert.is(escapeMarkdown('1. lista'), '1\\. lista')
  assert.is(escapeMarkdown('&lt;b&gt;'), '\\&lt;b\\&gt;')
  assert.is(escapeMarkdown('Hur skulle vi kunna … ? Åsa, Örjan'), 'Hur skulle vi kunna … ? Åsa, Örjan')
  assert.is(escapeMarkdown('    indented code'), 'indented code')
})

test('pairsToMarkdown: title, a section per pair, quotes as blockquotes, ideas with votes', () => {
  const md = pairsToMarkdown(samplePairs(), 'sv', 'WS2 <Insikter> & [utmaningar]')
  const lines = md.split('\n')
  assert.is(lines[0], '# WS2 \\<Insikter\\> \\& \\[utmaningar\\]')
  assert.is(md.match(/^## /gm)!.length, 2)
  assert.ok(md.includes('## Vi har funnit att chefer känner sig otrygga; "ensamma"\n'))
  assert.ok(md.includes('**Utmaning:** Hur skulle vi kunna stödja cheferna att tidigt upptäcka?\n'))
  assert.ok(md.includes('**Tema:** Chefens roll\n'))
  assert.ok(md.includes('**Röster:** 4\n'))
  assert.ok(md.includes('> Jag känner frustration\\\n> när det saknas vikarier.\n'))
  assert.ok(md.includes('> Åsa: "Öppet samtal"\n'))
  assert.ok(md.includes('- Samtalsguide (1 röst)\n  - Prototyp: Verktyg till chefer\n- Mentor (3 röster)\n'))
  // The hostile challenge is plain text in Markdown (a leading = could otherwise underline a heading).
  assert.ok(md.includes('**Utmaning:** \\=HYPERLINK("http://x")\n'))
  const en = pairsToMarkdown(samplePairs(), 'en', 'Pairs')
  assert.ok(en.includes('**Challenge:**') && en.includes('(3 votes)') && en.includes('**Supporting quotes:**'))
})

test('pairsToMarkdown: hostile card texts cannot add HTML, links or headings', () => {
  const pairs = buildChain(
    [
      card('i', 'insight', '<img src=x onerror=alert(1)>\n# not a heading'),
      card('c', 'challenge', '[phish](javascript:alert(1))\n---', { x: 300 }),
      card('q', 'quote', '> nested\n<div>', { y: 200 }),
      card('d', 'idea', '* star\n1) one', { y: 300 }),
      ...arrow('a1', 'i', 'c'),
      ...arrow('a2', 'q', 'i'),
      ...arrow('a3', 'c', 'd'),
    ],
    {},
  ).pairs
  const md = pairsToMarkdown(pairs, 'en', 'T')
  assert.not.match(md, /(^|[^\\])</m, 'every < is escaped')
  assert.not.match(md, /(^|[^\\])\[/m, 'every [ is escaped')
  assert.not.match(md, /^#(?!#? )/m, 'no heading besides ours')
  assert.is(md.match(/^#{1,2} /gm)!.length, 2)
  assert.ok(md.includes('## \\<img src=x onerror=alert(1)\\> \\# not a heading\n'))
  assert.ok(md.includes('**Challenge:** \\[phish\\](javascript:alert(1))\\\n\\---\n'))
  assert.ok(md.includes('> \\> nested\\\n> \\<div\\>\n'))
  assert.ok(md.includes('- \\* star\\\n  1\\) one (0 votes)\n'))
})

test('pairsToMarkdown: no pairs and empty texts', () => {
  assert.is(pairsToMarkdown([], 'sv', 'Tomt'), '# Tomt\n\nInga par av insikt och utmaning ännu.\n')
  const pairs = buildChain([card('i', 'insight', '  '), card('c', 'challenge', ''), ...arrow('a', 'i', 'c')]).pairs
  const md = pairsToMarkdown(pairs, 'en', '')
  assert.ok(md.startsWith('# (empty)\n\n## (empty)\n\n**Challenge:** (empty)\n'))
})

test('JSON: versioned, stable, round-trips', () => {
  const pairs = samplePairs()
  const meta = { workshopId: 'ws-123', title: 'Åsas grupp', method: 'WS2', exportedAt: new Date('2025-03-01T10:00:00Z') }
  const text = pairsToJson(pairs, meta)
  assert.is(text, pairsToJson(pairs, { ...meta, exportedAt: '2025-03-01T10:00:00.000Z' }), 'same input, same bytes')
  assert.ok(text.endsWith('}\n'))
  const doc = JSON.parse(text) as PairsJson
  assert.equal(Object.keys(doc), ['format', 'version', 'workshopId', 'title', 'method', 'exportedAt', 'pairs'])
  assert.is(doc.format, 'samverkstad.pairs')
  assert.is(doc.version, 1)
  assert.is(doc.title, 'Åsas grupp')
  assert.is(doc.exportedAt, '2025-03-01T10:00:00.000Z')
  assert.is(doc.pairs.length, pairs.length)
  pairs.forEach((pair, i) => {
    const out = doc.pairs[i]
    assert.equal(out.insight, { id: pair.insight.id, text: pair.insight.text, author: pair.insight.author })
    assert.equal(out.challenge, { id: pair.challenge.id, text: pair.challenge.text, author: pair.challenge.author })
    assert.equal(out.quotes.map((q) => q.text), pair.quotes.map((q) => q.text))
    assert.is(out.theme, pair.theme)
    assert.is(out.votes, pair.votes)
    assert.equal(out.ideas, pair.ideas)
    assert.equal(out.prototypes, pair.prototypes)
  })
  // Hostile text is data in JSON: kept exactly as written.
  assert.is(doc.pairs[1].challenge.text, '=HYPERLINK("http://x")')
  assert.is(JSON.parse(pairsToJson([], meta)).pairs.length, 0)
})

test.run()
