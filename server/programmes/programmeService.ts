import { CONTROL_CHANNEL } from '../../workshops/doc/wire'
import type { WorkshopState } from '../../workshops/export/programmeReport'
import { readAgenda } from '../../workshops/facilitation/control'
import type { Localized } from '../../workshops/lang'
import { PROGRAMME_MAX_WORKSHOPS, programmeMethod } from '../../workshops/programme/programmeMethods'
import { hashKey, keyMatches, newKey, newWorkshopId } from '../auth/keys'
import type { LinkSeal } from '../auth/linkSeal'
import type { Role } from '../auth/roles'
import { HttpError } from '../http/respond'
import type { MethodRegistry } from '../methods/loadMethods'
import type { Db } from '../store/database'
import type { DocStore } from '../store/docStore'
import type { ProgrammeRow, ProgrammeStore } from '../store/programmeStore'
import type { WorkshopStore } from '../store/workshopStore'
import { docName } from '../sync/channels'
import { TITLE_MAX, type CreatedWorkshop } from '../workshops/workshopFactory'
import type { WorkshopService } from '../workshops/workshopService'

export interface NewProgramme {
  method: string
  title: string
  /** Definition ids in the order they are run; the method's own when absent. */
  workshops?: readonly string[]
  anonymous: boolean
  persona?: string
}

export interface CreatedProgramme {
  id: string
  facilitatorKey: string
  participantKey: string
  workshops: Array<CreatedWorkshop & { method: string }>
}

/** One workshop of a programme as its page lists it. */
export interface ProgrammeWorkshop {
  id: string
  method: string
  title: string
  methodTitle: Localized | null
  position: number
  state: WorkshopState
  /** Server ms the facilitator started its first step, and finished it; null when not. */
  startedAt: number | null
  finishedAt: number | null
}

export interface ProgrammeDeps {
  db: Db
  store: ProgrammeStore
  workshops: WorkshopService
  workshopStore: WorkshopStore
  methods: MethodRegistry
  docs: DocStore
  seal: LinkSeal
}

/**
 * Programmes: several workshops of the method run as one, with one title,
 * persona and anonymity, and a facilitator and a participant key of their
 * own that open every workshop in it (server/auth/roles.ts reads them as
 * each workshop's keys). Every workshop is made by the workshop factory.
 */
export class ProgrammeService {
  constructor(private readonly deps: ProgrammeDeps) {
    // A programme goes when its last workshop goes (deleted, or by retention), in the same transaction.
    deps.workshops.onDeleted(() => deps.store.deleteEmpty())
  }

  /** Makes the programme and its workshops in one transaction: all of them, or none. */
  create(input: NewProgramme): CreatedProgramme {
    const method = programmeMethod(input.method)
    if (!method) throw new HttpError(400, `unknown programme method "${input.method}"; there is kupo`)
    const list = input.workshops ?? method.workshops
    if (list.length === 0) throw new HttpError(400, 'workshops: choose at least one workshop')
    if (list.length > PROGRAMME_MAX_WORKSHOPS) throw new HttpError(400, `workshops: at most ${PROGRAMME_MAX_WORKSHOPS} in one programme`)
    list.forEach((id, i) => {
      if (!this.deps.methods.get(id)) throw new HttpError(400, `workshops[${i}]: unknown workshop "${id}"`)
      if (list.indexOf(id) !== i) throw new HttpError(400, `workshops[${i}]: "${id}" is listed twice`)
    })
    if (input.title.length > TITLE_MAX) throw new HttpError(400, `title: longer than ${TITLE_MAX} characters`)
    const settings = { anonymous: input.anonymous, ...(input.persona ? { personaId: input.persona } : {}) }
    const id = newWorkshopId()
    const facilitatorKey = newKey()
    const participantKey = newKey()
    const workshops: CreatedProgramme['workshops'] = []
    this.deps.db.transaction(() => {
      this.deps.store.insert({
        id,
        method: method.id,
        title: input.title,
        createdAt: Date.now(),
        facilitatorKeyHash: hashKey(facilitatorKey),
        participantKeyHash: hashKey(participantKey),
        participantKeySealed: this.deps.seal.seal(id, participantKey),
        settings,
      })
      list.forEach((methodId, position) => {
        const title = workshopTitle(input.title, methodId, this.deps.methods.get(methodId)!.title.sv)
        const created = this.deps.workshops.create({ method: methodId, title, settings }, (workshopId) => this.deps.store.addWorkshop(id, workshopId, position))
        workshops.push({ ...created, method: methodId })
      })
    })()
    return { id, facilitatorKey, participantKey, workshops }
  }

  /** The programme; 404 when unknown. */
  find(id: string): ProgrammeRow {
    const programme = this.deps.store.get(id)
    if (!programme) throw new HttpError(404, 'unknown programme')
    return programme
  }

  /** The role a programme key grants: 404 unknown, 403 for a wrong or missing key (or a participant key where the facilitator's is needed). */
  authorise(id: string, key: string | null, need?: Role): { programme: ProgrammeRow; role: Role } {
    const programme = this.find(id)
    const role: Role | null = !key ? null : keyMatches(key, programme.facilitatorKeyHash) ? 'facilitator' : keyMatches(key, programme.participantKeyHash) ? 'participant' : null
    if (!role) throw new HttpError(403, 'a valid key for this programme is required')
    if (need === 'facilitator' && role !== 'facilitator') throw new HttpError(403, 'the programme\'s facilitator key is required')
    return { programme, role }
  }

  isOrganiser(programmeId: string, email: string): boolean {
    return this.deps.store.isOrganiser(programmeId, email)
  }

  addOrganiser(programmeId: string, email: string): void {
    this.deps.store.addOrganiser(programmeId, email)
  }

  participantKeyOf(programme: ProgrammeRow): string | null {
    return programme.participantKeySealed ? this.deps.seal.unseal(programme.id, programme.participantKeySealed) : null
  }

  /** The programme's workshops in order, each with its state as its agenda says. */
  workshopsOf(programmeId: string): ProgrammeWorkshop[] {
    const out: ProgrammeWorkshop[] = []
    for (const place of this.deps.store.places(programmeId)) {
      const workshop = this.deps.workshopStore.get(place.workshopId)
      if (!workshop) continue
      const { ydoc } = this.deps.docs.load(docName(workshop.id, CONTROL_CHANNEL))
      try {
        const agenda = readAgenda(ydoc)
        const startedAt = agenda.log.length > 0 ? Math.min(...agenda.log.map((s) => s.startedAt)) : null
        out.push({
          id: workshop.id,
          method: workshop.method,
          title: workshop.title,
          methodTitle: this.deps.methods.get(workshop.method)?.title ?? null,
          position: place.position,
          state: agenda.finishedAt !== null ? 'done' : startedAt !== null ? 'running' : 'not-started',
          startedAt,
          finishedAt: agenda.finishedAt,
        })
      } finally {
        ydoc.destroy()
      }
    }
    return out
  }

  /** Programmes for "Mina workshoppar": the organiser's, or every one for ADMIN_TOKEN. */
  list(email: string | null): ProgrammeRow[] {
    return email === null ? this.deps.store.listAll() : this.deps.store.listOf(email)
  }

  /** The programme a workshop belongs to, for its page: id, title and where it sits. */
  summaryOf(workshopId: string): { id: string; title: string; position: number; count: number } | null {
    const place = this.deps.store.placeOf(workshopId)
    if (!place) return null
    const programme = this.deps.store.get(place.programmeId)
    if (!programme) return null
    return { id: programme.id, title: programme.title, position: place.position, count: this.deps.store.places(programme.id).length }
  }

  /** Deletes every workshop of the programme for good, and with the last of them the programme. */
  delete(programmeId: string): void {
    this.deps.workshops.deleteMany(this.deps.store.places(programmeId).map((p) => p.workshopId))
    this.deps.store.deleteEmpty()
  }
}

/** "KUPO Värmland 2027 · WS2 Insikter och utmaningar", within the title limit. */
export function workshopTitle(programmeTitle: string, methodId: string, methodTitle: string): string {
  const suffix = ` · ${methodId.toUpperCase()} ${methodTitle}`
  const room = Math.max(1, TITLE_MAX - suffix.length)
  return `${programmeTitle.slice(0, room).trimEnd()}${suffix}`.slice(0, TITLE_MAX)
}
