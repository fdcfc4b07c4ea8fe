import type { TemplateId } from '../method/templates'
import type { Persona, WorkshopDefinition } from '../method/types'
import { placeTemplates } from '../templates/placeTemplates'
import { propsSnapshot } from './provenance'

/** Any persona: the templates the carry-over reads (the Målbild) do not show one. */
const SOMEONE: Persona = { id: 'x', name: 'x', age: 1, family: 'x', home: 'x', work: 'x', interests: 'x', diagnosis: 'x', situation: 'x' }

const cache = new Map<TemplateId, Map<string, Record<string, unknown>[]>>()

/**
 * A template's parts as a new board places them, in every language, by
 * shape id (the same on every board): what a part holds until someone
 * writes in it.
 */
export function templateDefaults(template: TemplateId): ReadonlyMap<string, Record<string, unknown>[]> {
  let parts = cache.get(template)
  if (parts) return parts
  parts = new Map()
  const definition = { id: 'x', title: { sv: 'x', en: 'x' }, goal: { sv: 'x', en: 'x' }, duration: 1, templates: [template], steps: [] } as WorkshopDefinition
  for (const lang of ['sv', 'en'] as const) {
    for (const record of placeTemplates(definition, { persona: SOMEONE, lang })) {
      if (record.typeName !== 'shape' || record.type === 'frame') continue
      const list = parts.get(record.id) ?? []
      list.push(propsSnapshot(record.props))
      parts.set(record.id, list)
    }
  }
  cache.set(template, parts)
  return parts
}
