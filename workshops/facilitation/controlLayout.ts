/**
 * How the control document (/sync/<id>/control) lives in Yjs. Only
 * facilitator connections may write it; everyone reads it. Every value is
 * plain JSON, and a value that belongs together (a timer, a vote) is one
 * map entry replaced whole, so two co-facilitators never mix halves of two
 * timers. Client, server and tests name the roots through these constants.
 *
 *   agenda       Y.Map     stepIndex: number, stepId: string, finishedAt: number (server ms)
 *   agendaLog    Y.Array   { stepId, stepIndex, startedAt } appended at every step change
 *   timer        Y.Map     current: TimerState
 *   vote         Y.Map     current: VoteState                  (written by the server only)
 *   voteResults  Y.Map     <voteId>: VoteResult                (written by the server only)
 *   reveal       Y.Map     last: { at, count }                 (written by the server only)
 *   locks        Y.Map     board: boolean, frames: string[]
 *   follow       Y.Map     state: FollowState, summon: SummonRequest
 *   settings     Y.Map     anonymous: boolean
 *   playback     Y.Map     current: PlaybackState              (a film shown to everyone; workshops/playback/)
 *   evaluation   Y.Map     current: EvaluationState            (written by the server only; counts, never answers; workshops/evaluation/)
 *   groups       Y.Map     current: GroupsState                (written by the server only; members by user id, never role texts; workshops/groups/)
 *
 * Times are server milliseconds (see clock.ts): clients convert with their
 * clock offset before writing and before showing.
 */

export const CONTROL_AGENDA = 'agenda'
export const AGENDA_STEP_INDEX = 'stepIndex'
export const AGENDA_STEP_ID = 'stepId'
export const AGENDA_FINISHED_AT = 'finishedAt'

export const CONTROL_AGENDA_LOG = 'agendaLog'

export const CONTROL_TIMER = 'timer'
export const TIMER_CURRENT = 'current'

export const CONTROL_VOTE = 'vote'
export const VOTE_CURRENT = 'current'

export const CONTROL_VOTE_RESULTS = 'voteResults'

export const CONTROL_REVEAL = 'reveal'
export const REVEAL_LAST = 'last'

export const CONTROL_LOCKS = 'locks'
export const LOCKS_BOARD = 'board'
export const LOCKS_FRAMES = 'frames'

export const CONTROL_FOLLOW = 'follow'
export const FOLLOW_STATE = 'state'
export const FOLLOW_SUMMON = 'summon'

export const CONTROL_SETTINGS = 'settings'
export const SETTINGS_ANONYMOUS = 'anonymous'

export const CONTROL_PLAYBACK = 'playback'
export const PLAYBACK_CURRENT = 'current'

export const CONTROL_EVALUATION = 'evaluation'
export const EVALUATION_CURRENT = 'current'

export const CONTROL_GROUPS = 'groups'
export const GROUPS_CURRENT = 'current'

/**
 * Who writes each root of the control document; the server refuses any other
 * root, and writes to a root from anyone else. A new part of the facilitation
 * state adds its root here.
 */
export const CONTROL_ROOT_WRITERS: Readonly<Record<string, 'facilitator' | 'server'>> = {
  [CONTROL_AGENDA]: 'facilitator',
  [CONTROL_AGENDA_LOG]: 'facilitator',
  [CONTROL_TIMER]: 'facilitator',
  [CONTROL_LOCKS]: 'facilitator',
  [CONTROL_FOLLOW]: 'facilitator',
  [CONTROL_SETTINGS]: 'facilitator',
  [CONTROL_PLAYBACK]: 'facilitator',
  [CONTROL_VOTE]: 'server',
  [CONTROL_VOTE_RESULTS]: 'server',
  [CONTROL_REVEAL]: 'server',
  [CONTROL_EVALUATION]: 'server',
  [CONTROL_GROUPS]: 'server',
}

/**
 * Not in the control document: a card in a private document may carry
 * `meta[PRIVATE_CARD_META] = true` (how the client tells its private cards
 * apart in one tldraw store). The reveal removes it.
 */
export const PRIVATE_CARD_META = 'private'
