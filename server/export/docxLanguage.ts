import type { Lang } from '../../workshops/lang'

/** The language tag Word and screen readers use for each UI language (spelling check, voice). */
export const DOCX_LANG: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' }

/**
 * Document defaults that set the language of every run (w:lang in
 * styles.xml's docDefaults), for `new Document({ styles })`. The export's
 * language is that of its labels; what people wrote is usually the same.
 */
export function docxLanguageStyles(lang: Lang) {
  return { default: { document: { run: { language: { value: DOCX_LANG[lang] } } } } }
}
