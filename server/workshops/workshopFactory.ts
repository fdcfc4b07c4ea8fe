import { boardPieces } from '../../workshops/doc/boardPieces'
import { emptyBoardRecords } from '../../workshops/doc/initialRecords'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { placeTemplates } from '../../workshops/templates/placeTemplates'
import { hashKey, newKey, newWorkshopId } from '../auth/keys'
import type { LinkSeal } from '../auth/linkSeal'
import { HttpError } from '../http/respond'
import type { MethodRegistry } from '../methods/loadMethods'
import type { PersonaLibrary } from '../personas/personaLibrary'
import type { Db } from '../store/database'
import type { DocStore } from '../store/docStore'
import type { WorkshopAccessStore } from '../store/workshopAccessStore'
import type { WorkshopSettings, WorkshopStore } from '../store/workshopStore'

export const TITLE_MAX = 200

export interface CreatedWorkshop {
  id: string
  facilitatorKey: string
  participantKey: string
}

/** What a new workshop is: its method, title and settings. */
export interface NewWorkshop {
  method: string
  title: string
  settings: WorkshopSettings
}

export interface FactoryDeps {
  db: Db
  workshops: WorkshopStore
  docs: DocStore
  methods: MethodRegistry
  personas: PersonaLibrary
  access: WorkshopAccessStore
  seal: LinkSeal
}

/** Writes what belongs with a new workshop (imported facts, its place in a programme) in the transaction that makes it. */
export type Alongside = (workshopId: string) => void

const yieldToRooms = () => new Promise<void>((ok) => setImmediate(ok))

/**
 * The one place workshops are made: from the start page, from a programme
 * and from an imported file alike. Each gets a new id and keys (stored as
 * hashes; the participant key also sealed, for "Mina workshoppar"), its
 * board (workshops/doc/boardPieces.ts) and its row; the row comes last, so
 * nothing can open a half-made workshop.
 */
export class WorkshopFactory {
  private readonly startStmt
  private readonly doneStmt

  constructor(private readonly deps: FactoryDeps) {
    const { db } = deps
    this.startStmt = db.prepare('INSERT INTO imports_in_progress (workshop_id, started_at) VALUES (?, ?)')
    this.doneStmt = db.prepare('DELETE FROM imports_in_progress WHERE workshop_id = ?')
    // A board the server did not finish storing (it stopped half-way) is pieces nobody can open: drop them.
    for (const { workshop_id } of db.prepare<[], { workshop_id: string }>('SELECT workshop_id FROM imports_in_progress').all()) this.forget(workshop_id)
  }

  /** The method's definition; 400 for an unknown method, persona, or a title that is too long. */
  definitionOf(input: NewWorkshop, what = 'workshop'): WorkshopDefinition {
    const definition = this.deps.methods.get(input.method)
    if (!definition) throw new HttpError(400, `unknown method "${input.method}"`)
    if (input.title.length > TITLE_MAX) throw new HttpError(400, `the ${what}'s title is longer than ${TITLE_MAX} characters`)
    if (input.settings.personaId && !this.deps.personas.get(input.settings.personaId)) {
      throw new HttpError(400, `unknown persona "${input.settings.personaId}"`)
    }
    return definition
  }

  /**
   * A new workshop of a method: an empty page with the method's templates
   * and one frame per step, in Swedish (the product's first language), made
   * in one transaction with whatever `alongside` writes.
   */
  fromMethod(input: NewWorkshop, alongside?: Alongside): CreatedWorkshop {
    const definition = this.definitionOf(input)
    const [board, ...rest] = boardPieces(this.methodRecords(definition, input.title, input.settings.personaId))
    const created = this.newIdentity()
    this.deps.db.transaction(() => {
      this.deps.docs.createFromUpdate(created.id, board)
      for (const piece of rest) this.deps.docs.append(created.id, piece)
      this.insertRow(created, definition.id, input)
      alongside?.(created.id)
    })()
    return created
  }

  /**
   * A new workshop from a board already built (an import, in a worker):
   * stored piece by piece with the rooms running between them, the row and
   * `alongside` last, in one transaction. A failure leaves nothing behind.
   */
  async fromPieces(input: NewWorkshop, pieces: readonly Uint8Array[], alongside?: Alongside, options: { id?: string } = {}): Promise<CreatedWorkshop> {
    const definition = this.deps.methods.get(input.method)
    if (!definition) throw new HttpError(400, `unknown method "${input.method}"`)
    if (input.title.length > TITLE_MAX) throw new HttpError(400, `title longer than ${TITLE_MAX} characters`)
    // `id`: chosen by the caller when something was stored under it first (an import's media files).
    const created = { ...this.newIdentity(), ...(options.id ? { id: options.id } : {}) }
    this.startStmt.run(created.id, Date.now())
    try {
      const [first, ...rest] = pieces
      this.deps.docs.createFromUpdate(created.id, first)
      for (const piece of rest) {
        await yieldToRooms()
        this.deps.docs.append(created.id, piece)
      }
      this.deps.db.transaction(() => {
        this.doneStmt.run(created.id)
        this.insertRow(created, definition.id, input)
        alongside?.(created.id)
      })()
    } catch (error) {
      this.forget(created.id)
      throw error
    }
    return created
  }

  /** Keeps the participant key sealed, so organisers can copy the link later (server/auth/linkSeal.ts). */
  rememberParticipantKey(id: string, key: string): void {
    this.deps.access.setSealedParticipantKey(id, this.deps.seal.seal(id, key))
    this.deps.access.touch(id)
  }

  private methodRecords(definition: WorkshopDefinition, title: string, personaId?: string) {
    const { personas } = this.deps
    const persona = (personaId && personas.get(personaId)) || personas.get('anna') || personas.list()[0]
    if (!persona) return emptyBoardRecords(title)
    return [...emptyBoardRecords(title), ...placeTemplates(definition, { persona, lang: 'sv' })]
  }

  private newIdentity(): CreatedWorkshop {
    return { id: newWorkshopId(), facilitatorKey: newKey(), participantKey: newKey() }
  }

  private insertRow(created: CreatedWorkshop, method: string, input: NewWorkshop): void {
    this.deps.workshops.insert({
      id: created.id,
      method,
      title: input.title,
      createdAt: Date.now(),
      facilitatorKeyHash: hashKey(created.facilitatorKey),
      participantKeyHash: hashKey(created.participantKey),
      settings: input.settings,
    })
    this.rememberParticipantKey(created.id, created.participantKey)
  }

  private forget(id: string): void {
    this.deps.db.transaction(() => {
      this.deps.docs.deleteAll(id)
      this.doneStmt.run(id)
    })()
  }
}
