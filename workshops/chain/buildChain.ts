import type { TLRecord } from '@tldraw/tlschema'
import type { CardCatalog } from '../cards/catalog'
import type { CardKind } from '../cards/kinds'
import { readBoard, type BoardView } from './board'
import type { Card } from './cards'
import type { ExtraLink } from './links'

export type { Card } from './cards'
export type { CardLink, ExtraLink } from './links'

export interface ThemeEntry {
  theme: Card
  quotes: Card[]
  needs: Card[]
}

export interface IdeaEntry {
  idea: Card
  votes: number
  prototypes: Card[]
}

export interface ChallengeEntry {
  challenge: Card
  votes: number
  ideas: IdeaEntry[]
}

export interface InsightEntry {
  insight: Card
  challenges: ChallengeEntry[]
  quotes: Card[]
  themes: Card[]
}

/** One insight/challenge pair: the unit facilitators export. Plain texts below the challenge. */
export interface Pair {
  insight: Card
  challenge: Card
  quotes: Card[]
  /** Texts of the insight's themes, joined with "; ". Empty when it has none. */
  theme: string
  /** The challenge's votes. */
  votes: number
  ideas: Array<{ text: string; votes: number; prototypes: string[] }>
  /** Every prototype of the challenge's ideas, once each, in board order. */
  prototypes: string[]
}

export type OrphanProblem = 'insight-without-challenge' | 'challenge-without-insight'

export interface Chain {
  themes: ThemeEntry[]
  insights: InsightEntry[]
  /** One per insight/challenge pair, in board order of the insight, then of the challenge. */
  pairs: Pair[]
  /** Insights with no challenge and challenges with no insight, in board order. */
  orphans: Array<{ card: Card; problem: OrphanProblem }>
}

export interface BuildChainOptions {
  /** Links stored without an arrow; same meaning as an arrow between the two cards. */
  links?: readonly ExtraLink[]
  /** Votes per card id; a card missing here has 0. */
  votes?: Readonly<Record<string, number>>
  /** The card kinds to read the board with; this process's by default. */
  catalog?: CardCatalog
  /** The board already read (readBoard), to share it with the other models. */
  board?: BoardView
}

/** Joins theme names in a pair. */
export const THEME_SEPARATOR = '; '

/**
 * Follows the links between cards into the method's chain:
 * quote → theme → need, insight ↔ challenge, challenge → idea → prototype.
 * Links are undirected; the kinds of the two cards decide what a link means.
 * A quote, need or insight without an arrow to a theme belongs to the one
 * theme it sits nearest to in its frame (see clusterFinder).
 * Every list is in board order (absolute y, then x, then id).
 */
export function buildChain(records: readonly TLRecord[] | readonly unknown[], opts: BuildChainOptions = {}): Chain {
  const board = opts.board ?? readBoard(records, { links: opts.links, catalog: opts.catalog })
  const { cards, linkedOfKind, byBoardOrder } = board
  /**
   * The themes a card belongs to: those it is linked to by an arrow; without
   * one, the one theme it sits nearest to in its frame (never every theme there).
   */
  const themesOf = (card: Card): Card[] => board.ownersOf(card).filter((owner) => owner.kind === 'theme')
  const byTheme = (kind: CardKind): Map<string, Card[]> => {
    const map = new Map<string, Card[]>()
    for (const card of cards) {
      if (card.kind !== kind) continue
      for (const theme of themesOf(card)) {
        const list = map.get(theme.id)
        if (list) list.push(card)
        else map.set(theme.id, [card])
      }
    }
    return map
  }
  const union = (...lists: Card[][]): Card[] => {
    const seen = new Map<string, Card>()
    for (const list of lists) for (const card of list) seen.set(card.id, card)
    return [...seen.values()].sort(byBoardOrder)
  }
  const votesOf = (card: Card): number => {
    const votes = opts.votes
    if (!votes || !Object.prototype.hasOwnProperty.call(votes, card.id)) return 0
    const value = votes[card.id]
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0
  }
  const ofKind = board.ofKind

  const quotesByTheme = byTheme('quote')
  const needsByTheme = byTheme('need')
  const themes: ThemeEntry[] = ofKind('theme').map((theme) => ({
    theme,
    quotes: union(quotesByTheme.get(theme.id) ?? []),
    needs: union(needsByTheme.get(theme.id) ?? []),
  }))

  const insights: InsightEntry[] = ofKind('insight').map((insight) => ({
    insight,
    challenges: linkedOfKind(insight, 'challenge').map((challenge) => ({
      challenge,
      votes: votesOf(challenge),
      ideas: linkedOfKind(challenge, 'idea').map((idea) => ({
        idea,
        votes: votesOf(idea),
        prototypes: linkedOfKind(idea, 'prototype'),
      })),
    })),
    quotes: linkedOfKind(insight, 'quote'),
    themes: themesOf(insight),
  }))

  const pairs: Pair[] = []
  for (const entry of insights) {
    const theme = entry.themes.map((t) => t.text.trim()).filter((t) => t !== '').join(THEME_SEPARATOR)
    for (const { challenge, votes, ideas } of entry.challenges) {
      const prototypes: Card[] = []
      const seenPrototypes = new Set<string>()
      for (const idea of ideas) {
        for (const prototype of idea.prototypes) {
          if (seenPrototypes.has(prototype.id)) continue
          seenPrototypes.add(prototype.id)
          prototypes.push(prototype)
        }
      }
      pairs.push({
        insight: entry.insight,
        challenge,
        quotes: entry.quotes,
        theme,
        votes,
        ideas: ideas.map((idea) => ({
          text: idea.idea.text,
          votes: idea.votes,
          prototypes: idea.prototypes.map((p) => p.text),
        })),
        prototypes: prototypes.sort(byBoardOrder).map((p) => p.text),
      })
    }
  }

  const orphans: Chain['orphans'] = []
  for (const card of cards) {
    if (card.kind === 'insight' && linkedOfKind(card, 'challenge').length === 0) {
      orphans.push({ card, problem: 'insight-without-challenge' })
    } else if (card.kind === 'challenge' && linkedOfKind(card, 'insight').length === 0) {
      orphans.push({ card, problem: 'challenge-without-insight' })
    }
  }

  return { themes, insights, pairs, orphans }
}
