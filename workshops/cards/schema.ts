import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas, type TLRecord } from '@tldraw/tlschema'
import { CARD_SHAPE_TYPE, cardShapeMigrations, cardShapeProps } from './cardShape'
import { cardKinds } from './kinds'

/**
 * The board's full record schema: tldraw's defaults plus our card. The same
 * constant in every client and the server; which card kinds and fields exist
 * is asked of the installed kinds (kinds.ts) when a record is validated, so
 * the schema's serialized form (what a board stores in `meta`) never depends
 * on the method's data, only on the migrations.
 */
export const boardSchema = createTLSchema({
  shapes: {
    ...defaultShapeSchemas,
    [CARD_SHAPE_TYPE]: { props: cardShapeProps, migrations: cardShapeMigrations },
  },
  bindings: defaultBindingSchemas,
})

/**
 * What tldraw's per-prop validators cannot see: a card's fields against its
 * kind's declaration. Throws with the field and the problem.
 */
export function checkCardFields(record: TLRecord): void {
  if (record.typeName !== 'shape' || record.type !== CARD_SHAPE_TYPE) return
  const props = record.props as { kind: string; fields: unknown }
  const problem = cardKinds().fieldsProblem(props.kind, props.fields)
  if (problem) throw new Error(`props.${problem}`)
}

/** Throws a ValidationError naming the bad field when the record is not a valid board record. */
export function validateBoardRecord(record: unknown): TLRecord {
  const r = record as TLRecord
  const type = boardSchema.types[r?.typeName as keyof typeof boardSchema.types]
  if (!type) throw new Error(`unknown record type ${JSON.stringify(r?.typeName)}`)
  const valid = type.validate(r) as TLRecord
  checkCardFields(valid)
  return valid
}
