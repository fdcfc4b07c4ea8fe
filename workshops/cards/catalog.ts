import type { Lang } from '../lang'
import type { CardKindDeclaration, FieldDeclaration, FieldValue } from './kindDeclaration'

export type { CardKindDeclaration, FieldDeclaration, FieldValue } from './kindDeclaration'

/** A card's structured fields as stored in its props: field id → value. */
export type CardFields = Record<string, FieldValue>

/** What a card of an unknown kind reads as (a board from a server that had more kinds). */
export const FALLBACK_KIND = 'note'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A "YYYY-MM-DD" that names a real day. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

/** Why `value` does not fit `field`, or null when it does. */
export function fieldValueProblem(field: FieldDeclaration, value: unknown): string | null {
  switch (field.type) {
    case 'text':
    case 'longText':
      if (typeof value !== 'string') return `expected a text, got ${typeof value}`
      return value.length > field.maxLength ? `longer than ${field.maxLength} characters` : null
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'expected a whole number'
      return value < field.min || value > field.max ? `expected a number from ${field.min} to ${field.max}, got ${value}` : null
    case 'choice':
      return typeof value === 'string' && field.values.some((v) => v.id === value)
        ? null
        : `expected one of ${field.values.map((v) => v.id).join(', ')}`
    case 'date':
      return typeof value === 'string' && isDate(value) ? null : 'expected a date like 2027-03-15'
  }
}

/**
 * The method's card kinds, read from their declarations: immutable, and the
 * one thing every part of the product asks about a kind.
 */
export class CardCatalog {
  readonly kinds: readonly CardKindDeclaration[]
  private readonly byId: ReadonlyMap<string, CardKindDeclaration>
  private readonly fieldMaps = new Map<string, ReadonlyMap<string, FieldDeclaration>>()

  constructor(declarations: readonly CardKindDeclaration[]) {
    this.kinds = Object.freeze([...declarations])
    this.byId = new Map(declarations.map((k) => [k.id, k]))
    for (const kind of declarations) this.fieldMaps.set(kind.id, new Map(kind.fields.map((f) => [f.id, f])))
  }

  get ids(): string[] {
    return this.kinds.map((k) => k.id)
  }

  has(id: unknown): id is string {
    return typeof id === 'string' && this.byId.has(id)
  }

  get(id: string): CardKindDeclaration | undefined {
    return this.byId.get(id)
  }

  /** The kind's declaration; an unknown id reads as a note (the kind every method has). */
  info(id: string): CardKindDeclaration {
    return this.byId.get(id) ?? this.byId.get(FALLBACK_KIND) ?? this.kinds[0]
  }

  label(id: string, lang: Lang): string {
    return this.byId.get(id)?.label[lang] ?? id
  }

  field(kind: string, fieldId: string): FieldDeclaration | undefined {
    return this.fieldMaps.get(kind)?.get(fieldId)
  }

  /** Whether a link between cards of these kinds means something: either side lists the other, or "*". */
  mayLink(a: string, b: string): boolean {
    const lists = (from: string, to: string) => {
      const links = this.byId.get(from)?.links
      return links === '*' || (links?.includes(to) ?? false)
    }
    return lists(a, b) || lists(b, a)
  }

  /** The kind cards of `kind` belong to (quote → theme, block → session), if any. */
  partOf(kind: string): string | undefined {
    return this.byId.get(kind)?.partOf
  }

  /** Kinds that declare `kind` as what they belong to. */
  partsOf(kind: string): string[] {
    return this.kinds.filter((k) => k.partOf === kind).map((k) => k.id)
  }

  /**
   * Why a card's `fields` do not fit its kind: a field the kind does not
   * declare, or a value of the wrong type or range. Null when they fit.
   */
  fieldsProblem(kind: string, fields: unknown): string | null {
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return 'fields: expected an object'
    const declared = this.fieldMaps.get(kind)
    if (!declared) return `kind: unknown card kind ${JSON.stringify(kind)}`
    for (const [id, value] of Object.entries(fields)) {
      const field = declared.get(id)
      if (!field) return `fields.${id}: a ${kind} card has no field "${id}"`
      const problem = fieldValueProblem(field, value)
      if (problem) return `fields.${id}: ${problem}`
    }
    return null
  }

  /** Every starter text (both languages) that holds the placeholder, for the sentence-frame logic. */
  starters(): string[] {
    return this.kinds.flatMap((k) => [k.starter.sv, k.starter.en]).filter((s) => s !== '')
  }

  /** What the server hands browsers, so both build the same catalog (see kinds.ts). */
  toJSON(): { kinds: CardKindDeclaration[] } {
    return { kinds: [...this.kinds] }
  }
}

/** A field's value as people read it: a choice's label, a number with its unit. Empty for an absent value. */
export function fieldValueText(field: FieldDeclaration, value: FieldValue | undefined, lang: Lang): string {
  if (value === undefined || value === '') return ''
  switch (field.type) {
    case 'choice':
      return field.values.find((v) => v.id === value)?.label[lang] ?? String(value)
    case 'number':
      return field.unit ? `${value} ${field.unit[lang]}` : String(value)
    default:
      return String(value)
  }
}

/** A card's fields read loosely from a record's props (the chain trusts nothing): only values that fit their field. */
export function readFields(catalog: CardCatalog, kind: string, raw: unknown): CardFields {
  const out: CardFields = {}
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = catalog.field(kind, id)
    if (field && fieldValueProblem(field, value) === null) out[id] = value as FieldValue
  }
  return out
}
