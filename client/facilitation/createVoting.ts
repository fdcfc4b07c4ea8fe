import { createEffect, createSignal, on, type Accessor } from 'solid-js'
import type { ControlState } from '../../workshops/facilitation/control'
import { t } from '../i18n/i18n'
import { facilitationApi } from './facilitationApi'

export interface Voting {
  myDots: Accessor<Record<string, number>>
  left: Accessor<number>
  error: Accessor<string | null>
  cast(cardId: string, action: 'add' | 'remove'): Promise<void>
}

/**
 * This person's dots in the open vote. Only their own dots ever come back
 * from the server. The voter is the seat the server gave this page's board
 * connection: it counts while that connection is open.
 */
export function createVoting(workshopId: string, key: string, control: Accessor<ControlState>, seat: Accessor<string | null>): Voting {
  const [myDots, setMyDots] = createSignal<Record<string, number>>({})
  const [left, setLeft] = createSignal(0)
  const [error, setError] = createSignal<string | null>(null)
  const openVoteId = () => (control().vote?.status === 'open' ? control().vote!.id : null)

  createEffect(
    on([openVoteId, seat], async ([id, voter]) => {
      setError(null)
      if (!id || !voter) {
        setMyDots({})
        setLeft(0)
        return
      }
      const answer = await facilitationApi.myDots(workshopId, key, voter).catch(() => null)
      if (answer && answer.voteId === id) {
        setMyDots(answer.myDots)
        setLeft(answer.left)
      }
    }),
  )

  return {
    myDots,
    left,
    error,
    async cast(cardId, action) {
      setError(null)
      const voter = seat()
      if (!voter) {
        setError(t('vote.failed', { error: t('status.connecting') }))
        return
      }
      try {
        const answer = await facilitationApi.dot(workshopId, key, { voter, cardId, action })
        setMyDots(answer.myDots)
        setLeft(answer.left)
      } catch (e) {
        setError(t('vote.failed', { error: (e as Error).message }))
      }
    },
  }
}
