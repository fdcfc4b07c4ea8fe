import type { Localized } from '../lang'

/** A method a programme is made from: its workshops, in the order they are run. */
export interface ProgrammeMethod {
  id: string
  title: Localized
  workshops: readonly string[]
}

/**
 * The built-in method: KUPO's eight workshops. A programme may also list
 * the workshops it runs (some of these, in order, or an employer's own
 * definitions in their place).
 */
export const PROGRAMME_METHODS: Readonly<Record<string, ProgrammeMethod>> = {
  kupo: {
    id: 'kupo',
    title: { sv: 'KUPO – kompetensutveckling inom psykisk ohälsa', en: 'KUPO – competence development on mental ill-health' },
    workshops: ['ws1', 'ws2', 'ws3', 'ws4', 'ws5', 'ws6', 'ws7', 'ws8'],
  },
}

/** Most workshops one programme holds. */
export const PROGRAMME_MAX_WORKSHOPS = 20

export function programmeMethod(id: string): ProgrammeMethod | undefined {
  return Object.hasOwn(PROGRAMME_METHODS, id) ? PROGRAMME_METHODS[id] : undefined
}
