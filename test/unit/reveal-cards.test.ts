import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { TLRecord } from '@tldraw/tlschema'
import { validateBoardRecord } from '../../workshops/cards/schema'
import { planReveal } from '../../workshops/facilitation/revealCards'
import { card, frame } from './helpers/boardRecords'

const board = (records: unknown[]) => {
  const byId = new Map((records as TLRecord[]).map((r) => [r.id as string, r]))
  return { get: (id: string) => byId.get(id), values: () => byId.values() }
}

test('a revealed card keeps the fields that fit its kind; a part of another (feedback) keeps its place under it', () => {
  const onBoard = [frame('test', 'Test av prototyperna', { w: 1400, h: 900 }), card('p1', 'prototype', 'Filmer', { parent: 'test', x: 700, y: 100 })]
  let n = 0
  const plan = planReveal({
    groups: [
      [
        card('mine-1', 'feedback', 'Korta filmer funkar', { parent: 'test', x: 700, y: 300, author: 'Ahmed', fields: { verdict: 'works', role: 'rektor', name: 'Lena' } }),
        card('mine-2', 'note', 'En anteckning', { parent: 'test', x: 700, y: 500, fields: { minutes: 5 } }),
      ],
    ],
    target: { frameId: 'shape:test', w: 1400, h: 900 },
    board: board(onBoard),
    anonymous: false,
    newId: () => `shape:new-${++n}`,
  })
  const [feedback, note] = plan.cards as unknown as Array<{ x: number; y: number; props: { kind: string; fields: unknown; author: string }; parentId: string }>
  assert.is(feedback.props.kind, 'feedback')
  assert.equal(feedback.props.fields, { verdict: 'works', role: 'rektor' }, 'only declared fields come along')
  assert.equal([feedback.parentId, feedback.x, feedback.y], ['shape:test', 700, 300], 'it stays under the prototype it was written for')
  assert.equal(note.props.fields, {})
  assert.is(note.y > 100 + 140, true, 'a plain card goes in the row below what the frame holds')
  for (const c of plan.cards) assert.not.throws(() => validateBoardRecord(c))
})

test('bigger kinds get a bigger grid, so revealed cards do not overlap', () => {
  const plan = planReveal({
    groups: [[card('a', 'block', 'Ett', { fields: { minutes: 10 } }), card('b', 'block', 'Två', { x: 10 })]],
    target: { frameId: 'shape:f', w: 1200, h: 400 },
    board: board([frame('f', 'F', { w: 1200, h: 400 })]),
    anonymous: true,
  })
  const [a, b] = plan.cards as unknown as Array<{ x: number; props: { w: number; author: string } }>
  assert.is(a.props.w, 240, 'a block is wider than a note')
  assert.ok(b.x - a.x >= a.props.w, 'side by side, not on top of each other')
  assert.is(a.props.author, '')
})

test.run()
