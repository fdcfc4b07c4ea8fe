import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { DocumentRecordType, TLDOCUMENT_ID, type TLRecord } from '@tldraw/tlschema'
import { boardSchema } from '../../workshops/cards/schema'
import {
  buildWorkshopFile,
  parseWorkshopFile,
  WorkshopFileError,
  workshopFileToJson,
  type WorkshopFile,
} from '../../workshops/export/workshopFile'
import { arrow, card, frame, page } from './helpers/boardRecords'

const records = [
  DocumentRecordType.create({ id: TLDOCUMENT_ID }),
  page(),
  frame('f', 'Steg 1', { y: 500 }),
  card('i', 'insight', 'Vi har funnit att … åäö', { parent: 'f', x: 10, y: 40, author: 'Åsa' }),
  card('c', 'challenge', 'Hur skulle vi kunna … ?'),
  ...arrow('a', 'i', 'c'),
] as unknown as TLRecord[]

function sample(): WorkshopFile {
  return buildWorkshopFile({
    method: 'ws2',
    title: 'Grupp 2 – insikter',
    settings: { anonymous: true, personaId: 'anna' },
    records,
    votes: { 'shape:c': 3, 'shape:i': 0 },
    agendaAsRun: [{ stepId: 'write-insights', title: { sv: 'Skriv insikter', en: 'Write insights' }, startedAt: 1, endedAt: 2 }],
    exportedAt: new Date('2026-11-25T10:00:00Z'),
  })
}

function rejects(input: unknown, pattern: RegExp): void {
  try {
    parseWorkshopFile(input)
  } catch (error) {
    assert.instance(error, WorkshopFileError)
    assert.match((error as Error).message, pattern)
    return
  }
  assert.unreachable(`accepted a file that should fail with ${pattern}`)
}

test('build: versioned, no keys, records sorted by id, zero votes left out, schema included', () => {
  const file = sample()
  assert.is(file.format, 'samverkstad.workshop')
  assert.is(file.version, 1)
  assert.is(file.exportedAt, '2026-11-25T10:00:00.000Z')
  assert.equal(file.votes, { 'shape:c': 3 })
  assert.equal(file.board.schema, boardSchema.serialize())
  const ids = file.board.records.map((r) => r.id)
  assert.equal(ids, [...ids].sort())
  assert.is(ids.length, records.length)
  assert.not.match(workshopFileToJson(file), /key/i)
  assert.is(buildWorkshopFile({ ...sample(), records, votes: {}, agendaAsRun: [], exportedAt: 'x', settings: {} }).control, null)
})

test('round trip: build → JSON → parse gives the same file', () => {
  const file = sample()
  const parsed = parseWorkshopFile(JSON.parse(workshopFileToJson(file)))
  assert.equal(parsed, file)
  assert.equal(JSON.parse(workshopFileToJson(parsed)), JSON.parse(workshopFileToJson(file)))
})

test('settings added later by other modules travel unchanged', () => {
  const file = { ...sample(), settings: { anonymous: false, lockedFrames: ['shape:f'], future: { a: 1 } } }
  assert.equal(parseWorkshopFile(JSON.parse(JSON.stringify(file))).settings, file.settings)
})

test('rejects other files, and unknown or newer versions, with a clear message', () => {
  rejects([], /not a Samverkstad workshop file/)
  rejects({ format: 'samverkstad.pairs', version: 1 }, /"format" is "samverkstad.pairs"/)
  rejects({ ...sample(), version: 99 }, /version 99, made by a newer Samverkstad; this server reads version 1/)
  rejects({ ...sample(), version: 0 }, /unknown workshop file version 0/)
  rejects({ ...sample(), version: '1' }, /unknown workshop file version "1"/)
})

test('rejects bad fields and bad board records, naming the record', () => {
  const file = sample()
  rejects({ ...file, title: '  ' }, /^title:/)
  rejects({ ...file, votes: { 'shape:c': -1 } }, /^votes/)
  const badCard = { ...card('x', 'idea', 'text'), props: { kind: 'idea', text: 7, author: '', w: 200, h: 140 } }
  rejects({ ...file, board: { ...file.board, records: [...file.board.records, badCard] } }, /board\.records\[\d+\] \(shape:x\)/)
  const unknownType = { ...card('y', 'idea', 'text'), type: 'sticker' }
  rejects({ ...file, board: { ...file.board, records: [...file.board.records, unknownType] } }, /\(shape:y\)/)
  rejects({ ...file, board: { ...file.board, records: [...file.board.records, { typeName: 'camera' }] } }, /has no id/)
  const orphan = card('z', 'note', 'lost', { parent: 'nowhere' })
  rejects({ ...file, board: { ...file.board, records: [...file.board.records, orphan] } }, /parent shape:nowhere is not in the file/)
  const twice = file.board.records[0]
  rejects({ ...file, board: { ...file.board, records: [...file.board.records, twice] } }, /appears twice/)
  rejects({ ...file, board: { ...file.board, records: file.board.records.filter((r) => r.typeName !== 'page') } }, /no page/)
})

test('a board saved by a newer board schema is refused', () => {
  const file = sample()
  const schema = structuredClone(file.board.schema) as { sequences: Record<string, number> }
  schema.sequences['com.tldraw.shape.frame'] = 999
  rejects({ ...file, board: { ...file.board, schema } }, /newer version of the board format/)
})

test('a file saved before cards had fields imports with every card, each given empty fields', () => {
  const file = JSON.parse(workshopFileToJson(sample()))
  file.board.schema.sequences['com.tldraw.shape.card'] = 1
  for (const r of file.board.records) if (r.type === 'card') delete r.props.fields
  const parsed = parseWorkshopFile(file)
  const cards = parsed.board.records.filter((r) => r.typeName === 'shape' && r.type === 'card') as unknown as Array<{ id: string; props: { fields: unknown; text: string } }>
  assert.equal(cards.map((c) => [c.id, c.props.text, c.props.fields]), [
    ['shape:c', 'Hur skulle vi kunna … ?', {}],
    ['shape:i', 'Vi har funnit att … åäö', {}],
  ])
  // Without the schema saying so, a card without fields is not a card of this version.
  const bare = JSON.parse(workshopFileToJson(sample()))
  for (const r of bare.board.records) if (r.type === 'card') delete r.props.fields
  rejects(bare, /fields/)
})

test.run()
