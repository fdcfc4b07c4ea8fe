import type { TLRecord } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { judgeRecordChange } from '../../workshops/rules/judge'
import { DEFAULT_DOC_LIMITS } from '../../workshops/rules/limits'
import type { BoardState, RecordChange, WriterRole } from '../../workshops/rules/recordChange'
import { card, frame, page } from './helpers/boardRecords'

type R = Record<string, unknown>
const bytes = (r: unknown) => (r === undefined ? 0 : JSON.stringify(r).length)

/** A board of a locked frame with a card in it, a pinned frame, a free frame and a card on the page. */
function boardOf(overrides: Partial<BoardState> & { role?: WriterRole } = {}): BoardState {
  const records = new Map<string, unknown>(
    [
      page(),
      { ...frame('locked', 'Persona'), isLocked: true },
      card('inLocked', 'note', 'Ålder 36 år', { parent: 'locked' }),
      { ...frame('pinned', 'Annas resa'), meta: { pinned: true } },
      frame('free', 'Steg 1'),
      card('mine', 'idea', 'Min idé'),
    ].map((r) => [r.id, r]),
  )
  return {
    channel: 'board',
    role: 'participant',
    boardLocked: false,
    limits: DEFAULT_DOC_LIMITS,
    get: (id) => records.get(id) as TLRecord | undefined,
    recordCount: records.size,
    docBytes: [...records.values()].reduce<number>((n, r) => n + bytes(r), 0),
    ...overrides,
  }
}

function change(board: BoardState, id: string, after: ((before: R) => unknown) | unknown): RecordChange {
  const before = board.get(id) as R | undefined
  const next = typeof after === 'function' ? (after as (b: R) => unknown)(before!) : after
  return { id, before: before as TLRecord | undefined, after: next, beforeBytes: bytes(before), afterBytes: bytes(next) }
}

const judge = (board: BoardState, id: string, after: unknown) => judgeRecordChange(change(board, id, after), board)

test('a participant edits, moves and deletes unlocked cards and frames freely', () => {
  const b = boardOf()
  assert.is(judge(b, 'shape:mine', (r: R) => ({ ...r, props: { ...(r.props as R), text: 'Ny text' } })), null)
  assert.is(judge(b, 'shape:mine', (r: R) => ({ ...r, x: 500, parentId: 'shape:free' })), null)
  assert.is(judge(b, 'shape:free', (r: R) => ({ ...r, props: { ...(r.props as R), w: 1200 } })), null, 'resizing a step frame beside locked ones')
  assert.is(judge(b, 'shape:mine', undefined), null)
  assert.is(judge(b, 'shape:new', card('new', 'insight', 'Vi har funnit att …')), null)
})

test('locks: nothing locked or inside a locked frame changes; nothing goes into one; only facilitators lock', () => {
  const b = boardOf()
  assert.is(judge(b, 'shape:locked', (r: R) => ({ ...r, x: 10 })), 'locked')
  assert.is(judge(b, 'shape:locked', undefined), 'locked')
  assert.is(judge(b, 'shape:inLocked', (r: R) => ({ ...r, props: { ...(r.props as R), text: 'Hackad' } })), 'locked')
  assert.is(judge(b, 'shape:inLocked', undefined), 'locked')
  assert.is(judge(b, 'shape:mine', (r: R) => ({ ...r, parentId: 'shape:locked' })), 'locked', 'into a locked frame')
  assert.is(judge(b, 'shape:locked', (r: R) => ({ ...r, isLocked: false })), 'lock-change')
  assert.is(judge(b, 'shape:mine', (r: R) => ({ ...r, isLocked: true })), 'lock-change')
  assert.is(judge(b, 'shape:new', { ...card('new', 'note', 'x'), isLocked: true }), 'lock-change', 'a new shape arriving locked')
  const f = boardOf({ role: 'facilitator' })
  assert.is(judge(f, 'shape:locked', (r: R) => ({ ...r, isLocked: false })), null)
  assert.is(judge(f, 'shape:inLocked', (r: R) => ({ ...r, x: 3 })), null)
})

test('pinned frames: participants neither move, resize, rename nor delete them, nor pin anything', () => {
  const b = boardOf()
  assert.is(judge(b, 'shape:pinned', (r: R) => ({ ...r, x: 5000 })), 'pinned')
  assert.is(judge(b, 'shape:pinned', (r: R) => ({ ...r, props: { ...(r.props as R), w: 1, h: 1 } })), 'pinned')
  assert.is(judge(b, 'shape:pinned', undefined), 'pinned')
  assert.is(judge(b, 'shape:mine', (r: R) => ({ ...r, meta: { pinned: true } })), 'pinned')
  assert.is(judge(b, 'shape:mine', (r: R) => ({ ...r, parentId: 'shape:pinned' })), null, 'cards go in and out')
  assert.is(judge(boardOf({ role: 'facilitator' }), 'shape:pinned', (r: R) => ({ ...r, x: 5 })), null)
})

test('template content: participants write in it but do not delete it, nor change what belongs to a template', () => {
  const withTemplate = boardOf({
    get: (id) =>
      (id === 'shape:bubble' ? { ...card('bubble', 'note', 'Jag kan och vågar se!'), meta: { template: 'target-picture' } } : boardOf().get(id)) as TLRecord | undefined,
  })
  assert.is(judge(withTemplate, 'shape:bubble', (r: R) => ({ ...r, props: { ...(r.props as R), text: 'Jag kan alltid vända mig till HR!' } })), null)
  assert.is(judge(withTemplate, 'shape:bubble', undefined), 'template')
  assert.is(judge(withTemplate, 'shape:bubble', (r: R) => ({ ...r, meta: {} })), 'template')
  assert.is(judge(withTemplate, 'shape:mine', (r: R) => ({ ...r, meta: { template: 'persona' } })), 'template')
  assert.is(judge(boardOf({ role: 'facilitator', get: withTemplate.get }), 'shape:bubble', undefined), null)
})

test('a locked board: participants change nothing; the page and document are the facilitator’s', () => {
  const locked = boardOf({ boardLocked: true })
  assert.is(judge(locked, 'shape:mine', (r: R) => ({ ...r, x: 1 })), 'board-locked')
  assert.is(judge(locked, 'shape:new', card('new', 'note', 'x')), 'board-locked')
  assert.is(judge(boardOf({ boardLocked: true, role: 'facilitator' }), 'shape:new', card('new', 'note', 'x')), null)
  assert.is(judge(boardOf(), 'page:page', undefined), 'structure')
  assert.is(judge(boardOf(), 'page:two', page('page:two', 'Sida 2')), 'structure')
})

test('schema and limits hold for everyone, facilitators too', () => {
  for (const role of ['participant', 'facilitator'] as const) {
    const b = boardOf({ role })
    assert.is(judge(b, 'shape:x', { ...card('x', 'note', 'x'), props: { kind: 'poem', text: '', author: '', w: 1, h: 1 } }), 'invalid-record')
    assert.is(judge(b, 'shape:x', card('other', 'note', 'x')), 'invalid-record', 'stored under another id')
    assert.is(judge(b, 'instance:instance', { id: 'instance:instance', typeName: 'instance' }), 'invalid-record', "a browser's own state")
    assert.is(judge(b, 'shape:x', card('x', 'note', 'x'.repeat(4001))), 'invalid-record', 'card text over CARD_TEXT_MAX')
    assert.is(judge(b, 'shape:x', card('x', 'note', 'x'.repeat(200_000))), 'record-too-large')
    const full = boardOf({ role, limits: { ...DEFAULT_DOC_LIMITS, maxRecords: 6 } })
    assert.is(judge(full, 'shape:x', card('x', 'note', 'x')), 'board-full')
    assert.is(judge(full, 'shape:mine', undefined), null, 'removing is always possible on a full board')
  }
})

test("media: images and films point at this workshop's own asset store only; link cards carry no picture from another host", () => {
  const wid = 'AAAAAAAAAAAAAAAAAAAAAA'
  const b = boardOf({ workshopId: wid })
  const image = (src: string | null) => ({
    id: 'asset:i1',
    typeName: 'asset',
    type: 'image',
    props: { name: 'bild.png', src, w: 100, h: 100, mimeType: 'image/png', isAnimated: false },
    meta: {},
  })
  assert.is(judge(b, 'asset:i1', image(`/api/workshops/${wid}/assets/${'a'.repeat(32)}`)), null)
  assert.is(judge(b, 'asset:i1', image(null)), null, 'an upload under way')
  assert.is(judge(b, 'asset:i1', image('data:image/png;base64,iVBORw0KGgo=')), 'foreign-media')
  assert.is(judge(b, 'asset:i1', image('https://tracker.example/pixel.png')), 'foreign-media')
  assert.is(judge(b, 'asset:i1', image(`/api/workshops/BBBBBBBBBBBBBBBBBBBBBB/assets/${'a'.repeat(32)}`)), 'foreign-media', "another workshop's media")
  assert.is(judge(boardOf({ workshopId: wid, role: 'facilitator' }), 'asset:i1', image('https://tracker.example/pixel.png')), 'foreign-media', 'for facilitators too')
})

test('a private document holds method cards only', () => {
  const b = boardOf({ channel: 'private' })
  assert.is(judge(b, 'shape:x', card('x', 'idea', 'Hemlig idé')), null)
  assert.is(judge(b, 'shape:f', frame('f', 'Ram')), 'private-cards-only')
})

test.run()
