import { createEffect, createSignal, on, type Accessor } from 'solid-js'
import type { WorkshopDefinition } from '../../workshops/method/types'
import type { BoardHandle } from '../board-island/mountBoard'
import type { Control } from './createControl'
import type { Voting } from './createVoting'
import { privateWritingOn } from './currentStep'
import { lastResult } from './VotePanel'

export interface BoardBridge {
  /** True while this participant follows the facilitator's view. */
  following: Accessor<boolean>
  stopFollowing(): void
}

/**
 * Carries the control document's state onto this person's board: the lock,
 * private writing, the vote, following the facilitator, and summons.
 */
export function createBoardBridge(opts: {
  board: Accessor<BoardHandle | null>
  control: Control
  definition: WorkshopDefinition | null
  isFacilitator: boolean
  userId: string
  voting: Voting
  now: Accessor<number>
}): BoardBridge {
  const state = () => opts.control.state()
  const [optedOut, setOptedOut] = createSignal(false)
  const mountedAt = Date.now()
  const seenSummons = new Set<string>()

  createEffect(() => opts.board()?.setReadonly(!opts.isFacilitator && state().locks.board))
  createEffect(() => opts.board()?.setPrivateMode(privateWritingOn(opts.definition, state())))
  createEffect(() => {
    const vote = state().vote
    opts.board()?.setVoteView({
      open: vote?.status === 'open' ? { target: vote.target, myDots: opts.voting.myDots(), left: opts.voting.left(), allowStacking: vote.allowStacking } : null,
      results: lastResult(state())?.counts ?? null,
      cast: (cardId, action) => void opts.voting.cast(cardId, action),
    })
  })

  // A new round of leading asks everyone to follow again, even those who stopped last time.
  createEffect(on(() => state().follow.active, (active) => active && setOptedOut(false)))
  const following = () => {
    const f = state().follow
    return !opts.isFacilitator && f.active && !!f.facilitatorUserId && f.facilitatorUserId !== opts.userId && !optedOut()
  }
  createEffect(() => opts.board()?.follow(following() ? state().follow.facilitatorUserId : null))

  createEffect(() => {
    const summon = state().summon
    const board = opts.board()
    if (!summon || !board || seenSummons.has(summon.id) || summon.by === opts.userId) return
    seenSummons.add(summon.id)
    // Only summons made while this page is open; an old one in the document is history.
    if (summon.at < opts.now() - (Date.now() - mountedAt) - 2000) return
    board.show({ frameId: summon.frameId, bounds: summon.bounds })
  })

  return { following, stopFollowing: () => setOptedOut(true) }
}
