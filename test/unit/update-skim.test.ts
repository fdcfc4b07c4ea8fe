import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import { skimUpdate } from '../../server/sync/guard/updateSkim'

const unlimited = { maxStructs: Infinity, maxDeleteRanges: () => Infinity }

/** A document with every content type Yjs writes, edited and partly deleted by two clients. */
function busyDoc(): Y.Doc[] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.getArray('records').push([{ key: 'k', val: { n: 1 } }, 2, 'three', null])
  a.getMap('meta').set('docVersion', 1)
  a.getText('text').insert(0, 'hej på dig åäö')
  a.getXmlFragment('x').push([new Y.XmlElement('p')])
  a.getArray('records').push([new Uint8Array([1, 2, 3]), new Y.Map()])
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  b.getArray('records').delete(1, 2)
  b.getText('text').delete(2, 3)
  b.getMap('meta').set('docVersion', 2)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  return [a, b]
}

test('the skim counts what Yjs decodes, for every content type', () => {
  for (const doc of busyDoc()) {
    const update = Y.encodeStateAsUpdate(doc)
    const shape = skimUpdate(update, unlimited)!
    const decoded = Y.decodeUpdate(update)
    assert.is(shape.structs, decoded.structs.length)
    let ranges = 0
    for (const r of decoded.ds.clients.values()) ranges += r.length
    assert.is(shape.deleteRanges, ranges)
    for (const s of decoded.structs) assert.ok((shape.reach.get(s.id.client) ?? 0) >= s.id.clock + s.length)
  }
})

test('the skim stops as soon as a count is over its limit', () => {
  const doc = busyDoc()[0]
  const update = Y.encodeStateAsUpdate(doc)
  const { structs, deleteRanges } = skimUpdate(update, unlimited)!
  assert.is(skimUpdate(update, { maxStructs: structs - 1, maxDeleteRanges: () => Infinity }), null)
  assert.is(skimUpdate(update, { maxStructs: Infinity, maxDeleteRanges: () => deleteRanges - 1 }), null)
  assert.ok(skimUpdate(update, { maxStructs: structs, maxDeleteRanges: () => deleteRanges }))
})

test('a truncated update is an error, as for Yjs', () => {
  const update = Y.encodeStateAsUpdate(busyDoc()[0])
  assert.throws(() => skimUpdate(update.slice(0, update.length - 5), unlimited))
})

test.run()
