import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas, type TLRecord } from '@tldraw/tlschema'
import { CARD_SHAPE_TYPE, cardShapeMigrations, cardShapeProps } from './cardShape'

/** The board's full record schema: tldraw's defaults plus our card. Same in every client and the server. */
export const boardSchema = createTLSchema({
  shapes: {
    ...defaultShapeSchemas,
    [CARD_SHAPE_TYPE]: { props: cardShapeProps, migrations: cardShapeMigrations },
  },
  bindings: defaultBindingSchemas,
})

/** Throws a ValidationError naming the bad field when the record is not a valid board record. */
export function validateBoardRecord(record: unknown): TLRecord {
  const r = record as TLRecord
  const type = boardSchema.types[r?.typeName as keyof typeof boardSchema.types]
  if (!type) throw new Error(`unknown record type ${JSON.stringify(r?.typeName)}`)
  return type.validate(r) as TLRecord
}
