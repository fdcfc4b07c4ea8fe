import type { Localized } from '../lang'

/**
 * The method's card kinds. The order is the order of the method's chain and of
 * the card palette; ids are stored in documents, so they never change.
 */
export const CARD_KINDS = [
  'quote',
  'theme',
  'need',
  'insight',
  'challenge',
  'idea',
  'prototype',
  'note',
] as const

export type CardKind = (typeof CARD_KINDS)[number]

export interface CardKindInfo {
  label: Localized
  /** Background colour of the card; chosen to stay readable with dark text. */
  color: string
  /** Text a new card of this kind starts with (the method's sentence frames). */
  starter: Localized
}

export const CARD_KIND_INFO: Record<CardKind, CardKindInfo> = {
  quote: { label: { sv: 'Citat', en: 'Quote' }, color: '#fff3b0', starter: { sv: '', en: '' } },
  theme: { label: { sv: 'Tema', en: 'Theme' }, color: '#ffd6a5', starter: { sv: '', en: '' } },
  need: { label: { sv: 'Behov', en: 'Need' }, color: '#fdc5d5', starter: { sv: '', en: '' } },
  insight: {
    label: { sv: 'Insikt', en: 'Insight' },
    color: '#bde0fe',
    starter: { sv: 'Vi har funnit att …', en: 'We have found that …' },
  },
  challenge: {
    label: { sv: 'Utmaning', en: 'Challenge' },
    color: '#caffbf',
    starter: { sv: 'Hur skulle vi kunna … ?', en: 'How might we … ?' },
  },
  idea: { label: { sv: 'Idé', en: 'Idea' }, color: '#e4c1f9', starter: { sv: '', en: '' } },
  prototype: { label: { sv: 'Prototyp', en: 'Prototype' }, color: '#a0e7e5', starter: { sv: '', en: '' } },
  note: { label: { sv: 'Anteckning', en: 'Note' }, color: '#e9ecef', starter: { sv: '', en: '' } },
}

export function isCardKind(value: unknown): value is CardKind {
  return typeof value === 'string' && (CARD_KINDS as readonly string[]).includes(value)
}
