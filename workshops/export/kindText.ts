import { fieldValueText, type CardCatalog } from '../cards/catalog'
import type { Lang } from '../lang'

/**
 * Names the exports take from the card kinds' declarations (card-kinds.json),
 * so a column is called what the card calls its field, in both languages.
 */
export function kindTexts(catalog: CardCatalog, lang: Lang) {
  return {
    /** "Block", "Scen" … */
    kind: (kind: string) => catalog.label(kind, lang),
    /** A field's label ("Tid", "Ansvarig"); the field id when the kind lacks it. */
    field: (kind: string, field: string) => catalog.field(kind, field)?.label[lang] ?? field,
    /** A field's value as read ("Film", "30 min"); empty when unset. */
    value: (kind: string, field: string, value: unknown) => {
      const declared = catalog.field(kind, field)
      if (!declared || (typeof value !== 'string' && typeof value !== 'number')) return ''
      return fieldValueText(declared, value, lang)
    },
  }
}
