import type * as Y from 'yjs'
import { appendRecords, readBoardRecords } from '../../workshops/doc/boardDoc'
import { CONTROL_CHANNEL } from '../../workshops/doc/wire'
import { isAnonymous, readSettings, readVoteResults } from '../../workshops/facilitation/control'
import type { Localized } from '../../workshops/lang'
import { planCarryOver, type CarriedChange, type CarryPlan, type CarrySource, type PlacedCard } from '../../workshops/programme/carryOver'
import type { CardRef } from '../../workshops/programme/provenance'
import type { DocLimits } from '../../workshops/rules/limits'
import { HttpError } from '../http/respond'
import type { Log } from '../log'
import type { MethodRegistry } from '../methods/loadMethods'
import type { DocStore } from '../store/docStore'
import type { ProgrammeStore } from '../store/programmeStore'
import type { WorkshopRow, WorkshopStore } from '../store/workshopStore'
import type { CarriedFrom, CarryAnswer } from '../../workshops/programme/api'
import { docName } from '../sync/channels'
import type { SyncServer } from '../sync/syncServer'

export interface CarryOverDeps {
  store: ProgrammeStore
  workshops: WorkshopStore
  docs: DocStore
  sync: SyncServer
  methods: MethodRegistry
  limits: DocLimits
  log: Log
}

/** Most carried cards whose newer source text one request may take over ("replace"). */
export const MAX_REPLACE = 1000

/**
 * The carry-over on the server: reads the earlier boards of the programme
 * (from the store, which holds every accepted edit) and their closed votes,
 * runs the pure planner (workshops/programme/carryOver.ts) on the live
 * board and writes its result as one server edit, stored and relayed to
 * everyone at once. Keeps which cards were given (ids only), so a card the
 * facilitator deleted here is not brought back.
 */
export class CarryOverService {
  constructor(private readonly deps: CarryOverDeps) {}

  /** The first time a workshop of a programme is opened: give it what it takes. Never stops the opening. */
  onOpened(workshop: WorkshopRow): void {
    const place = this.deps.store.placeOf(workshop.id)
    if (!place || place.carriedAt !== null) return
    try {
      this.carry(workshop)
    } catch (error) {
      this.deps.log.error({ workshopId: workshop.id, err: error }, 'could not carry over from the earlier workshops')
    }
  }

  carry(workshop: WorkshopRow, options: { replace?: readonly string[] } = {}): CarryAnswer {
    const { store, sync, methods, limits, log } = this.deps
    const place = store.placeOf(workshop.id)
    if (!place) throw new HttpError(409, 'this workshop is not part of a programme: there is nothing earlier to take over')
    const definition = methods.get(workshop.method)
    if (!definition) throw new HttpError(409, `the method "${workshop.method}" is not on this server`)
    const sources = store
      .places(place.programmeId)
      .filter((p) => p.workshopId !== workshop.id)
      .map((p) => this.source(p.workshopId))
      .filter((s): s is CarrySource => s !== null)
    const anonymous = isAnonymous(workshop.settings.anonymous === true, sync.withDoc(workshop.id, CONTROL_CHANNEL, readSettings))
    const carriedBefore = store.carriedInto(workshop.id)

    let plan: CarryPlan | undefined
    sync.editAsServer(workshop.id, 'board', (doc) => {
      const records = readBoardRecords(doc)
      plan = planCarryOver({
        target: { workshopId: workshop.id, definition, records },
        sources,
        carriedBefore,
        anonymous,
        replace: new Set(options.replace ?? []),
        maxNewRecords: Math.max(0, limits.maxRecords - records.length),
      })
      if (plan.records.length > 0) appendRecords(doc, plan.records)
    })
    const done = plan!
    store.addCarried(workshop.id, done.carriedKeys)
    store.markCarried(workshop.id)
    log.info(
      { workshopId: workshop.id, placed: done.placed.length, links: done.links, updated: done.updated.length, conflicts: done.conflicts.length, skipped: done.skipped },
      'carried over from the earlier workshops',
    )
    const from = (ref: CardRef): CarriedFrom => ({ workshopId: ref.workshop, method: ref.method, title: ref.title ?? methods.get(ref.method)?.title ?? null })
    const card = (p: PlacedCard) => ({ id: p.id, kind: p.kind, text: p.text, from: from(p.from) })
    return {
      placed: done.placed.length,
      links: done.links,
      cards: done.placed.map(card),
      updated: done.updated.map((c: CarriedChange) => ({ id: c.id, kind: c.kind, before: c.here, after: c.there, from: from(c.from) })),
      conflicts: done.conflicts.map((c) => ({ id: c.id, kind: c.kind, here: c.here, there: c.there, from: from(c.from) })),
      goneAtSource: done.goneAtSource.map(card),
      skipped: done.skipped,
      sources: sources.map((s) => ({ workshopId: s.workshopId, method: s.method, title: s.title ?? null })),
    }
  }

  /** An earlier workshop's board and closed votes, as stored. */
  private source(workshopId: string): CarrySource | null {
    const row = this.deps.workshops.get(workshopId)
    if (!row) return null
    return {
      workshopId,
      method: row.method,
      ...(this.deps.methods.get(row.method) ? { title: this.deps.methods.get(row.method)!.title } : {}),
      records: this.stored(workshopId, readBoardRecords),
      votes: Object.values(this.stored(docName(workshopId, CONTROL_CHANNEL), readVoteResults)),
    }
  }

  private stored<T>(doc: string, read: (ydoc: Y.Doc) => T): T {
    const { ydoc } = this.deps.docs.load(doc)
    try {
      return read(ydoc)
    } finally {
      ydoc.destroy()
    }
  }
}
