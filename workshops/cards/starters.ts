import type { CardCatalog } from './catalog'
import { cardKinds, type CardKind } from './kinds'

/**
 * The method's sentence frames ("Vi har funnit att …", "Hur skulle vi kunna
 * … ?") guide a new card without ending up in what people wrote: the "…" is
 * a placeholder that typing replaces, and what is left of it is removed.
 */

/** The part of a starter that stands for what the person will write. */
export const PLACEHOLDER = '…'

interface Frame {
  /** The words before the placeholder, without trailing space: "Hur skulle vi kunna". */
  lead: string
  /** The punctuation after it, if any: "?". */
  mark: string
}

const framesOf = new WeakMap<CardCatalog, Frame[]>()

/** The sentence frames of the kinds' starters, once per catalog. */
function frames(catalog: CardCatalog): Frame[] {
  let found = framesOf.get(catalog)
  if (!found) {
    found = catalog
      .starters()
      .filter((starter) => starter.includes(PLACEHOLDER))
      .map((starter) => {
        const at = starter.indexOf(PLACEHOLDER)
        return { lead: starter.slice(0, at).trimEnd(), mark: starter.slice(at + PLACEHOLDER.length).trim() }
      })
    framesOf.set(catalog, found)
  }
  return found
}

/**
 * Where the placeholder is in a card's text that is still exactly its
 * kind's starter, so a text box can select it and the first key typed
 * replaces it. For "Hur skulle vi kunna … ?" the space after the "…" is
 * selected too, so typing gives "Hur skulle vi kunna korta väntan?". Null
 * once the person has written anything.
 */
export function placeholderSelection(text: string, kind: CardKind): { start: number; end: number } | null {
  const starter = cardKinds().get(kind)?.starter
  if (!starter || (starter.sv !== text && starter.en !== text)) return null
  const start = text.indexOf(PLACEHOLDER)
  if (start < 0) return null
  let end = start + PLACEHOLDER.length
  if (text.slice(end).trim() !== '') while (text[end] === ' ') end++
  return { start, end }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A card's text without what is left of a starter's placeholder: "Vi har
 * funnit att …chefer ser" → "Vi har funnit att chefer ser", "Hur skulle vi
 * kunna … ?korta väntan" → "Hur skulle vi kunna korta väntan?", and an
 * untouched starter → "". The placeholder counts only right after the
 * sentence frame's words or at the very end of the text, so an ellipsis a
 * person wrote (in a quote, or mid-sentence) stays. Both languages.
 */
export function withoutPlaceholder(text: string): string {
  const trimmed = text.trim()
  for (const { lead, mark } of frames(cardKinds())) {
    if (!trimmed.startsWith(lead)) continue
    const rest = trimmed.slice(lead.length)
    if (rest !== '' && !/^\s/.test(rest) && !rest.startsWith(PLACEHOLDER)) continue
    const m = mark ? `(?:\\s*${escape(mark)})?` : ''
    const atStart = new RegExp(`^\\s*${PLACEHOLDER}${m}\\s*`)
    const atEnd = new RegExp(`\\s*${PLACEHOLDER}${m}\\s*$`)
    let written: string
    if (atStart.test(rest)) written = rest.replace(atStart, '')
    else if (atEnd.test(rest)) written = rest.replace(atEnd, '')
    else continue
    written = written.trim()
    if (written === '') return ''
    const sentence = `${lead} ${written}`
    return mark && !/[?!.…]$/.test(sentence) ? `${sentence}${mark}` : sentence
  }
  return text
}

/** What a card's text box should keep when editing ends: the text without placeholder remains, unless nothing else was written. */
export function finishedText(text: string): string {
  const clean = withoutPlaceholder(text)
  return clean === '' ? text : clean
}
