import type { CardCatalog } from '../cards/catalog'
import { cardKinds } from '../cards/kinds'
import { DefinitionError, parseJson, validate } from './dataFile'
import { workshopDefinitionSchema } from './definitionSchema'
import { personaSchema } from './personaSchema'
import type { Persona, WorkshopDefinition } from './types'

export { DefinitionError, formatPath, parseJson, validate } from './dataFile'

/** A workshop definition file; its steps' card kinds must be among `kinds` (this process's, by default). */
export function parseWorkshopDefinition(file: string, text: string, kinds: CardCatalog = cardKinds()): WorkshopDefinition {
  const definition = validate(file, workshopDefinitionSchema, parseJson(file, text))
  definition.steps.forEach((step, i) => {
    step.cardKinds.forEach((kind, j) => {
      if (!kinds.has(kind)) {
        throw new DefinitionError(file, `steps[${i}].cardKinds[${j}]`, `unknown card kind ${JSON.stringify(kind)}; allowed are ${kinds.ids.join(', ')}`)
      }
    })
  })
  return definition
}

export function parsePersona(file: string, text: string): Persona {
  return validate(file, personaSchema, parseJson(file, text))
}

