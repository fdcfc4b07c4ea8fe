import { z } from 'zod'
import { expecting, idSchema, strictRecord, textSchema } from './definitionSchema'
import type { Persona } from './types'

const AGE = 'an age in whole years between 15 and 100'

/** A persona file: Anna's fields, all required. */
export const personaSchema: z.ZodType<Persona> = strictRecord(
  {
    id: idSchema,
    name: textSchema('a non-empty name'),
    age: z
      .number({ error: expecting(AGE) })
      .int({ error: expecting(AGE) })
      .min(15, { error: expecting(AGE) })
      .max(100, { error: expecting(AGE) }),
    family: textSchema('a non-empty text'),
    home: textSchema('a non-empty text'),
    work: textSchema('a non-empty text'),
    interests: textSchema('a non-empty text'),
    diagnosis: textSchema('a non-empty text'),
    situation: textSchema('a non-empty text'),
  },
  'a persona (an object with id, name, age, family, home, work, interests, diagnosis and situation)',
)
