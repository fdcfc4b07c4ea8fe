import * as Y from 'yjs'
import { initBoardDoc } from '../../workshops/doc/boardDoc'
import { emptyBoardRecords } from '../../workshops/doc/initialRecords'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { placeTemplates } from '../../workshops/templates/placeTemplates'
import { hashKey, newKey, newWorkshopId } from '../auth/keys'
import { roleForKey, type Role } from '../auth/roles'
import { HttpError } from '../http/respond'
import type { MediaStore } from '../media/mediaStore'
import type { MethodRegistry } from '../methods/loadMethods'
import type { PersonaLibrary } from '../personas/personaLibrary'
import type { DocStore } from '../store/docStore'
import type { WorkshopRow, WorkshopSettings, WorkshopStore } from '../store/workshopStore'
import type { SyncServer } from '../sync/syncServer'

export const TITLE_MAX = 200

export interface CreatedWorkshop {
  id: string
  facilitatorKey: string
  participantKey: string
}

/** Creating, finding, authorising and deleting workshops: the rules the HTTP API applies. */
export class WorkshopService {
  constructor(
    private readonly workshops: WorkshopStore,
    private readonly docs: DocStore,
    private readonly methods: MethodRegistry,
    private readonly personas: PersonaLibrary,
    private readonly sync: SyncServer,
    private readonly media?: MediaStore,
  ) {}

  create(input: { method: string; title: string; settings?: WorkshopSettings }): CreatedWorkshop {
    const definition = this.methods.get(input.method)
    if (!definition) throw new HttpError(400, `unknown method "${input.method}"`)
    if (input.settings?.personaId && !this.personas.get(input.settings.personaId)) {
      throw new HttpError(400, `unknown persona "${input.settings.personaId}"`)
    }
    const id = newWorkshopId()
    const facilitatorKey = newKey()
    const participantKey = newKey()
    const doc = new Y.Doc()
    initBoardDoc(doc, this.initialRecords(definition, input.title, input.settings?.personaId))
    this.docs.create(id, doc)
    doc.destroy()
    this.workshops.insert({
      id,
      method: definition.id,
      title: input.title,
      createdAt: Date.now(),
      facilitatorKeyHash: hashKey(facilitatorKey),
      participantKeyHash: hashKey(participantKey),
      settings: input.settings ?? {},
    })
    return { id, facilitatorKey, participantKey }
  }

  /** An empty page with the method's templates and one frame per step, in Swedish (the product's first language). */
  private initialRecords(definition: WorkshopDefinition, title: string, personaId?: string) {
    const persona = (personaId && this.personas.get(personaId)) || this.personas.get('anna') || this.personas.list()[0]
    if (!persona) return emptyBoardRecords(title)
    return [...emptyBoardRecords(title), ...placeTemplates(definition, { persona, lang: 'sv' })]
  }

  /** The workshop and the role `key` grants in it: 404 when unknown, 403 for a wrong or missing key. */
  authorise(id: string, key: string | null, need?: Role): { workshop: WorkshopRow; role: Role } {
    const workshop = this.workshops.get(id)
    if (!workshop) throw new HttpError(404, 'unknown workshop')
    const role = key ? roleForKey(workshop, key) : null
    if (!role) throw new HttpError(403, 'a valid key for this workshop is required')
    if (need === 'facilitator' && role !== 'facilitator') throw new HttpError(403, 'the facilitator key is required')
    return { workshop, role }
  }

  definitionOf(workshop: WorkshopRow): WorkshopDefinition | undefined {
    return this.methods.get(workshop.method)
  }

  /** A new participant key; the old participant link stops working at once. */
  replaceParticipantKey(id: string): string {
    const key = newKey()
    this.workshops.setParticipantKeyHash(id, hashKey(key))
    this.sync.disconnectRole(id, 'participant')
    return key
  }

  /** Deletes the workshop, all its documents and its media files for good. */
  delete(id: string): void {
    this.sync.discardWorkshop(id)
    this.workshops.delete(id)
    this.docs.deleteAll(id)
    this.media?.deleteWorkshop(id)
  }
}

export function workshopLinks(baseUrl: string, created: CreatedWorkshop) {
  return {
    facilitatorUrl: `${baseUrl}/w/${created.id}#key=${created.facilitatorKey}`,
    participantUrl: `${baseUrl}/w/${created.id}#key=${created.participantKey}`,
  }
}
