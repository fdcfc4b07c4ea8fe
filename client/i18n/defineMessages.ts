import type { Lang } from '../../workshops/lang'

/**
 * A feature's own texts, Swedish first: the English side must have exactly
 * the same keys (the type checks it). Features keep these beside their code
 * and list them once in catalog.ts, so no feature edits another's file.
 */
export function defineMessages<const S extends Record<string, string>>(sv: S, en: { [K in keyof S]: string }): Record<Lang, { [K in keyof S]: string }> {
  return { sv, en }
}
