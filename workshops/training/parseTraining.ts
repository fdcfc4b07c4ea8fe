import type { CardCatalog } from '../cards/catalog'
import { cardKinds } from '../cards/kinds'
import { DefinitionError, parseJson, validate } from '../method/dataFile'
import { workshopDefinitionSchema } from '../method/definitionSchema'
import { sessionDefinition } from './sessionDefinition'
import { trainingSchema } from './trainingSchema'
import type { TrainingDefinition } from './types'

/**
 * A training file: its shape, its steps' card kinds against `kinds`, and
 * each session's generated workshop definition against the workshop rules
 * (so nothing fails later, when a session is made). Throws a DefinitionError
 * naming the file, the field and the problem.
 */
export function parseTraining(file: string, text: string, kinds: CardCatalog = cardKinds()): TrainingDefinition {
  return checkTraining(file, parseJson(file, text), kinds)
}

/** The same checks for a training already in memory (one made from a WS5 plan). */
export function checkTraining(file: string, data: unknown, kinds: CardCatalog = cardKinds()): TrainingDefinition {
  const training = validate(file, trainingSchema, data)
  training.sessions.forEach((session, s) => {
    session.blocks.forEach((block, b) => {
      block.steps.forEach((step, i) => {
        step.cardKinds.forEach((kind, k) => {
          if (!kinds.has(kind)) {
            throw new DefinitionError(file, `sessions[${s}].blocks[${b}].steps[${i}].cardKinds[${k}]`, `unknown card kind ${JSON.stringify(kind)}; allowed are ${kinds.ids.join(', ')}`)
          }
        })
      })
    })
    try {
      validate(file, workshopDefinitionSchema, sessionDefinition(training, session))
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error
      throw new DefinitionError(file, `sessions[${s}]`, `as a workshop, ${error.path}: ${error.problem}`)
    }
  })
  return training
}
