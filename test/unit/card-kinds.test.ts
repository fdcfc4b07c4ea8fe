import fs from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { contrastRatio, MIN_TEXT_CONTRAST, TEXT_INK } from '../../workshops/cards/contrast'
import { parseCardKinds } from '../../workshops/cards/kindDeclaration'
import { builtinCardKinds, BUILTIN_KINDS_FILE, cardKinds, installCardKinds } from '../../workshops/cards/kinds'
import { validateBoardRecord } from '../../workshops/cards/schema'
import { DefinitionError } from '../../workshops/method/parseDefinition'
import { DEFAULT_DOC_LIMITS } from '../../workshops/rules/limits'
import type { BoardState } from '../../workshops/rules/recordChange'
import { validRecord } from '../../workshops/rules/schemaRules'
import { card } from './helpers/boardRecords'

const TODAYS_KINDS = ['quote', 'theme', 'need', 'insight', 'challenge', 'idea', 'prototype', 'note']
/** The ids other parts of the product (the carry-over between workshops) select records by. */
const WS4_TO_WS8_KINDS = ['feedback', 'session', 'block', 'scene', 'role', 'line', 'shot', 'exercise', 'organisation', 'activity']

/** A valid value for every field of every built-in kind. */
const VALID_FIELDS: Record<string, Record<string, string | number>> = {
  quote: {},
  theme: {},
  need: {},
  insight: {},
  challenge: {},
  idea: {},
  prototype: { changes: 'Kortare filmer, en per arbetsplatsträff' },
  note: {},
  feedback: { verdict: 'change', role: 'enhetschef' },
  session: { minutes: 180 },
  block: { type: 'film', minutes: 30, material: 'Filmen Annas resa', responsible: 'HR-strateg' },
  scene: { place: 'Personalrummet', who: 'Anna och hennes chef' },
  role: { name: 'Anna' },
  line: { speaker: 'Chefen' },
  shot: { place: 'Korridoren', who: 'Anna', props: 'Kaffekopp', minutes: 10 },
  exercise: {
    situation: 'En medarbetare som alltid varit engagerad har börjat dra sig undan på arbetsplatsträffarna.',
    manager: 'Du har märkt att Sara är tyst och trött.',
    employee: 'Du sover dåligt och vill inte vara till besvär.',
    observer: 'Lägg märke till hur chefen frågar och lyssnar.',
    questions: 'Hur har du det?\nVad behöver du av mig?',
  },
  organisation: { followUp: '2027-03-15' },
  activity: { who: 'HR-strateg', when: 'hösten 2026' },
}

const board: BoardState = { channel: 'board', role: 'participant', boardLocked: false, limits: DEFAULT_DOC_LIMITS, get: () => undefined, recordCount: 0, docBytes: 0 }
/** What the server's record rule says about a card: null when it keeps it. */
const serverSays = (record: unknown) => validRecord({ id: (record as { id: string }).id, before: undefined, after: record, beforeBytes: 0, afterBytes: 0 }, board)

function problemOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    return (error as Error).message
  }
  assert.unreachable('expected an error')
  return ''
}

test('the built-in kinds: today\'s eight keep their ids, and WS4–WS8 have theirs', () => {
  const ids = cardKinds().ids
  assert.equal(ids.slice(0, 8), TODAYS_KINDS)
  for (const id of WS4_TO_WS8_KINDS) assert.ok(ids.includes(id), id)
  assert.equal(Object.keys(VALID_FIELDS).sort(), [...ids].sort(), 'every kind has a fixture below')
})

test('every kind has labels in both languages and a colour its dark text reads on (4.5:1)', () => {
  const css = fs.readFileSync(new URL('../../client/styles.css', import.meta.url), 'utf8')
  assert.match(css, `--ink: ${TEXT_INK};`, 'the check uses the text colour the cards really have')
  for (const kind of cardKinds().kinds) {
    assert.ok(kind.label.sv && kind.label.en, kind.id)
    const ratio = contrastRatio(kind.color, TEXT_INK)
    assert.ok(ratio >= MIN_TEXT_CONTRAST, `${kind.id}: ${kind.color} gives ${ratio.toFixed(2)}:1`)
  }
  assert.is(new Set(cardKinds().kinds.map((k) => k.color)).size, cardKinds().kinds.length, 'kinds are told apart by colour')
})

test('the declared fields other parts rely on: names and value sets', () => {
  const c = cardKinds()
  const values = (kind: string, field: string) => {
    const f = c.field(kind, field)
    return f?.type === 'choice' ? f.values.map((v) => v.id) : f?.type
  }
  assert.equal(values('feedback', 'verdict'), ['works', 'change', 'question'])
  assert.is(values('feedback', 'role'), 'text')
  assert.is(values('session', 'minutes'), 'number')
  assert.equal(values('block', 'type'), ['film', 'reflection', 'discussion', 'exercise', 'lecture'])
  assert.equal(c.info('block').fields.map((f) => f.id), ['type', 'minutes', 'material', 'responsible'])
  assert.equal(c.info('exercise').fields.map((f) => f.id), ['situation', 'manager', 'employee', 'observer', 'questions'])
  assert.equal(c.info('activity').fields.map((f) => f.id), ['who', 'when'])
  assert.is(values('organisation', 'followUp'), 'date')
  assert.is(c.partOf('block'), 'session')
  assert.is(c.partOf('feedback'), 'prototype')
  assert.is(c.partOf('activity'), 'organisation')
  assert.ok(c.mayLink('block', 'need') && c.mayLink('need', 'block') && c.mayLink('block', 'prototype'))
  assert.not.ok(c.mayLink('quote', 'challenge'))
  assert.ok(c.mayLink('note', 'session'), 'a note may be linked to anything')
})

test('a card of every kind with valid fields validates, on the board and on the server', () => {
  for (const [kind, fields] of Object.entries(VALID_FIELDS)) {
    const record = card(`c-${kind}`, kind, 'Text', { fields })
    assert.not.throws(() => validateBoardRecord(record), kind)
    assert.is(serverSays(record), null, kind)
    assert.is(serverSays(card(`e-${kind}`, kind, '')), null, `${kind} with no fields set`)
  }
})

test('invalid structured fields are refused, naming the field and the problem', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['block', { minutes: 'lots' }, 'fields.minutes: expected a whole number'],
    ['block', { minutes: 0 }, 'fields.minutes: expected a number from 1 to 600, got 0'],
    ['session', { minutes: 2000 }, 'fields.minutes: expected a number from 1 to 1440, got 2000'],
    ['block', { type: 'movie' }, 'fields.type: expected one of film, reflection, discussion, exercise, lecture'],
    ['feedback', { verdict: 'maybe' }, 'fields.verdict: expected one of works, change, question'],
    ['feedback', { name: 'Lena Olsson' }, 'fields.name: a feedback card has no field "name"'],
    ['note', { minutes: 5 }, 'fields.minutes: a note card has no field "minutes"'],
    ['organisation', { followUp: '2027-02-30' }, 'fields.followUp: expected a date like 2027-03-15'],
    ['activity', { who: 'x'.repeat(121) }, 'fields.who: longer than 120 characters'],
    ['exercise', { situation: 'x'.repeat(1001) }, 'fields.situation: longer than 1000 characters'],
  ]
  for (const [kind, fields, problem] of cases) {
    const record = card('bad', kind, 'Text', { fields: fields as never })
    assert.match(problemOf(() => validateBoardRecord(record)), problem, `${kind} ${JSON.stringify(fields).slice(0, 40)}`)
    assert.is(serverSays(record), 'invalid-record', `${kind}: the server refuses it`)
  }
  // What tldraw's own validator of the prop catches: not a whole number, too many fields, no fields at all.
  for (const props of [{ fields: { minutes: 2.5 } }, { fields: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`f${i}`, 'x'])) }, { fields: undefined }]) {
    const record = { ...card('bad', 'block', 'Text'), props: { ...card('bad', 'block', 'Text').props, ...props } }
    assert.throws(() => validateBoardRecord(record))
    assert.is(serverSays(record), 'invalid-record')
  }
  assert.is(serverSays(card('bad', 'checklist', 'Text')), 'invalid-record', 'an unknown kind')
})

// --- the declaration file ---------------------------------------------------------------------------

const FILE = 'workshops-dir/card-kinds.json'
const one = (kind: Record<string, unknown>) => JSON.stringify({ kinds: [{ id: 'checklist', label: { sv: 'Checklista', en: 'Checklist' }, color: '#e6fcf5', links: ['block'], ...kind }] })
const declarationProblem = (text: string) => {
  try {
    parseCardKinds(FILE, text, builtinCardKinds())
  } catch (error) {
    assert.instance(error, DefinitionError)
    return (error as Error).message
  }
  assert.unreachable('expected a DefinitionError')
  return ''
}

test('a broken card kinds file names the file, the field and the problem', () => {
  const cases: Array<[string, string]> = [
    [one({ color: '#777777' }), `${FILE}: kinds[0].color: #777777 is too dark for the cards' text (${TEXT_INK}): the contrast is 3.69:1 and at least 4.5:1 is needed; choose a lighter colour`],
    [one({ color: 'green' }), `${FILE}: kinds[0].color: expected a colour like "#a5d8ff", got "green"`],
    [one({ links: ['blok'] }), `${FILE}: kinds[0].links[0]: unknown card kind "blok"; known are ${[...builtinCardKinds().map((k) => k.id), 'checklist'].join(', ')}`],
    [one({ id: 'block' }), `${FILE}: kinds[0].id: "block" is already a card kind`],
    [one({ partOf: 'session' }), `${FILE}: kinds[0].partOf: "session" must also be in links`],
    [one({ fields: [{ id: 'level', type: 'choice', label: { sv: 'Nivå', en: 'Level' } }] }), `${FILE}: kinds[0].fields[0].values: missing`],
    [one({ fields: [{ id: 'note', type: 'text', maxLength: 600, label: { sv: 'N', en: 'N' } }] }), `${FILE}: kinds[0].fields[0].maxLength: a text field holds at most 500 characters; use "longText" for more`],
    [one({ fields: [{ id: 'done', type: 'checkbox', label: { sv: 'Klar', en: 'Done' } }] }), `${FILE}: kinds[0].fields[0].type: expected a field type (one of text, longText, number, choice, date), got "checkbox"`],
    [one({ fields: [{ id: 'n', type: 'number', values: [], label: { sv: 'N', en: 'N' } }] }), `${FILE}: kinds[0].fields[0].values: expected at least two choices`],
    [one({ feilds: [] }), `${FILE}: kinds[0].feilds: unknown field; did you mean "fields"? allowed fields are id, label, color, starter, fields, links, partOf, size`],
    [one({ label: { sv: 'Checklista' } }), `${FILE}: kinds[0].label.en: missing`],
    ['{ "kinds": [ ', `${FILE}: (file): invalid JSON: Unexpected end of JSON input (line 1, column 14)`],
  ]
  for (const [text, message] of cases) assert.is(declarationProblem(text), message)
})

test('an employer\'s own kind: installed beside the built-in ones, its cards validate like any other', () => {
  const own = parseCardKinds(
    FILE,
    one({ partOf: 'block', fields: [{ id: 'done', type: 'choice', label: { sv: 'Klar', en: 'Done' }, values: [{ id: 'yes', label: { sv: 'Ja', en: 'Yes' } }, { id: 'no', label: { sv: 'Nej', en: 'No' } }] }] }),
    builtinCardKinds(),
  )
  const record = card('own', 'checklist', 'Boka lokal', { fields: { done: 'yes' } })
  assert.throws(() => validateBoardRecord(record), 'unknown until installed')
  try {
    installCardKinds([...builtinCardKinds(), ...own])
    assert.not.throws(() => validateBoardRecord(record))
    assert.is(serverSays(record), null)
    assert.is(serverSays(card('own', 'checklist', 'x', { fields: { done: 'maybe' } })), 'invalid-record')
    assert.is(cardKinds().partOf('checklist'), 'block')
    assert.ok(cardKinds().mayLink('block', 'checklist'), 'a link one side declares counts both ways')
  } finally {
    installCardKinds(builtinCardKinds())
  }
  assert.throws(() => validateBoardRecord(record), 'gone again with the built-in kinds')
})

test('the built-in file is the one in the repository, parsed the same way as an employer\'s', () => {
  const text = fs.readFileSync(new URL('../../workshops/card-kinds.json', import.meta.url), 'utf8')
  assert.equal(parseCardKinds(BUILTIN_KINDS_FILE, text), builtinCardKinds())
})

test.run()
