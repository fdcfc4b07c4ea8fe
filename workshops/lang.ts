/** The languages the product speaks; Swedish is the default. */
export const LANGS = ['sv', 'en'] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = 'sv'

/** A text users see, in every language the product speaks. */
export type Localized = Record<Lang, string>

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en'
}
