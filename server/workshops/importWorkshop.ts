import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { initBoardDoc } from '../../workshops/doc/boardDoc'
import { parseWorkshopFile, WorkshopFileError } from '../../workshops/export/workshopFile'
import { hashKey, newKey, newWorkshopId } from '../auth/keys'
import type { ImportedFactsStore } from '../export/importedFacts'
import { HttpError } from '../http/respond'
import type { MethodRegistry } from '../methods/loadMethods'
import type { Db } from '../store/database'
import type { DocStore } from '../store/docStore'
import type { WorkshopSettings, WorkshopStore } from '../store/workshopStore'
import { TITLE_MAX, type CreatedWorkshop } from './workshopService'

export interface ImportOptions {
  /** The new workshop's id, when its media were stored under it before the import. */
  id?: string
  /** Changes the board's records before they are stored (media paths pointed at the new workshop). */
  rewriteRecords?: (records: TLRecord[]) => TLRecord[]
}

/**
 * Creates a new workshop from a workshop file, as WorkshopService.create
 * does from a method: new id, new keys, the file's board, settings, votes and
 * agenda. Everything is checked before anything is written, and the writes
 * are one transaction: a bad file creates nothing.
 */
export class WorkshopImporter {
  constructor(
    private readonly db: Db,
    private readonly workshops: WorkshopStore,
    private readonly docs: DocStore,
    private readonly methods: MethodRegistry,
    private readonly imported: ImportedFactsStore,
  ) {}

  import(input: unknown, options: ImportOptions = {}): CreatedWorkshop {
    let file
    try {
      file = parseWorkshopFile(input)
    } catch (error) {
      if (error instanceof WorkshopFileError) throw new HttpError(400, `cannot import the workshop file: ${error.message}`)
      throw error
    }
    const definition = this.methods.get(file.method)
    if (!definition) {
      throw new HttpError(400, `cannot import the workshop file: its method "${file.method}" is not on this server (add its definition file first)`)
    }
    if (file.title.length > TITLE_MAX) throw new HttpError(400, `cannot import the workshop file: title longer than ${TITLE_MAX} characters`)

    const id = options.id ?? newWorkshopId()
    const facilitatorKey = newKey()
    const participantKey = newKey()
    const doc = new Y.Doc()
    try {
      initBoardDoc(doc, options.rewriteRecords ? options.rewriteRecords(file.board.records) : file.board.records)
      this.db.transaction(() => {
        this.docs.create(id, doc)
        this.workshops.insert({
          id,
          method: definition.id,
          title: file.title,
          createdAt: Date.now(),
          facilitatorKeyHash: hashKey(facilitatorKey),
          participantKeyHash: hashKey(participantKey),
          settings: file.settings as WorkshopSettings,
        })
        this.imported.put(id, { votes: file.votes, agendaAsRun: file.control?.agendaAsRun ?? [] })
      })()
    } finally {
      doc.destroy()
    }
    return { id, facilitatorKey, participantKey }
  }
}
