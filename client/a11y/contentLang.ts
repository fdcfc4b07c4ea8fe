import type { Lang } from '../../workshops/lang'

/** The method's template texts on a board (persona, inspiration, frames) are placed in Swedish (server/workshops/workshopFactory.ts). */
export const TEMPLATE_LANG: Lang = 'sv'

/** Template parts have ids made by templatePartId (workshops/templates/placeTemplates.ts). */
const TEMPLATE_ID_PREFIX = 'shape:tpl-'

/**
 * The `lang` attribute a card's text needs: its own language where that
 * differs from the page's (a screen reader then reads Swedish template text
 * with a Swedish voice in the English UI), otherwise none.
 */
export function contentLangOf(card: { id: string; meta?: unknown }, uiLang: Lang): Lang | undefined {
  const isTemplate = card.id.startsWith(TEMPLATE_ID_PREFIX) || Boolean((card.meta as { template?: unknown } | undefined)?.template)
  return isTemplate && uiLang !== TEMPLATE_LANG ? TEMPLATE_LANG : undefined
}
