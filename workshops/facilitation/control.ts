import type * as Y from 'yjs'
import { agendaAsRun, asStepStart, NOT_STARTED, type StepRun, type StepStart } from './agenda'
import {
  AGENDA_FINISHED_AT,
  AGENDA_STEP_ID,
  AGENDA_STEP_INDEX,
  CONTROL_AGENDA,
  CONTROL_AGENDA_LOG,
  CONTROL_FOLLOW,
  CONTROL_LOCKS,
  CONTROL_REVEAL,
  CONTROL_SETTINGS,
  CONTROL_TIMER,
  CONTROL_VOTE,
  CONTROL_VOTE_RESULTS,
  FOLLOW_STATE,
  FOLLOW_SUMMON,
  LOCKS_BOARD,
  LOCKS_FRAMES,
  REVEAL_LAST,
  SETTINGS_ANONYMOUS,
  TIMER_CURRENT,
  VOTE_CURRENT,
} from './controlLayout'
import { asTimerState, type TimerState } from './timer'
import { asVoteResult, asVoteState, type VoteResult, type VoteState } from './votes'

/**
 * Readers and writers of the control document (layout in controlLayout.ts).
 * Readers accept anything and fall back to defaults, so a document written
 * by an older or buggy client never breaks a reader. Writers run in one
 * transaction each. Only facilitator connections' writes reach the server;
 * vote, voteResults and reveal are written by the server alone.
 */

export interface AgendaState {
  /** -1 before the facilitator starts the first step. */
  stepIndex: number
  stepId: string | null
  finishedAt: number | null
  log: StepStart[]
}

export interface LocksState {
  /** Participants cannot change anything on the board (the server refuses their writes). */
  board: boolean
  /** Frame shape ids the facilitator locked (templates). */
  frames: string[]
}

export interface FollowState {
  /** The presence user id participants follow; null when nobody leads. */
  facilitatorUserId: string | null
  /** Participants follow the facilitator's view (each may stop following for themselves). */
  active: boolean
}

/** "Bring everyone to me": a one-off request; clients act on a summon id they have not seen yet. */
export interface SummonRequest {
  id: string
  /** Presence user id of the facilitator who asked. */
  by: string
  /** Server ms. */
  at: number
  /** Show this frame; without it, show `bounds` (page coordinates). */
  frameId?: string
  bounds?: { x: number; y: number; w: number; h: number }
}

export interface ControlSettings {
  /** Turned on during a workshop (it can never be turned off there); see isAnonymous. */
  anonymous: boolean
}

export interface RevealNotice {
  /** Server ms. */
  at: number
  /** Cards placed on the board. */
  count: number
}

export interface ControlState {
  agenda: AgendaState
  timer: TimerState
  vote: VoteState | null
  voteResults: Record<string, VoteResult>
  locks: LocksState
  follow: FollowState
  summon: SummonRequest | null
  settings: ControlSettings
  lastReveal: RevealNotice | null
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

export function readAgenda(doc: Y.Doc): AgendaState {
  const map = doc.getMap<unknown>(CONTROL_AGENDA)
  const index = map.get(AGENDA_STEP_INDEX)
  const stepId = map.get(AGENDA_STEP_ID)
  const finishedAt = map.get(AGENDA_FINISHED_AT)
  const log: StepStart[] = []
  for (const value of doc.getArray<unknown>(CONTROL_AGENDA_LOG)) {
    const entry = asStepStart(value)
    if (entry) log.push(entry)
  }
  return {
    stepIndex: Number.isInteger(index) && (index as number) >= 0 ? (index as number) : NOT_STARTED,
    stepId: typeof stepId === 'string' ? stepId : null,
    finishedAt: finite(finishedAt) ? finishedAt : null,
    log,
  }
}

/** The agenda as run, from the control document. */
export function readAgendaAsRun(doc: Y.Doc): StepRun[] {
  const agenda = readAgenda(doc)
  return agendaAsRun(agenda.log, agenda.finishedAt)
}

export function readTimer(doc: Y.Doc): TimerState {
  return asTimerState(doc.getMap<unknown>(CONTROL_TIMER).get(TIMER_CURRENT))
}

export function readVote(doc: Y.Doc): VoteState | null {
  return asVoteState(doc.getMap<unknown>(CONTROL_VOTE).get(VOTE_CURRENT)) ?? null
}

export function readVoteResults(doc: Y.Doc): Record<string, VoteResult> {
  const results: Record<string, VoteResult> = {}
  doc.getMap<unknown>(CONTROL_VOTE_RESULTS).forEach((value, key) => {
    const result = asVoteResult(value)
    if (result && result.voteId === key) results[key] = result
  })
  return results
}

export function readLocks(doc: Y.Doc): LocksState {
  const map = doc.getMap<unknown>(CONTROL_LOCKS)
  const frames = map.get(LOCKS_FRAMES)
  return {
    board: map.get(LOCKS_BOARD) === true,
    frames: Array.isArray(frames) ? frames.filter((f): f is string => typeof f === 'string') : [],
  }
}

export function readFollow(doc: Y.Doc): FollowState {
  const value = doc.getMap<unknown>(CONTROL_FOLLOW).get(FOLLOW_STATE) as Partial<FollowState> | undefined
  return {
    facilitatorUserId: typeof value?.facilitatorUserId === 'string' ? value.facilitatorUserId : null,
    active: value?.active === true,
  }
}

export function readSummon(doc: Y.Doc): SummonRequest | null {
  const v = doc.getMap<unknown>(CONTROL_FOLLOW).get(FOLLOW_SUMMON) as Partial<SummonRequest> | undefined
  if (!v || typeof v.id !== 'string' || typeof v.by !== 'string' || !finite(v.at)) return null
  const request: SummonRequest = { id: v.id, by: v.by, at: v.at }
  if (typeof v.frameId === 'string') request.frameId = v.frameId
  const b = v.bounds
  if (b && finite(b.x) && finite(b.y) && finite(b.w) && finite(b.h)) request.bounds = { x: b.x, y: b.y, w: b.w, h: b.h }
  return request
}

export function readSettings(doc: Y.Doc): ControlSettings {
  return { anonymous: doc.getMap<unknown>(CONTROL_SETTINGS).get(SETTINGS_ANONYMOUS) === true }
}

export function readLastReveal(doc: Y.Doc): RevealNotice | null {
  const v = doc.getMap<unknown>(CONTROL_REVEAL).get(REVEAL_LAST) as Partial<RevealNotice> | undefined
  return v && finite(v.at) && finite(v.count) ? { at: v.at, count: v.count } : null
}

export function readControl(doc: Y.Doc): ControlState {
  return {
    agenda: readAgenda(doc),
    timer: readTimer(doc),
    vote: readVote(doc),
    voteResults: readVoteResults(doc),
    locks: readLocks(doc),
    follow: readFollow(doc),
    summon: readSummon(doc),
    settings: readSettings(doc),
    lastReveal: readLastReveal(doc),
  }
}

/** Anonymous when the workshop was created so, or the facilitator turned it on since; never off again. */
export function isAnonymous(createdAnonymous: boolean, settings: ControlSettings): boolean {
  return createdAnonymous || settings.anonymous
}

// Writers. The facilitator's client uses the first group; the server the second.

/** Moves everyone to a step (index into the workshop definition's steps), logging when it started. */
export function goToStep(doc: Y.Doc, stepIndex: number, stepId: string, serverNow: number): void {
  const current = readAgenda(doc)
  if (current.stepIndex === stepIndex && current.stepId === stepId) return
  doc.transact(() => {
    const map = doc.getMap<unknown>(CONTROL_AGENDA)
    map.set(AGENDA_STEP_INDEX, stepIndex)
    map.set(AGENDA_STEP_ID, stepId)
    map.delete(AGENDA_FINISHED_AT)
    const entry: StepStart = { stepId, stepIndex, startedAt: serverNow }
    doc.getArray<StepStart>(CONTROL_AGENDA_LOG).push([entry])
  })
}

/** Marks the workshop as finished: the last step's run ends now. */
export function finishAgenda(doc: Y.Doc, serverNow: number): void {
  doc.getMap<unknown>(CONTROL_AGENDA).set(AGENDA_FINISHED_AT, serverNow)
}

export function writeTimer(doc: Y.Doc, timer: TimerState): void {
  doc.getMap<unknown>(CONTROL_TIMER).set(TIMER_CURRENT, { ...timer })
}

export function setBoardLock(doc: Y.Doc, locked: boolean): void {
  doc.getMap<unknown>(CONTROL_LOCKS).set(LOCKS_BOARD, locked)
}

export function setFrameLock(doc: Y.Doc, frameId: string, locked: boolean): void {
  const frames = new Set(readLocks(doc).frames)
  if (locked) frames.add(frameId)
  else frames.delete(frameId)
  doc.getMap<unknown>(CONTROL_LOCKS).set(LOCKS_FRAMES, [...frames])
}

export function writeFollow(doc: Y.Doc, follow: FollowState): void {
  doc.getMap<unknown>(CONTROL_FOLLOW).set(FOLLOW_STATE, { ...follow })
}

export function writeSummon(doc: Y.Doc, request: SummonRequest): void {
  doc.getMap<unknown>(CONTROL_FOLLOW).set(FOLLOW_SUMMON, { ...request })
}

/** Turns anonymous mode on for the rest of the workshop (there is no turning it off). */
export function turnOnAnonymous(doc: Y.Doc): void {
  doc.getMap<unknown>(CONTROL_SETTINGS).set(SETTINGS_ANONYMOUS, true)
}

/** Server only: the current vote's state (opened or closed). */
export function writeVote(doc: Y.Doc, vote: VoteState): void {
  doc.getMap<unknown>(CONTROL_VOTE).set(VOTE_CURRENT, { ...vote, target: { ...vote.target } })
}

/** Server only: a closed vote's counts and ranking. */
export function writeVoteResult(doc: Y.Doc, result: VoteResult): void {
  doc.getMap<unknown>(CONTROL_VOTE_RESULTS).set(result.voteId, JSON.parse(JSON.stringify(result)) as unknown)
}

/** Server only: private cards were revealed. */
export function writeReveal(doc: Y.Doc, notice: RevealNotice): void {
  doc.getMap<unknown>(CONTROL_REVEAL).set(REVEAL_LAST, { ...notice })
}
