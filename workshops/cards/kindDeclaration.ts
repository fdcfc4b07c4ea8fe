import { z } from 'zod'
import type { Localized } from '../lang'
import { DefinitionError, parseJson, validate } from '../method/dataFile'
import { describeValue, expecting, ID_PATTERN, idSchema, localizedSchema, strictRecord } from '../method/definitionSchema'
import { contrastRatio, MIN_TEXT_CONTRAST, TEXT_INK } from './contrast'

/**
 * The method's card kinds as a data file declares them
 * (`workshops/card-kinds.json`, and an employer's own
 * `WORKSHOPS_DIR/card-kinds.json`). Everything that knows about kinds (the
 * palette, the card shape, the chain, the outline, the exports and the
 * server's checks) reads these declarations, never a list in code.
 */

/** The value a structured field holds: text (text, longText, choice, date) or a whole number. */
export type FieldValue = string | number

export type FieldDeclaration =
  | { id: string; label: Localized; type: 'text' | 'longText'; maxLength: number }
  | { id: string; label: Localized; type: 'number'; min: number; max: number; unit?: Localized }
  | { id: string; label: Localized; type: 'choice'; values: Array<{ id: string; label: Localized }> }
  | { id: string; label: Localized; type: 'date' }

export type FieldType = FieldDeclaration['type']

export interface CardKindDeclaration {
  /** Stored in every card of the kind: never renamed. */
  id: string
  label: Localized
  /** Background of the card, "#rrggbb", readable with the board's dark text (see contrast.ts). */
  color: string
  /** Text a new card starts with (a sentence frame whose "…" typing replaces); empty for none. */
  starter: Localized
  /** Structured fields beside the card's text, in the order they show. */
  fields: FieldDeclaration[]
  /** Kinds a card of this kind may be linked to; "*" for any. A link is allowed when either side lists the other. */
  links: string[] | '*'
  /** The kind whose card this one belongs to: the one it is linked to, or else the nearest in its frame (quote → theme, block → session). */
  partOf?: string
  /** Size of a new card; the method's default when absent. */
  size?: { w: number; h: number }
}

/** Longest texts a structured field may declare (the whole card is limited too: MAX_RECORD_BYTES). */
export const TEXT_FIELD_MAX = 500
export const LONG_TEXT_FIELD_MAX = 2000
const TEXT_FIELD_DEFAULT = 200
const LONG_TEXT_FIELD_DEFAULT = 1000
/** At most this many fields per kind, values per choice, kinds per file. */
export const MAX_FIELDS = 12
const MAX_CHOICES = 20
export const MAX_KINDS = 60

/** Field ids: a lowercase start, then letters and digits ("minutes", "followUp"). */
export const FIELD_ID_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}$/
const FIELD_ID_RULE = 'a field id of letters and digits starting with a lowercase letter, at most 32 characters, like "minutes" or "followUp"'

const fieldIdSchema = z.string({ error: expecting(FIELD_ID_RULE) }).regex(FIELD_ID_PATTERN, { error: expecting(FIELD_ID_RULE) })

const optionalLocalized = localizedSchema.optional()

function wholeNumber(what: string, min: number, max: number) {
  return z
    .number({ error: expecting(what) })
    .int({ error: expecting(`a whole number (${what})`) })
    .min(min, { error: expecting(`${what} of at least ${min}`) })
    .max(max, { error: expecting(`${what} of at most ${max}`) })
}

const colorSchema = z
  .string({ error: expecting('a colour like "#a5d8ff"') })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: expecting('a colour like "#a5d8ff"') })
  .superRefine((color, ctx) => {
    const ratio = contrastRatio(color, TEXT_INK)
    if (ratio < MIN_TEXT_CONTRAST) {
      ctx.addIssue({
        code: 'custom',
        message: `${color} is too dark for the cards' text (${TEXT_INK}): the contrast is ${ratio.toFixed(2)}:1 and at least ${MIN_TEXT_CONTRAST}:1 is needed; choose a lighter colour`,
      })
    }
  })

const FIELD_TYPES = ['text', 'longText', 'number', 'choice', 'date'] as const
const fieldTypeSchema = z.enum(FIELD_TYPES, {
  error: (iss: { input?: unknown }) => `expected a field type (one of ${FIELD_TYPES.join(', ')}), got ${describeValue(iss.input)}`,
})

const choiceValueSchema = strictRecord({ id: idSchema, label: localizedSchema }, 'a choice (an object with id and label)')

/** Every key a field may have; which apply depends on its type (checked below). */
const rawFieldSchema = strictRecord(
  {
    id: fieldIdSchema,
    type: fieldTypeSchema,
    label: localizedSchema,
    maxLength: wholeNumber('a number of characters', 1, LONG_TEXT_FIELD_MAX).optional(),
    min: wholeNumber('a smallest value', 0, 1_000_000).optional(),
    max: wholeNumber('a largest value', 0, 1_000_000).optional(),
    unit: optionalLocalized,
    values: z
      .array(choiceValueSchema, { error: expecting('a list of choices') })
      .min(2, { error: 'expected at least two choices' })
      .max(MAX_CHOICES, { error: `expected at most ${MAX_CHOICES} choices` })
      .optional(),
  },
  'a field (an object with id, type and label)',
)

type RawField = z.infer<typeof rawFieldSchema>

/** Which optional keys each type takes; another key is a mistake worth naming. */
const KEYS_OF: Record<FieldType, readonly string[]> = {
  text: ['maxLength'],
  longText: ['maxLength'],
  number: ['min', 'max', 'unit'],
  choice: ['values'],
  date: [],
}

const fieldSchema = rawFieldSchema.superRefine((field, ctx) => {
  for (const key of ['maxLength', 'min', 'max', 'unit', 'values'] as const) {
    if (field[key] !== undefined && !KEYS_OF[field.type].includes(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `a ${field.type} field has no ${key}` })
    }
  }
  if ((field.type === 'text' && (field.maxLength ?? 0) > TEXT_FIELD_MAX)) {
    ctx.addIssue({ code: 'custom', path: ['maxLength'], message: `a text field holds at most ${TEXT_FIELD_MAX} characters; use "longText" for more` })
  }
  if (field.type === 'choice' && field.values === undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: 'missing' })
  if (field.type === 'choice' && field.values) {
    field.values.forEach((value, i) => {
      if (field.values!.findIndex((v) => v.id === value.id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['values', i, 'id'], message: `${describeValue(value.id)} is listed twice` })
      }
    })
  }
  if (field.type === 'number' && field.min !== undefined && field.max !== undefined && field.min > field.max) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `${field.max} is smaller than min (${field.min})` })
  }
})

function toField(raw: RawField): FieldDeclaration {
  const base = { id: raw.id, label: raw.label }
  switch (raw.type) {
    case 'text':
      return { ...base, type: 'text', maxLength: raw.maxLength ?? TEXT_FIELD_DEFAULT }
    case 'longText':
      return { ...base, type: 'longText', maxLength: raw.maxLength ?? LONG_TEXT_FIELD_DEFAULT }
    case 'number':
      return { ...base, type: 'number', min: raw.min ?? 0, max: raw.max ?? 100_000, ...(raw.unit ? { unit: raw.unit } : {}) }
    case 'choice':
      return { ...base, type: 'choice', values: raw.values! }
    case 'date':
      return { ...base, type: 'date' }
  }
}

const KIND_ID_RULE = 'a kind id of lowercase letters a-z, digits and hyphens, starting with a letter or digit, at most 40 characters'
const kindIdSchema = z.string({ error: expecting(KIND_ID_RULE) }).regex(ID_PATTERN, { error: expecting(KIND_ID_RULE) })

const linksSchema = z.union([z.literal('*'), z.array(kindIdSchema)], {
  error: expecting('a list of card kind ids, like ["theme", "insight"], or "*" for any kind'),
})

const sizeSchema = strictRecord(
  { w: wholeNumber('a width in pixels', 80, 800), h: wholeNumber('a height in pixels', 60, 800) },
  'a size like { "w": 240, "h": 180 }',
)

const kindSchema = strictRecord(
  {
    id: kindIdSchema,
    label: localizedSchema,
    color: colorSchema,
    starter: z
      .object({ sv: z.string({ error: expecting('a text') }), en: z.string({ error: expecting('a text') }) }, { error: expecting('texts in "sv" and "en"') })
      .strict()
      .optional(),
    fields: z.array(fieldSchema, { error: expecting('a list of fields') }).max(MAX_FIELDS, { error: `expected at most ${MAX_FIELDS} fields` }).optional(),
    links: linksSchema,
    partOf: kindIdSchema.optional(),
    size: sizeSchema.optional(),
  },
  'a card kind (an object with id, label, color and links)',
).superRefine((kind, ctx) => {
  const fields = kind.fields ?? []
  fields.forEach((field, i) => {
    if (fields.findIndex((f) => f.id === field.id) !== i) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field id "${field.id}"` })
    }
  })
  if (kind.partOf !== undefined && kind.links !== '*' && !kind.links.includes(kind.partOf)) {
    ctx.addIssue({ code: 'custom', path: ['partOf'], message: `"${kind.partOf}" must also be in links` })
  }
})

const fileSchema = strictRecord(
  {
    kinds: z
      .array(kindSchema, { error: expecting('a list of card kinds') })
      .min(1, { error: 'expected at least one card kind, got an empty list' })
      .max(MAX_KINDS, { error: `expected at most ${MAX_KINDS} card kinds` }),
  },
  'a card kinds file (an object with "kinds")',
)

/**
 * Reads one card kinds file. `known` are the kinds already loaded (the
 * built-in ones, when this is an employer's file): an id among them is an
 * error, and links may name them. Links to kinds in neither are errors.
 */
export function parseCardKinds(file: string, text: string, known: readonly CardKindDeclaration[] = []): CardKindDeclaration[] {
  return checkCardKinds(file, parseJson(file, text), known)
}

/** The same for JSON already parsed (`{ kinds: [...] }`), e.g. the kinds a browser receives from its server. */
export function checkCardKinds(file: string, data: unknown, known: readonly CardKindDeclaration[] = []): CardKindDeclaration[] {
  const parsed = validate(file, fileSchema, data)
  const taken = new Set(known.map((k) => k.id))
  const ids = new Set<string>()
  parsed.kinds.forEach((kind, i) => {
    if (taken.has(kind.id)) throw new DefinitionError(file, `kinds[${i}].id`, `"${kind.id}" is already a card kind`)
    if (ids.has(kind.id)) throw new DefinitionError(file, `kinds[${i}].id`, `duplicate card kind "${kind.id}"`)
    ids.add(kind.id)
  })
  const all = new Set([...taken, ...ids])
  parsed.kinds.forEach((kind, i) => {
    if (kind.links !== '*') {
      kind.links.forEach((link, j) => {
        if (!all.has(link)) throw new DefinitionError(file, `kinds[${i}].links[${j}]`, `unknown card kind "${link}"; known are ${[...all].join(', ')}`)
      })
    }
    if (kind.partOf !== undefined && !all.has(kind.partOf)) {
      throw new DefinitionError(file, `kinds[${i}].partOf`, `unknown card kind "${kind.partOf}"`)
    }
  })
  return parsed.kinds.map((kind) => ({
    id: kind.id,
    label: kind.label,
    color: kind.color.toLowerCase(),
    starter: kind.starter ?? { sv: '', en: '' },
    fields: (kind.fields ?? []).map(toField),
    links: kind.links === '*' ? '*' : [...kind.links],
    ...(kind.partOf !== undefined ? { partOf: kind.partOf } : {}),
    ...(kind.size ? { size: kind.size } : {}),
  }))
}
