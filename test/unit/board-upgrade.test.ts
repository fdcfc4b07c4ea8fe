import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { validateBoardRecord, boardSchema } from '../../workshops/cards/schema'
import { appendRecords, boardMeta, readBoardRecords } from '../../workshops/doc/boardDoc'
import { emptyBoardRecords } from '../../workshops/doc/initialRecords'
import { DOC_VERSION, META_DOC_VERSION, META_TLDRAW_SCHEMA } from '../../workshops/doc/layout'
import { upgradeBoardDoc } from '../../workshops/doc/upgradeBoard'
import { arrow, card, frame } from './helpers/boardRecords'

/** The schema a board of version 1 stored: today's tldraw, our card at its first version. */
function versionOneSchema(): SerializedSchema {
  const now = boardSchema.serialize()
  return { ...now, sequences: { ...now.sequences, 'com.tldraw.shape.card': 1 } } as SerializedSchema
}

/** A card as version 1 wrote it: no `fields`. */
function v1Card(id: string, kind: string, text: string, opts: Parameters<typeof card>[3] = {}) {
  const c = card(id, kind, text, opts)
  const { fields: _fields, ...props } = c.props
  return { ...c, props }
}

/** A stored version-1 board: meta, page, a frame, cards of every old kind, an arrow between two. */
function versionOneBoard() {
  const doc = new Y.Doc()
  const records = [
    ...emptyBoardRecords('Gamla tavlan'),
    frame('step-write', 'Steg 1'),
    v1Card('insight', 'insight', 'Vi har funnit att chefer är ensamma', { parent: 'step-write' }),
    v1Card('challenge', 'challenge', 'Hur skulle vi kunna … ?', { parent: 'step-write', x: 300 }),
    ...['quote', 'theme', 'need', 'idea', 'prototype', 'note'].map((kind, i) => v1Card(`c-${kind}`, kind, `${kind} ${i}`, { y: 400 + i * 200 })),
    ...arrow('a1', 'insight', 'challenge'),
  ] as unknown as TLRecord[]
  doc.transact(() => {
    boardMeta(doc).set(META_DOC_VERSION, 1)
    boardMeta(doc).set(META_TLDRAW_SCHEMA, versionOneSchema())
    appendRecords(doc, records)
  })
  return { doc, records }
}

test('a stored version-1 board keeps every card, each now with empty fields, and says it is the current version', () => {
  const { doc, records } = versionOneBoard()
  const cardIds = records.filter((r) => r.typeName === 'shape' && r.type === 'card').map((r) => r.id)
  assert.throws(() => validateBoardRecord(records.find((r) => r.id === cardIds[0])), 'a version-1 card is not a valid card today')

  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  assert.is(upgradeBoardDoc(doc), cardIds.length, 'every card rewritten')
  assert.is(updates.length, 1, 'one update to store')

  const after = readBoardRecords(doc)
  assert.is(after.length, records.length, 'nothing lost, nothing added')
  for (const id of cardIds) {
    const upgraded = after.find((r) => r.id === id) as TLRecord & { props: Record<string, unknown> }
    const before = records.find((r) => r.id === id) as TLRecord & { props: Record<string, unknown> }
    assert.equal(upgraded.props, { ...before.props, fields: {} }, `${id}: its text, kind, author and size as they were`)
    assert.not.throws(() => validateBoardRecord(upgraded))
  }
  for (const r of after) assert.not.throws(() => validateBoardRecord(r), `${r.id} validates`)
  assert.is(boardMeta(doc).get(META_DOC_VERSION), DOC_VERSION)
  assert.equal(boardMeta(doc).get(META_TLDRAW_SCHEMA), boardSchema.serialize())

  // A second load has nothing to do.
  assert.is(upgradeBoardDoc(doc), 0)
  assert.is(updates.length, 1)
})

test('the upgrade reaches another copy of the document as an ordinary update', () => {
  const { doc } = versionOneBoard()
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  doc.on('update', (u: Uint8Array) => Y.applyUpdate(copy, u))
  upgradeBoardDoc(doc)
  assert.equal(readBoardRecords(copy), readBoardRecords(doc))
})

test('a private document (no meta) gets its cards upgraded and no meta; a current or newer board, or a control document, is left alone', () => {
  const priv = new Y.Doc()
  appendRecords(priv, [v1Card('mine', 'idea', 'Min idé'), card('newer', 'feedback', 'Bra', { fields: { verdict: 'works' } })] as unknown as TLRecord[])
  assert.is(upgradeBoardDoc(priv), 1, 'only the old card')
  assert.equal((readBoardRecords(priv).find((r) => r.id === 'shape:newer') as unknown as { props: { fields: unknown } }).props.fields, { verdict: 'works' }, 'a newer card keeps its fields')
  assert.is(priv.getMap('meta').size, 0)

  const newer = new Y.Doc()
  newer.transact(() => {
    boardMeta(newer).set(META_DOC_VERSION, DOC_VERSION + 1)
    appendRecords(newer, [v1Card('x', 'note', 'x')] as unknown as TLRecord[])
  })
  assert.is(upgradeBoardDoc(newer), 0)
  assert.is(boardMeta(newer).get(META_DOC_VERSION), DOC_VERSION + 1)

  const control = new Y.Doc()
  control.getMap('agenda').set('stepIndex', 2)
  const before = Y.encodeStateAsUpdate(control)
  assert.is(upgradeBoardDoc(control), 0)
  assert.equal(Y.encodeStateAsUpdate(control), before)
})

test.run()
