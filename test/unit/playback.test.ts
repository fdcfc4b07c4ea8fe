import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import { asPlaybackState, correction, expectedPosition, reported, startShowing } from '../../workshops/playback/playback'
import { readPlayback, writePlayback } from '../../workshops/playback/playbackDoc'

const film = { shapeId: 'shape:film', src: '/api/workshops/AbCdEfGhIjKlMnOpQrStUv/assets/' + 'x'.repeat(32), title: 'Annas resa', by: 'user-karin' }

test('a playing film is where the server clock says; a paused one stays; never past the end', () => {
  const s = startShowing(film, 1_000_000)
  assert.is(s.status, 'playing')
  assert.is(expectedPosition(s, 1_000_000), 0)
  assert.is(expectedPosition(s, 1_012_500), 12.5)
  assert.is(expectedPosition(s, 1_012_500, 10), 10, 'clamped to the duration')
  assert.is(expectedPosition(s, 999_000), 0, 'a client clock a little behind never goes before the start')
  const paused = reported(s, { status: 'paused', position: 42, by: 'user-karin' }, 1_050_000)
  assert.is(expectedPosition(paused, 2_000_000), 42)
  const seek = reported(paused, { status: 'playing', position: 100, by: 'user-eva' }, 1_060_000)
  assert.is(expectedPosition(seek, 1_061_000), 101)
  assert.is(seek.by, 'user-eva', 'the facilitator who acted leads')
})

test('followers make up a small drift by speed and a large one by a jump', () => {
  assert.equal(correction(10, 10.05), { rate: 1 })
  assert.equal(correction(10.4, 10), { rate: 1.1 })
  assert.equal(correction(10, 10.4), { rate: 0.9 })
  assert.equal(correction(20, 10), { seekTo: 20, rate: 1 })
  assert.equal(correction(0, 3), { seekTo: 0, rate: 1 })
})

test('the control document holds one showing; malformed values read as none', () => {
  const doc = new Y.Doc()
  assert.is(readPlayback(doc), null)
  writePlayback(doc, startShowing(film, 5))
  assert.is(readPlayback(doc)?.title, 'Annas resa')
  writePlayback(doc, null)
  assert.is(readPlayback(doc), null)
  assert.is(asPlaybackState({ ...startShowing(film, 5), status: 'rewinding' }), null)
  assert.is(asPlaybackState({ ...startShowing(film, 5), position: Number.NaN }), null)
  assert.is(asPlaybackState({ ...startShowing(film, 5), src: '' }), null)
  assert.is(asPlaybackState('nonsense'), null)
})

test.run()
