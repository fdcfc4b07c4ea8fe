import type { Lang } from '../lang'
import type { Pair } from '../chain/buildChain'
import { votesLabel } from './pairRows'

const LABELS: Record<Lang, Record<'challenge' | 'theme' | 'votes' | 'quotes' | 'ideas' | 'prototype' | 'none' | 'empty', string>> = {
  sv: {
    challenge: 'Utmaning',
    theme: 'Tema',
    votes: 'Röster',
    quotes: 'Stödjande citat',
    ideas: 'Idéer',
    prototype: 'Prototyp',
    none: 'Inga par av insikt och utmaning ännu.',
    empty: '(tom)',
  },
  en: {
    challenge: 'Challenge',
    theme: 'Theme',
    votes: 'Votes',
    quotes: 'Supporting quotes',
    ideas: 'Ideas',
    prototype: 'Prototype',
    none: 'No insight/challenge pairs yet.',
    empty: '(empty)',
  },
}

/** Characters with a meaning anywhere in a line (emphasis, code, links, HTML, tables, headings, entities, strike). */
const INLINE_SIGNIFICANT = /[\\`*_[\]<>|#&~]/g

/**
 * One line of user text made literal: leading indentation dropped (it would
 * make a code block), significant characters backslash-escaped, and line
 * starts that open a block (lists, setext underlines, ordered lists) escaped.
 */
function escapeLine(line: string): string {
  let out = line.trim().replace(INLINE_SIGNIFICANT, '\\$&')
  if (/^[-+=]/.test(out)) out = `\\${out}`
  out = out.replace(/^(\d+)([.)])/, '$1\\$2')
  return out
}

/** The non-empty lines of a card's text, each escaped. */
function escapedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter((line) => line !== '')
}

/**
 * Escapes user text for Markdown so it shows as typed and cannot add HTML,
 * links, emphasis or blocks. Lines are joined with a space.
 */
export function escapeMarkdown(text: string): string {
  return escapedLines(text).join(' ')
}

/** User text as a run of lines with hard breaks; `prefix` starts each continuation line (indent or "> "). */
function multiline(text: string, prefix: string, empty: string): string {
  const lines = escapedLines(text)
  return lines.length === 0 ? empty : lines.join(`\\\n${prefix}`)
}

/**
 * The insight/challenge pairs as Markdown: a heading, then a section per pair
 * with the insight as its heading, the challenge, theme, votes, the supporting
 * quotes as blockquotes and the ideas (with votes and prototypes) as a list.
 */
export function pairsToMarkdown(pairs: readonly Pair[], lang: Lang, title: string): string {
  const l = LABELS[lang]
  const out: string[] = [`# ${escapeMarkdown(title) || l.empty}`, '']
  if (pairs.length === 0) out.push(l.none, '')
  for (const pair of pairs) {
    out.push(`## ${escapeMarkdown(pair.insight.text) || l.empty}`, '')
    out.push(`**${l.challenge}:** ${multiline(pair.challenge.text, '', l.empty)}`, '')
    if (pair.theme.trim() !== '') out.push(`**${l.theme}:** ${escapeMarkdown(pair.theme)}`, '')
    out.push(`**${l.votes}:** ${pair.votes}`, '')
    const quotes = pair.quotes.filter((q) => escapedLines(q.text).length > 0)
    if (quotes.length > 0) {
      out.push(`**${l.quotes}:**`, '')
      for (const quote of quotes) out.push(`> ${multiline(quote.text, '> ', l.empty)}`, '')
    }
    if (pair.ideas.length > 0) {
      out.push(`**${l.ideas}:**`, '')
      for (const idea of pair.ideas) {
        out.push(`- ${multiline(idea.text, '  ', l.empty)} (${votesLabel(idea.votes, lang)})`)
        for (const prototype of idea.prototypes) {
          out.push(`  - ${l.prototype}: ${multiline(prototype, '    ', l.empty)}`)
        }
      }
      out.push('')
    }
  }
  return out.join('\n')
}
