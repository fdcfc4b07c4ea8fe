import { atom } from 'tldraw'
import type { VoteTarget } from '../../workshops/facilitation/votes'

/**
 * What the Solid side tells the board while it runs (the vote, private
 * writing), as tldraw signals so shapes re-render when it changes.
 */
export interface VoteView {
  /** Open vote: cards in its target get dot buttons. */
  open: { target: VoteTarget; myDots: Record<string, number>; left: number; allowStacking: boolean } | null
  /** Dots per card of the last closed vote, shown on the cards. */
  results: Record<string, number> | null
  cast(cardId: string, action: 'add' | 'remove'): void
}

export const voteView = atom<VoteView>('voteView', { open: null, results: null, cast: () => {} })

/** While on, new cards are private to their author until the facilitator reveals them. */
export const privateMode = atom('privateMode', false)

/** The card kinds this workshop's steps use (note always among them): the palette shows these first. Empty: all. */
export const workshopKinds = atom<readonly string[]>('workshopKinds', [])
