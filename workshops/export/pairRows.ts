import type { Lang } from '../lang'
import type { Pair } from '../chain/buildChain'
import type { Table } from './table'

export type { Table } from './table'

const HEADERS: Record<Lang, string[]> = {
  sv: ['Insikt', 'Utmaning', 'Stödjande citat', 'Röster', 'Idéer', 'Prototyper', 'Tema'],
  en: ['Insight', 'Challenge', 'Supporting quotes', 'Votes', 'Ideas', 'Prototypes', 'Theme'],
}

/** Widths in characters for the pair columns, in header order. */
export const PAIR_COLUMN_WIDTHS = [50, 50, 40, 8, 40, 30, 24]
/** The votes column: a number in XLSX. */
const PAIR_VOTES_COLUMN = 3

/** "3 röster", "1 röst" / "3 votes", "1 vote". */
export function votesLabel(votes: number, lang: Lang): string {
  if (lang === 'sv') return `${votes} ${votes === 1 ? 'röst' : 'röster'}`
  return `${votes} ${votes === 1 ? 'vote' : 'votes'}`
}

/**
 * One row per insight/challenge pair, for the spreadsheet exports.
 * Several values in a cell (quotes, ideas, prototypes) go one per line.
 */
export function pairsToRows(pairs: readonly Pair[], lang: Lang): Table {
  const rows = pairs.map((pair) => [
    pair.insight.text,
    pair.challenge.text,
    pair.quotes.map((q) => q.text).join('\n'),
    String(pair.votes),
    pair.ideas.map((idea) => `${idea.text} (${votesLabel(idea.votes, lang)})`).join('\n'),
    pair.prototypes.join('\n'),
    pair.theme,
  ])
  return { header: [...HEADERS[lang]], rows, widths: [...PAIR_COLUMN_WIDTHS], numeric: [PAIR_VOTES_COLUMN] }
}
