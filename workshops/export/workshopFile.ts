/**
 * The whole workshop as one versioned JSON file, for moving a workshop to
 * another server: the board's records (with the tldraw schema they were
 * written in), the settings, the vote totals and the agenda as run. Never
 * the keys. Pure: building and parsing need no Node or DOM API.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { z } from 'zod'
import { boardSchema, validateBoardRecord } from '../cards/schema'

export const WORKSHOP_FILE_FORMAT = 'samverkstad.workshop'
/** Raised only when a reader of the old version could not read the new one; fields may be added within a version. */
export const WORKSHOP_FILE_VERSION = 1

/** Limits on what a file may hold, so one upload cannot make the server build a huge board. */
export const WORKSHOP_FILE_LIMITS = {
  records: 50_000,
  votes: 50_000,
  steps: 1_000,
  titleLength: 200,
  settingsBytes: 16 * 1024,
}

const localized = z.object({ sv: z.string().max(1000), en: z.string().max(1000) })

const stepAsRun = z.object({
  stepId: z.string().min(1).max(64),
  title: localized,
  startedAt: z.number(),
  endedAt: z.number().nullable(),
})

/** One step of the agenda as it was run (the same shape as WorkshopFacts' StepAsRun). */
export type FileStepAsRun = z.infer<typeof stepAsRun>

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
)

const settings = z
  .object({ anonymous: z.boolean().optional(), personaId: z.string().max(64).optional() })
  // Settings added later by other modules travel along unchanged, as plain JSON.
  .catchall(jsonValue)
  .refine((s) => JSON.stringify(s).length <= WORKSHOP_FILE_LIMITS.settingsBytes, {
    message: `settings larger than ${WORKSHOP_FILE_LIMITS.settingsBytes} bytes`,
  })

const fileV1 = z.object({
  format: z.literal(WORKSHOP_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().max(64),
  method: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(WORKSHOP_FILE_LIMITS.titleLength),
  settings,
  board: z.object({
    /** The tldraw schema the records were written in; records are migrated from it on import. */
    schema: z.record(z.string(), z.unknown()).optional(),
    records: z.array(z.record(z.string(), z.unknown())).max(WORKSHOP_FILE_LIMITS.records),
  }),
  control: z.object({ agendaAsRun: z.array(stepAsRun).max(WORKSHOP_FILE_LIMITS.steps) }).nullable(),
  votes: z
    .record(z.string().max(200), z.number().int().nonnegative())
    .refine((v) => Object.keys(v).length <= WORKSHOP_FILE_LIMITS.votes, { message: 'too many vote entries' }),
})

export interface WorkshopFileSettings {
  anonymous?: boolean
  personaId?: string
  [key: string]: unknown
}

export interface WorkshopFile {
  format: typeof WORKSHOP_FILE_FORMAT
  version: typeof WORKSHOP_FILE_VERSION
  exportedAt: string
  /** The workshop definition the board ran, e.g. "ws2". */
  method: string
  title: string
  settings: WorkshopFileSettings
  board: { schema: ReturnType<typeof boardSchema.serialize>; records: TLRecord[] }
  /** The facilitation record as exports know it; null when no step was ever run. */
  control: { agendaAsRun: FileStepAsRun[] } | null
  /** Dots per card id over every closed vote. */
  votes: Record<string, number>
}

export interface WorkshopFileInput {
  method: string
  title: string
  settings: WorkshopFileSettings
  records: readonly TLRecord[]
  votes: Readonly<Record<string, number>>
  agendaAsRun: readonly FileStepAsRun[]
  exportedAt: Date | string
}

/** Orders records by id, so two exports of the same board are the same file. */
function byId(a: TLRecord, b: TLRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Vote totals with only positive counts, keys sorted. */
function cleanVotes(votes: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const id of Object.keys(votes).sort()) {
    const n = votes[id]
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) out[id] = n
  }
  return out
}

export function buildWorkshopFile(input: WorkshopFileInput): WorkshopFile {
  return {
    format: WORKSHOP_FILE_FORMAT,
    version: WORKSHOP_FILE_VERSION,
    exportedAt: input.exportedAt instanceof Date ? input.exportedAt.toISOString() : input.exportedAt,
    method: input.method,
    title: input.title,
    settings: structuredClone(input.settings),
    board: { schema: boardSchema.serialize(), records: [...input.records].sort(byId).map((r) => structuredClone(r)) },
    control: input.agendaAsRun.length > 0 ? { agendaAsRun: input.agendaAsRun.map((s) => structuredClone(s)) } : null,
    votes: cleanVotes(input.votes),
  }
}

export function workshopFileToJson(file: WorkshopFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

/** A file that cannot be imported; the message says why in words a facilitator can act on. */
export class WorkshopFileError extends Error {}

function describe(record: Record<string, unknown>, index: number): string {
  return typeof record.id === 'string' ? `board.records[${index}] (${record.id})` : `board.records[${index}]`
}

/**
 * Reads a workshop file: checks its format and version, every field, every
 * board record against the board schema (after migrating it from the schema
 * it was written in) and that every parent and binding points at a record in
 * the file. Throws a WorkshopFileError naming the first problem.
 */
export function parseWorkshopFile(input: unknown): WorkshopFile {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new WorkshopFileError('not a Samverkstad workshop file: expected a JSON object')
  }
  const raw = input as Record<string, unknown>
  if (raw.format !== WORKSHOP_FILE_FORMAT) {
    throw new WorkshopFileError(
      `not a Samverkstad workshop file: "format" is ${JSON.stringify(raw.format) ?? 'missing'}, expected "${WORKSHOP_FILE_FORMAT}"`,
    )
  }
  const version = raw.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new WorkshopFileError(`unknown workshop file version ${JSON.stringify(version) ?? '(missing)'}; this server reads version ${WORKSHOP_FILE_VERSION}`)
  }
  if (version > WORKSHOP_FILE_VERSION) {
    throw new WorkshopFileError(
      `the file is workshop file version ${version}, made by a newer Samverkstad; this server reads version ${WORKSHOP_FILE_VERSION} and older. Update the server to import it.`,
    )
  }

  const parsed = fileV1.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new WorkshopFileError(`${issue.path.join('.') || 'file'}: ${issue.message}`)
  }
  const file = parsed.data
  const records = checkRecords(file.board.records, file.board.schema)
  return {
    format: WORKSHOP_FILE_FORMAT,
    version: WORKSHOP_FILE_VERSION,
    exportedAt: file.exportedAt,
    method: file.method,
    title: file.title,
    settings: file.settings as WorkshopFileSettings,
    board: { schema: boardSchema.serialize(), records },
    control: file.control,
    votes: file.votes,
  }
}

function checkRecords(input: Array<Record<string, unknown>>, schema: Record<string, unknown> | undefined): TLRecord[] {
  const store: Record<string, TLRecord> = {}
  input.forEach((record, i) => {
    if (typeof record.id !== 'string' || record.id === '') throw new WorkshopFileError(`${describe(record, i)}: the record has no id`)
    if (Object.prototype.hasOwnProperty.call(store, record.id)) throw new WorkshopFileError(`${describe(record, i)}: the id appears twice`)
    store[record.id] = record as unknown as TLRecord
  })

  let migrated: Record<string, TLRecord> = store
  if (schema !== undefined) {
    const ours = boardSchema.serialize().sequences as Record<string, number>
    const theirs = schema.sequences
    if (theirs && typeof theirs === 'object') {
      for (const [sequence, version] of Object.entries(theirs as Record<string, unknown>)) {
        if (typeof version === 'number' && sequence in ours && version > ours[sequence]) {
          throw new WorkshopFileError(
            `the board was saved by a newer version of the board format than this server knows (${sequence} ${version}, this server has ${ours[sequence]}); update the server to import it`,
          )
        }
      }
    }
    const result = boardSchema.migrateStoreSnapshot({ schema: schema as never, store: store as never })
    if (result.type === 'error') {
      throw new WorkshopFileError(
        result.reason === 'target-version-too-old'
          ? 'the board was saved by a newer version of the board format than this server knows; update the server to import it'
          : `the board's records could not be brought to this server's format (${result.reason})`,
      )
    }
    migrated = result.value as Record<string, TLRecord>
  }

  const records = input.map((r) => migrated[r.id as string]).filter((r): r is TLRecord => r !== undefined)
  records.forEach((record, i) => {
    try {
      validateBoardRecord(record)
    } catch (error) {
      throw new WorkshopFileError(`${describe(record as never, i)}: ${(error as Error).message}`)
    }
  })

  const ids = new Set(records.map((r) => r.id))
  if (!records.some((r) => r.typeName === 'document')) throw new WorkshopFileError('board.records: the board has no document record')
  if (!records.some((r) => r.typeName === 'page')) throw new WorkshopFileError('board.records: the board has no page')
  records.forEach((record, i) => {
    if (record.typeName === 'shape' && !ids.has(record.parentId)) {
      throw new WorkshopFileError(`${describe(record as never, i)}: its parent ${record.parentId} is not in the file`)
    }
    if (record.typeName === 'binding' && (!ids.has(record.fromId) || !ids.has(record.toId))) {
      throw new WorkshopFileError(`${describe(record as never, i)}: it binds a shape that is not in the file`)
    }
  })
  return records
}
