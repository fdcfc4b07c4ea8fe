import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { TLRecord } from '@tldraw/tlschema'
import { framesWithCards } from '../../workshops/export/boardFrames'
import { card, frame } from './helpers/boardRecords'

const records = (list: unknown[]) => list as TLRecord[]

test('the frames a report pictures: those holding people\'s cards, outermost, in board order', () => {
  const board = records([
    frame('b', 'Steg 2', { x: 1300, y: 1000 }),
    frame('a', 'Steg 1', { x: 0, y: 1000 }),
    frame('empty', 'Tom', { x: 2600, y: 1000 }),
    frame('journey', 'Annas resa', { x: 0, y: 0 }),
    frame('phase', 'Före', { parent: 'journey', x: 40, y: 80 }),
    frame('persona', 'Anna', { x: 3000, y: 0 }),
    card('c1', 'insight', 'en insikt', { parent: 'b' }),
    card('c2', 'insight', 'en till', { parent: 'a' }),
    card('c3', 'note', 'i en fas', { parent: 'phase' }),
    { ...card('p1', 'note', 'Ålder: 36 år', { parent: 'persona' }), meta: { template: 'persona', field: 'age' } },
    card('loose', 'note', 'på sidan'),
  ])
  assert.equal(framesWithCards(board), [
    { id: 'shape:journey', name: 'Annas resa' },
    { id: 'shape:a', name: 'Steg 1' },
    { id: 'shape:b', name: 'Steg 2' },
  ])
  assert.equal(framesWithCards(records([frame('x', 'X'), card('y', 'note', 'lös')])), [])
})

test.run()
