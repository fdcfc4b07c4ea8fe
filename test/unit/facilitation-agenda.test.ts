import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import { agendaAsRun, NOT_STARTED, nextStep, previousStep, clampStep } from '../../workshops/facilitation/agenda'
import {
  finishAgenda,
  goToStep,
  readAgenda,
  readAgendaAsRun,
  readControl,
  readLocks,
  setBoardLock,
  setFrameLock,
  turnOnAnonymous,
  isAnonymous,
  writeTimer,
  readTimer,
} from '../../workshops/facilitation/control'
import { startTimer } from '../../workshops/facilitation/timer'
import { editAsUpdate } from '../../workshops/facilitation/docEdit'
import { CONTROL_AGENDA, CONTROL_TIMER, TIMER_CURRENT } from '../../workshops/facilitation/controlLayout'

test('next and previous step stay within the agenda', () => {
  assert.is(nextStep(NOT_STARTED, 5), 0, 'the first move starts the first step')
  assert.is(nextStep(0, 5), 1)
  assert.is(nextStep(4, 5), 4, 'stays on the last step')
  assert.is(nextStep(9, 5), 4)
  assert.is(previousStep(3, 5), 2)
  assert.is(previousStep(0, 5), 0, 'stays on the first step')
  assert.is(previousStep(NOT_STARTED, 5), 0)
  assert.is(previousStep(9, 5), 3)
  assert.is(nextStep(0, 0), NOT_STARTED, 'an empty agenda never starts')
  assert.is(clampStep(7, 5), 4)
  assert.is(clampStep(-3, 5), NOT_STARTED)
})

test('the agenda as run: each step ends when the next starts, or when the workshop finishes', () => {
  const log = [
    { stepId: 'insights', stepIndex: 0, startedAt: 1000 },
    { stepId: 'challenges', stepIndex: 1, startedAt: 2000 },
    { stepId: 'insights', stepIndex: 0, startedAt: 3000 },
  ]
  assert.equal(agendaAsRun(log), [
    { stepId: 'insights', startedAt: 1000, endedAt: 2000 },
    { stepId: 'challenges', startedAt: 2000, endedAt: 3000 },
    { stepId: 'insights', startedAt: 3000, endedAt: null },
  ])
  assert.is(agendaAsRun(log, 4000).at(-1)?.endedAt, 4000)
  // Two co-facilitators moving to the same step at once count once; log order does not matter.
  const doubled = [log[1], log[0], { stepId: 'challenges', stepIndex: 1, startedAt: 2001 }]
  assert.equal(agendaAsRun(doubled), [
    { stepId: 'insights', startedAt: 1000, endedAt: 2000 },
    { stepId: 'challenges', startedAt: 2000, endedAt: null },
  ])
})

test('control document: step changes are logged and read back', () => {
  const doc = new Y.Doc()
  assert.is(readAgenda(doc).stepIndex, NOT_STARTED)
  goToStep(doc, 0, 'insights', 1000)
  goToStep(doc, 0, 'insights', 1500) // already there: nothing new
  goToStep(doc, 1, 'challenges', 2000)
  finishAgenda(doc, 5000)
  const agenda = readAgenda(doc)
  assert.is(agenda.stepIndex, 1)
  assert.is(agenda.stepId, 'challenges')
  assert.is(agenda.log.length, 2)
  assert.equal(readAgendaAsRun(doc), [
    { stepId: 'insights', startedAt: 1000, endedAt: 2000 },
    { stepId: 'challenges', startedAt: 2000, endedAt: 5000 },
  ])
})

test('control document: timer, locks and settings round-trip; garbage reads as defaults', () => {
  const doc = new Y.Doc()
  writeTimer(doc, startTimer(60_000, 1000))
  assert.equal(readTimer(doc), startTimer(60_000, 1000))
  setBoardLock(doc, true)
  setFrameLock(doc, 'shape:anna', true)
  setFrameLock(doc, 'shape:map', true)
  setFrameLock(doc, 'shape:anna', false)
  assert.equal(readLocks(doc), { board: true, frames: ['shape:map'] })
  turnOnAnonymous(doc)
  assert.ok(isAnonymous(false, readControl(doc).settings))
  assert.not.ok(isAnonymous(false, { anonymous: false }))
  assert.ok(isAnonymous(true, { anonymous: false }), 'a workshop created anonymous stays so')

  const junk = new Y.Doc()
  junk.getMap(CONTROL_AGENDA).set('stepIndex', 'three')
  junk.getMap(CONTROL_TIMER).set(TIMER_CURRENT, 42)
  const control = readControl(junk)
  assert.is(control.agenda.stepIndex, NOT_STARTED)
  assert.is(control.timer.state, 'stopped')
  assert.is(control.vote, null)
  assert.equal(control.locks, { board: false, frames: [] })
})

test('editAsUpdate makes an update of the change without touching the document', () => {
  const doc = new Y.Doc()
  goToStep(doc, 0, 'insights', 1000)
  const update = editAsUpdate(doc, (scratch) => setBoardLock(scratch, true))
  assert.is(readLocks(doc).board, false, 'the original is untouched')
  Y.applyUpdate(doc, update)
  assert.is(readLocks(doc).board, true)
  assert.is(readAgenda(doc).stepId, 'insights')
})

test.run()
