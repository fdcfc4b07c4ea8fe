import type { Card, Pair } from '../chain/buildChain'

export const PAIRS_JSON_FORMAT = 'samverkstad.pairs'
export const PAIRS_JSON_VERSION = 1

export interface PairsJsonMeta {
  workshopId: string
  title: string
  /** The method or workshop definition the board ran, e.g. "WS2". */
  method: string
  /** When the export was made; a Date is written as an ISO 8601 string. */
  exportedAt: string | Date
}

export interface PairsJsonCard {
  id: string
  text: string
  author: string
}

export interface PairsJsonPair {
  insight: PairsJsonCard
  challenge: PairsJsonCard
  quotes: PairsJsonCard[]
  theme: string
  votes: number
  ideas: Array<{ text: string; votes: number; prototypes: string[] }>
  prototypes: string[]
}

/** The document pairsToJson writes. Fields are only ever added within a version. */
export interface PairsJson {
  format: typeof PAIRS_JSON_FORMAT
  version: typeof PAIRS_JSON_VERSION
  workshopId: string
  title: string
  method: string
  exportedAt: string
  pairs: PairsJsonPair[]
}

function card(c: Card): PairsJsonCard {
  return { id: c.id, text: c.text, author: c.author }
}

/** The pairs as a versioned JSON document, keys in a fixed order, indented, ending with a newline. */
export function pairsToJson(pairs: readonly Pair[], meta: PairsJsonMeta): string {
  const doc: PairsJson = {
    format: PAIRS_JSON_FORMAT,
    version: PAIRS_JSON_VERSION,
    workshopId: meta.workshopId,
    title: meta.title,
    method: meta.method,
    exportedAt: meta.exportedAt instanceof Date ? meta.exportedAt.toISOString() : meta.exportedAt,
    pairs: pairs.map((pair) => ({
      insight: card(pair.insight),
      challenge: card(pair.challenge),
      quotes: pair.quotes.map(card),
      theme: pair.theme,
      votes: pair.votes,
      ideas: pair.ideas.map((idea) => ({ text: idea.text, votes: idea.votes, prototypes: [...idea.prototypes] })),
      prototypes: [...pair.prototypes],
    })),
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}
