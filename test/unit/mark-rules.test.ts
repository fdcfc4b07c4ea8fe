import type { TLRecord } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { judgeRecordChange, whyNot } from '../../workshops/rules/judge'
import { DEFAULT_DOC_LIMITS } from '../../workshops/rules/limits'
import type { BoardState, WriterRole } from '../../workshops/rules/recordChange'
import { card, page } from './helpers/boardRecords'

const origin = { workshop: 'W1', card: 'shape:q', method: 'ws1', props: { kind: 'quote', text: 'Citat' } }
const records = new Map<string, TLRecord>(
  [page(), card('plain', 'challenge', 'Hur skulle vi kunna …?'), { ...card('carried', 'quote', 'Citat'), meta: { origin } }, { ...card('chosen', 'challenge', 'Vald'), meta: { chosen: true } }].map(
    (r) => [r.id, r as unknown as TLRecord],
  ),
)
const board = (role: WriterRole): BoardState => ({ channel: 'board', role, boardLocked: false, limits: DEFAULT_DOC_LIMITS, get: (id) => records.get(id), recordCount: records.size, docBytes: 1000 })
const judge = (role: WriterRole, id: string, after: (r: TLRecord) => unknown) => {
  const before = records.get(id)!
  const next = after(before)
  return judgeRecordChange({ id, before, after: next, beforeBytes: 100, afterBytes: JSON.stringify(next).length }, board(role))
}
const withMeta = (meta: object) => (r: TLRecord) => ({ ...r, meta })

test('only the facilitator marks a challenge "vald" or takes the mark off', () => {
  assert.is(judge('participant', 'shape:plain', withMeta({ chosen: true })), 'marks')
  assert.is(judge('participant', 'shape:chosen', withMeta({})), 'marks')
  assert.is(judge('facilitator', 'shape:plain', withMeta({ chosen: true })), null)
  assert.is(judge('facilitator', 'shape:chosen', withMeta({})), null)
  const newChosen = { ...card('new', 'challenge', 'Ny'), meta: { chosen: true } }
  assert.is(judgeRecordChange({ id: 'shape:new', before: undefined, after: newChosen, beforeBytes: 0, afterBytes: 300 }, board('participant')), 'marks')
  // The client asks the same rules before it offers the button.
  assert.is(whyNot({ role: 'participant', boardLocked: false, get: (id) => records.get(id) }, 'shape:plain', withMeta({ chosen: true })(records.get('shape:plain')!) as TLRecord), 'marks')
})

test('participants write on a carried card but do not change where it came from', () => {
  assert.is(judge('participant', 'shape:carried', (r) => ({ ...r, props: { ...(r as { props: object }).props, text: 'Citat, förtydligat' } })), null)
  assert.is(judge('participant', 'shape:carried', withMeta({ origin: { ...origin, workshop: 'W9' } })), 'marks')
  assert.is(judge('participant', 'shape:carried', withMeta({})), 'marks')
  // A copy of a carried card (tldraw's duplicate keeps meta) is the same card, and a deleted one is just deleted.
  const copy = { ...card('copy', 'quote', 'Citat'), meta: { origin } }
  assert.is(judgeRecordChange({ id: 'shape:copy', before: undefined, after: copy, beforeBytes: 0, afterBytes: 300 }, board('participant')), null)
  assert.is(judgeRecordChange({ id: 'shape:carried', before: records.get('shape:carried'), after: undefined, beforeBytes: 300, afterBytes: 0 }, board('participant')), null)
})

test.run()
