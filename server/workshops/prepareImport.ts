import { boardPieces } from '../../workshops/doc/boardPieces'
import { parseWorkshopFile, WorkshopFileError, type FileStepAsRun, type WorkshopFileSettings } from '../../workshops/export/workshopFile'
import { rewriteMediaSrcs, type SrcRewrite } from '../../workshops/media/mediaSrcs'
import type { DocLimits } from '../../workshops/rules/limits'

/** A workshop file turned into what the store needs: the board as one Yjs update, and the facts beside it. */
export interface PreparedImport {
  method: string
  title: string
  settings: WorkshopFileSettings
  votes: Record<string, number>
  agendaAsRun: FileStepAsRun[]
  /**
   * The new board as Yjs updates of about half a MB each, in order
   * (workshops/doc/boardPieces.ts); the workshop factory stores them.
   */
  boardUpdates: Uint8Array[]
  records: number
}

/** Why a file cannot be imported: `status` 400 for a bad file, 413 for one over the limits. */
export class ImportRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The board's size against the server's limits, before anything is built
 * from it: a file over the record limit is refused on its length alone.
 */
function checkLimits(json: unknown, limits: DocLimits): Map<string, number> {
  const sizes = new Map<string, number>()
  const records = (json as { board?: { records?: unknown } } | null)?.board?.records
  if (!Array.isArray(records)) return sizes
  if (records.length > limits.maxRecords) {
    throw new ImportRefused(413, `the board has ${records.length} records; this server takes at most ${limits.maxRecords} (MAX_BOARD_RECORDS)`)
  }
  let total = 0
  for (let i = 0; i < records.length; i++) {
    const size = JSON.stringify(records[i])?.length ?? 0
    if (size > limits.maxRecordBytes) {
      const id = (records[i] as { id?: unknown })?.id
      throw new ImportRefused(413, `board.records[${i}]${typeof id === 'string' ? ` (${id})` : ''}: ${size} bytes; a record may have at most ${limits.maxRecordBytes} (MAX_RECORD_BYTES)`)
    }
    total += size
    const id = (records[i] as { id?: unknown })?.id
    if (typeof id === 'string') sizes.set(id, size)
  }
  if (total > limits.maxDocBytes) throw new ImportRefused(413, `the board is ${total} bytes; this server takes at most ${limits.maxDocBytes} (MAX_BOARD_BYTES)`)
  return sizes
}

/**
 * Reads a workshop file (its bytes, as uploaded) and builds the new board.
 * Linear in the file's size; runs in a worker thread (importWorker.ts) so a
 * big file does not hold up the rooms.
 */
export function prepareImport(body: Uint8Array, limits: DocLimits, media?: SrcRewrite): PreparedImport {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'))
  } catch (error) {
    throw new ImportRefused(400, `the body is not valid JSON: ${(error as Error).message}`)
  }
  const sizes = checkLimits(json, limits)
  let file
  try {
    file = parseWorkshopFile(json)
  } catch (error) {
    if (error instanceof WorkshopFileError) throw new ImportRefused(400, `cannot import the workshop file: ${error.message}`)
    throw error
  }
  json = null
  const records = media ? rewriteMediaSrcs(file.board.records, media) : file.board.records
  return {
    method: file.method,
    title: file.title,
    settings: file.settings,
    votes: file.votes,
    agendaAsRun: file.control?.agendaAsRun ?? [],
    boardUpdates: boardPieces(records, (r) => sizes.get(r.id) ?? 0),
    records: records.length,
  }
}
