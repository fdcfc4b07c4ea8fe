import type { WorkshopDefinition } from '../../workshops/method/types'
import { hashKey, newKey } from '../auth/keys'
import type { LinkSeal } from '../auth/linkSeal'
import { holderOfKey, type Role } from '../auth/roles'
import { HttpError } from '../http/respond'
import type { MediaStore } from '../media/mediaStore'
import type { MethodRegistry } from '../methods/loadMethods'
import { eraseForGood, type Db } from '../store/database'
import type { DocStore } from '../store/docStore'
import type { WorkshopAccessStore } from '../store/workshopAccessStore'
import type { WorkshopRow, WorkshopSettings, WorkshopStore } from '../store/workshopStore'
import type { SyncServer } from '../sync/syncServer'
import type { Alongside, CreatedWorkshop, WorkshopFactory } from './workshopFactory'

export { TITLE_MAX, type CreatedWorkshop } from './workshopFactory'

/** What WorkshopService keeps besides the workshop row: its organisers' access and its activity. */
export interface WorkshopKeeping {
  db: Db
  access: WorkshopAccessStore
  seal: LinkSeal
  /** Images and films; deleting a workshop deletes its files. */
  media?: MediaStore
  /** Makes every new workshop (workshopFactory.ts). */
  factory: WorkshopFactory
}

/** Creating, finding, authorising and deleting workshops: the rules the HTTP API applies. */
export class WorkshopService {
  private readonly deleted: Array<(ids: readonly string[]) => void> = []

  constructor(
    private readonly workshops: WorkshopStore,
    private readonly docs: DocStore,
    private readonly methods: MethodRegistry,
    private readonly sync: SyncServer,
    private readonly keeping: WorkshopKeeping,
  ) {}

  /** A new workshop of a method, through the one factory (programmes and imports use it too). */
  create(input: { method: string; title: string; settings?: WorkshopSettings }, alongside?: Alongside): CreatedWorkshop {
    return this.keeping.factory.fromMethod({ method: input.method, title: input.title, settings: input.settings ?? {} }, alongside)
  }

  /** Keeps the participant key sealed, so organisers can copy the link later (server/auth/linkSeal.ts). */
  rememberParticipantKey(id: string, key: string): void {
    this.keeping.factory.rememberParticipantKey(id, key)
  }

  /** The participant link's key as kept, or null (made before keys were kept, or the secret file was replaced). */
  participantKeyOf(id: string, sealed: string | null): string | null {
    return sealed ? this.keeping.seal.unseal(id, sealed) : null
  }

  /** Runs `hook` in the transaction that deletes workshops (what belongs to them elsewhere goes with them). */
  onDeleted(hook: (ids: readonly string[]) => void): void {
    this.deleted.push(hook)
  }

  /**
   * The workshop and the role `key` grants in it: 404 when unknown, 403 for a
   * wrong or missing key. `organiser` is set when the key is an organiser's
   * own facilitator key; `viaProgramme` when it is the workshop's
   * programme's key. Each use counts as activity (retention).
   */
  authorise(id: string, key: string | null, need?: Role): { workshop: WorkshopRow; role: Role; organiser: string | null; viaProgramme: boolean } {
    const workshop = this.find(id)
    const holder = key ? holderOfKey(workshop, key) : null
    if (!holder) throw new HttpError(403, 'a valid key for this workshop is required')
    if (need === 'facilitator' && holder.role !== 'facilitator') throw new HttpError(403, 'the facilitator key is required')
    this.keeping.access.touch(id)
    return { workshop, role: holder.role, organiser: holder.organiser, viaProgramme: holder.viaProgramme === true }
  }

  /** The workshop; 404 when unknown. */
  find(id: string): WorkshopRow {
    const workshop = this.workshops.get(id)
    if (!workshop) throw new HttpError(404, 'unknown workshop')
    return workshop
  }

  definitionOf(workshop: WorkshopRow): WorkshopDefinition | undefined {
    return this.methods.get(workshop.method)
  }

  /** A new participant key; the old participant link stops working at once. */
  replaceParticipantKey(id: string): string {
    const key = newKey()
    this.workshops.setParticipantKeyHash(id, hashKey(key))
    this.rememberParticipantKey(id, key)
    this.sync.disconnectRole(id, 'participant')
    return key
  }

  /**
   * A new shared facilitator link: the old one stops working at once (its
   * open sockets are closed, new ones get 4403, the API 403). Organisers'
   * own keys stay valid; they open the workshop from "Mina workshoppar".
   */
  replaceFacilitatorKey(id: string): string {
    const key = newKey()
    this.workshops.setFacilitatorKeyHash(id, hashKey(key))
    this.keeping.access.touch(id)
    this.sync.disconnectRole(id, 'facilitator')
    return key
  }

  /** A facilitator key for one organiser's session; it stops working when they sign out or are taken off the workshop. */
  issueOrganiserKey(id: string, sessionHash: string, email: string): string {
    const key = newKey()
    this.keeping.access.addOrganiserKey(hashKey(key), id, sessionHash, email)
    this.keeping.access.touch(id)
    return key
  }

  /** Deletes the workshop and all its documents for good (gone from the database file and its WAL). */
  delete(id: string): void {
    this.deleteMany([id])
  }

  /** The same for several workshops at once (retention), with one pass over the WAL. */
  deleteMany(ids: readonly string[]): void {
    if (ids.length === 0) return
    for (const id of ids) this.sync.discardWorkshop(id)
    eraseForGood(this.keeping.db, () => {
      for (const id of ids) {
        this.workshops.delete(id)
        this.docs.deleteAll(id)
      }
      for (const hook of this.deleted) hook(ids)
    })
    for (const id of ids) this.keeping.media?.deleteWorkshop(id)
  }
}

export function workshopLinks(baseUrl: string, created: CreatedWorkshop) {
  return {
    facilitatorUrl: `${baseUrl}/w/${created.id}#key=${created.facilitatorKey}`,
    participantUrl: `${baseUrl}/w/${created.id}#key=${created.participantKey}`,
  }
}
