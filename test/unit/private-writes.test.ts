import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { boardRecordStore } from '../../workshops/doc/boardDoc'
import { markNewCard, writeBoardChange } from '../../workshops/doc/privateWrites'
import { card, frame } from './helpers/boardRecords'

const r = (x: unknown) => x as TLRecord
type Shape = Extract<TLRecord, { typeName: 'shape' }>
const stores = () => ({ board: boardRecordStore(new Y.Doc()), private: boardRecordStore(new Y.Doc()) })
const ids = (kv: ReturnType<typeof boardRecordStore>) => [...kv.map.keys()].sort()

test('a card made while private writing is on is marked private; anything else, or with it off, is not', () => {
  const c = r(card('c', 'idea', 'Hemlig idé'))
  assert.equal((markNewCard(c, true).meta as Record<string, unknown>).private, true)
  assert.is(markNewCard(c, false), c)
  const f = r(frame('f', 'Ram'))
  assert.is(markNewCard(f, true), f, 'a frame stays shared: the reveal moves only cards')
})

test('private records and deletes of them go to the private document, the rest to the board', () => {
  const t = stores()
  const shared = r(card('shared', 'note', 'Delad'))
  const secret = markNewCard(r(card('secret', 'idea', 'Hemlig')), true)
  writeBoardChange(t, { put: [shared, secret] })
  assert.equal(ids(t.board), ['shape:shared'])
  assert.equal(ids(t.private), ['shape:secret'])
  // An edit keeps the record where it is; a delete finds it there.
  writeBoardChange(t, { put: [{ ...secret, props: { ...(secret as Shape).props, text: 'Hemligare' } } as TLRecord], remove: ['shape:shared'] })
  assert.equal(ids(t.board), [])
  assert.is(((t.private.get('shape:secret') as Shape).props as { text: string }).text, 'Hemligare')
  writeBoardChange(t, { remove: ['shape:secret'] })
  assert.equal(ids(t.private), [])
})

test('without a private document everything goes to the board', () => {
  const board = boardRecordStore(new Y.Doc())
  writeBoardChange({ board }, { put: [markNewCard(r(card('x', 'idea', 'X')), true)] })
  assert.equal(ids(board), ['shape:x'])
})

test('a card in both documents (mid-reveal) is deleted from both', () => {
  const t = stores()
  const secret = markNewCard(r(card('s', 'idea', 'S')), true)
  t.private.set(secret.id, secret)
  t.board.set(secret.id, { ...secret, meta: {} } as TLRecord)
  writeBoardChange(t, { remove: [secret.id] })
  assert.equal([ids(t.board), ids(t.private)], [[], []])
})

test.run()
