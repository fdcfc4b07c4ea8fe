import { test } from 'uvu'
import * as assert from 'uvu/assert'
import {
  canCastDot,
  canRemoveDot,
  cardInTarget,
  countVotes,
  dotsLeft,
  dotsOf,
  rankCounts,
  asVoteTarget,
  type Dot,
  type VotableCard,
  type VoteRules,
} from '../../workshops/facilitation/votes'

const challenge = (id: string, frameId?: string): VotableCard => ({ id: `shape:${id}`, kind: 'challenge', frameId })
const idea = (id: string, frameId?: string): VotableCard => ({ id: `shape:${id}`, kind: 'idea', frameId })
const dot = (voter: string, card: string): Dot => ({ voter, cardId: `shape:${card}` })

const rules = (over: Partial<VoteRules> = {}): VoteRules => ({
  target: { kind: 'challenge' },
  dotsPerPerson: 3,
  allowStacking: false,
  ...over,
})

test('counts one dot per dot, per card', () => {
  const dots = [dot('anna', 'c1'), dot('anna', 'c2'), dot('bo', 'c1'), dot('cecilia', 'c3')]
  assert.equal(countVotes(dots, rules()), { 'shape:c1': 2, 'shape:c2': 1, 'shape:c3': 1 })
})

test('counting keeps to the dots-per-person limit: dots past it do not count', () => {
  const dots = [dot('anna', 'c1'), dot('anna', 'c2'), dot('anna', 'c3'), dot('anna', 'c4')]
  assert.equal(countVotes(dots, rules()), { 'shape:c1': 1, 'shape:c2': 1, 'shape:c3': 1 })
  assert.equal(countVotes(dots, rules({ dotsPerPerson: 1 })), { 'shape:c1': 1 })
})

test('stacking: several dots of one person on one card count only when allowed', () => {
  const dots = [dot('anna', 'c1'), dot('anna', 'c1'), dot('anna', 'c1'), dot('bo', 'c1')]
  assert.equal(countVotes(dots, rules({ allowStacking: true })), { 'shape:c1': 4 })
  assert.equal(countVotes(dots, rules({ allowStacking: false })), { 'shape:c1': 2 })
})

test('a voter may add dots until none are left', () => {
  const r = rules()
  const mine: Dot[] = []
  for (const c of ['c1', 'c2', 'c3']) {
    assert.equal(canCastDot(mine, 'anna', `shape:${c}`, r, challenge(c)), { ok: true })
    mine.push(dot('anna', c))
  }
  assert.is(dotsLeft(mine, 'anna', r), 0)
  assert.equal(canCastDot(mine, 'anna', 'shape:c4', r, challenge('c4')), { ok: false, reason: 'no-dots-left' })
  // Others' dots do not use up anna's.
  assert.equal(canCastDot(mine, 'bo', 'shape:c4', r, challenge('c4')), { ok: true })
})

test('without stacking a second dot on the same card is refused; with stacking it is allowed', () => {
  const mine = [dot('anna', 'c1')]
  assert.equal(canCastDot(mine, 'anna', 'shape:c1', rules(), challenge('c1')), { ok: false, reason: 'already-on-card' })
  assert.equal(canCastDot(mine, 'anna', 'shape:c1', rules({ allowStacking: true }), challenge('c1')), { ok: true })
  const three = [dot('anna', 'c1'), dot('anna', 'c1'), dot('anna', 'c1')]
  assert.equal(canCastDot(three, 'anna', 'shape:c1', rules({ allowStacking: true }), challenge('c1')), {
    ok: false,
    reason: 'no-dots-left',
  })
})

test('removing a dot gives it back', () => {
  const r = rules()
  const mine = [dot('anna', 'c1'), dot('anna', 'c2'), dot('anna', 'c3')]
  assert.ok(canRemoveDot(mine, 'anna', 'shape:c2'))
  assert.not.ok(canRemoveDot(mine, 'anna', 'shape:c9'), 'no dot on c9 to remove')
  assert.not.ok(canRemoveDot(mine, 'bo', 'shape:c2'), "cannot remove someone else's dot")
  const after = mine.filter((d, i) => i !== 1)
  assert.is(dotsLeft(after, 'anna', r), 1)
  assert.equal(canCastDot(after, 'anna', 'shape:c4', r, challenge('c4')), { ok: true })
  assert.equal(dotsOf(after, 'anna'), { 'shape:c1': 1, 'shape:c3': 1 })
})

test('only cards of the target kind, or in the target frame, can get dots', () => {
  assert.equal(canCastDot([], 'anna', 'shape:i1', rules(), idea('i1')), { ok: false, reason: 'not-in-vote' })
  assert.equal(canCastDot([], 'anna', 'shape:x', rules(), null), { ok: false, reason: 'not-a-card' })
  assert.equal(canCastDot([], 'anna', 'shape:other', rules(), challenge('c1')), { ok: false, reason: 'not-a-card' })

  const inFrame = rules({ target: { frameId: 'shape:f1' } })
  assert.equal(canCastDot([], 'anna', 'shape:i1', inFrame, idea('i1', 'shape:f1')), { ok: true })
  assert.equal(canCastDot([], 'anna', 'shape:i2', inFrame, idea('i2', 'shape:f2')), { ok: false, reason: 'not-in-vote' })
  assert.equal(canCastDot([], 'anna', 'shape:i3', inFrame, idea('i3')), { ok: false, reason: 'not-in-vote' })

  const both = { kind: 'idea' as const, frameId: 'shape:f1' }
  assert.ok(cardInTarget(idea('i1', 'shape:f1'), both))
  assert.not.ok(cardInTarget(challenge('c1', 'shape:f1'), both))
  assert.not.ok(cardInTarget(idea('i1'), {}), 'an empty target takes no card')
})

test('ranking: most dots first, ties in board order, zero counts left out', () => {
  const counts = { 'shape:a': 2, 'shape:b': 5, 'shape:c': 2, 'shape:d': 0 }
  assert.equal(rankCounts(counts, ['shape:c', 'shape:a', 'shape:b']), [
    { cardId: 'shape:b', count: 5 },
    { cardId: 'shape:c', count: 2 },
    { cardId: 'shape:a', count: 2 },
  ])
  assert.equal(rankCounts(counts).map((r) => r.cardId), ['shape:b', 'shape:a', 'shape:c'])
})

test('vote targets from untrusted JSON', () => {
  assert.equal(asVoteTarget({ kind: 'idea' }), { kind: 'idea' })
  assert.equal(asVoteTarget({ frameId: 'shape:f1' }), { frameId: 'shape:f1' })
  assert.is(asVoteTarget({ kind: 'poem' }), undefined)
  assert.is(asVoteTarget({ frameId: 'page:x' }), undefined)
  assert.is(asVoteTarget({}), undefined)
  assert.is(asVoteTarget(null), undefined)
})

test.run()
