import type { CardFields, FieldDeclaration, FieldValue } from './catalog'
import { fieldValueProblem } from './catalog'

/**
 * What a form control's text makes of a field: the value to store,
 * `undefined` to clear it (an emptied control), or `null` when the text is
 * not a valid value (out of range, not a whole number): then nothing is
 * written and the control says so. Used by the board's cards and the outline.
 */
export function fieldFromInput(field: FieldDeclaration, raw: string): FieldValue | undefined | null {
  if (raw.trim() === '') return undefined
  let value: FieldValue = raw
  if (field.type === 'number') {
    if (!/^\s*-?\d+\s*$/.test(raw)) return null
    value = Number.parseInt(raw, 10)
  }
  return fieldValueProblem(field, value) === null ? value : null
}

/** `fields` with one field set, or removed when `value` is undefined. */
export function withField(fields: CardFields, id: string, value: FieldValue | undefined): CardFields {
  const next = { ...fields }
  if (value === undefined) delete next[id]
  else next[id] = value
  return next
}

/** A stored value as a form control shows it. */
export function fieldInputText(value: FieldValue | undefined): string {
  return value === undefined ? '' : String(value)
}
