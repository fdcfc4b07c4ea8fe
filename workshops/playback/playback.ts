/**
 * A film shown to everyone at once ("Spela för alla"): the facilitator's
 * player is the reference, and its position is written as (position, server
 * time) whenever it plays, pauses or seeks. Every other player computes where
 * the film should be now on the server's clock (see facilitation/clock.ts),
 * as the step timer does, and corrects itself toward it. Pure: no DOM.
 */

export type PlaybackStatus = 'playing' | 'paused'

export interface PlaybackState {
  /** The video shape on the board being shown. */
  shapeId: string
  /** The film's asset path (assetSrcFor), so a player needs nothing else from the board. */
  src: string
  /** The file name, shown above the player. */
  title: string
  status: PlaybackStatus
  /** Seconds into the film at `at`. */
  position: number
  /** Server ms when `position` was read. */
  at: number
  /** Presence user id of the facilitator whose player is the reference. */
  by: string
}

/** Where the film should be at `serverNow`, in seconds; never before 0 nor past `duration` when known. */
export function expectedPosition(state: PlaybackState, serverNow: number, duration?: number): number {
  const raw = state.status === 'playing' ? state.position + Math.max(0, serverNow - state.at) / 1000 : state.position
  const end = duration !== undefined && Number.isFinite(duration) && duration > 0 ? duration : Infinity
  return Math.max(0, Math.min(raw, end))
}

export function startShowing(input: { shapeId: string; src: string; title: string; by: string }, serverNow: number): PlaybackState {
  return { ...input, status: 'playing', position: 0, at: serverNow }
}

/** The reference player's state now: what the facilitator's player reports after a play, pause, seek or a drift. */
export function reported(state: PlaybackState, report: { status: PlaybackStatus; position: number; by: string }, serverNow: number): PlaybackState {
  return { ...state, status: report.status, position: Math.max(0, report.position), at: serverNow, by: report.by }
}

/** Beyond this a follower jumps straight to the position; below it, it speeds up or slows down a little. */
export const SEEK_THRESHOLD_S = 0.75
/** Within this a follower plays at normal speed. */
export const IN_SYNC_S = 0.15
/** The reference republishes when its own player is this far from what it last wrote (a stall while buffering). */
export const REPUBLISH_DRIFT_S = 0.4

export interface Correction {
  /** Jump to this position first; undefined when a gentle rate change is enough. */
  seekTo?: number
  /** Playback rate until the next check. */
  rate: number
}

/**
 * What a follower's player does given where it is (`actual`) and where the
 * film should be (`expected`). A small lag is made up by playing 10 % faster
 * (inaudible, no jump); a large one by seeking.
 */
export function correction(expected: number, actual: number): Correction {
  const drift = expected - actual
  if (Math.abs(drift) > SEEK_THRESHOLD_S) return { seekTo: expected, rate: 1 }
  if (Math.abs(drift) <= IN_SYNC_S) return { rate: 1 }
  return { rate: drift > 0 ? 1.1 : 0.9 }
}

/** Reads a stored state; anything malformed reads as nothing being shown. */
export function asPlaybackState(value: unknown): PlaybackState | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  const str = (x: unknown, max = 2000) => typeof x === 'string' && x.length > 0 && x.length <= max
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x)
  if (!str(v.shapeId, 200) || !str(v.src) || typeof v.title !== 'string' || !str(v.by, 200)) return null
  if (v.status !== 'playing' && v.status !== 'paused') return null
  if (!num(v.position) || !num(v.at)) return null
  return {
    shapeId: v.shapeId as string,
    src: v.src as string,
    title: (v.title as string).slice(0, 300),
    status: v.status,
    position: Math.max(0, v.position as number),
    at: v.at as number,
    by: v.by as string,
  }
}
