import type { Localized } from '../lang'

/**
 * The board templates a workshop definition can place. Ids are stored in
 * definition files and documents, so they never change.
 */
export const TEMPLATE_IDS = [
  'persona',
  'journey',
  'target-picture',
  'cause-effect',
  'risk-factors',
  'inspiration',
  // WS4–WS8: the frames where their structured cards are laid out.
  'prototype-test',
  'training-plan',
  'storyboard',
  'exercise-cards',
  'plans',
] as const

export type TemplateId = (typeof TEMPLATE_IDS)[number]

/** The names users see for each template. */
export const TEMPLATE_LABELS: Record<TemplateId, Localized> = {
  persona: { sv: 'Persona', en: 'Persona' },
  journey: { sv: 'Annas resa', en: "Anna's journey" },
  'target-picture': { sv: 'Målbild', en: 'Target picture' },
  'cause-effect': { sv: 'Orsak och samband', en: 'Cause and effect' },
  'risk-factors': { sv: 'Riskfaktorer', en: 'Risk factors' },
  inspiration: { sv: 'Inspirationskort', en: 'Inspiration cards' },
  'prototype-test': { sv: 'Test av prototyperna', en: 'Testing the prototypes' },
  'training-plan': { sv: 'Utbildningsplan', en: 'Training plan' },
  storyboard: { sv: 'Storyboard', en: 'Storyboard' },
  'exercise-cards': { sv: 'Samtalsövningar', en: 'Conversation exercises' },
  plans: { sv: 'Planer för fortsatt arbete', en: 'Plans for continued work' },
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}
