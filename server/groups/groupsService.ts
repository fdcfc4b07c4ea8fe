import { randomBytes } from 'node:crypto'
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import { appendRecords, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { readAgenda } from '../../workshops/facilitation/control'
import { moveMember, placeOf, splitIntoGroups, MAX_PEOPLE, MAX_FIELD_VALUE, type Group, type GroupsState, type Person } from '../../workshops/groups/groups'
import { readGroups, writeGroups } from '../../workshops/groups/groupsDoc'
import type { Localized } from '../../workshops/lang'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { STEP_FRAME_SIZE } from '../../workshops/templates/grid'
import { frameOfStep } from '../../workshops/templates/placeTemplates'
import { frameShape, indexCounter, textShape } from '../../workshops/templates/shapes'
import type { Role } from '../../workshops/training/types'
import { HttpError } from '../http/respond'
import type { MethodRegistry } from '../methods/loadMethods'
import type { WorkshopRow } from '../store/workshopStore'
import type { SyncServer } from '../sync/syncServer'
import type { TrainingCatalog } from '../trainings/trainingCatalog'

const FRAME_GAP = 160
const COLUMNS = 4

export interface SplitRequest {
  size: number
  roles: boolean
  /** A join field (e.g. "organisation"): people with the same value are grouped together. */
  by?: string
  /** The step the groups work on; the agenda's current step when absent. */
  step?: string
}

export type GroupsAction =
  | { action: 'rotate' }
  | { action: 'end' }
  | { action: 'move'; userId: string; to: string }
  | { action: 'message'; text: string }

/** What one participant is told: their group, and in role-play their role and only that role's text. */
export interface MyPlace {
  group: Group | null
  role: Role | null
  exercise: { title: Localized; situation: Localized; instructions: Localized; questions: Localized[] } | null
}

interface Present {
  userId: string
  seat: string
  field?: string
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/**
 * Small groups and role-play in a live workshop. The groups go in the control
 * document (root `groups`, written here only): members by presence user id,
 * never a role's text. Each participant asks for their own place with the
 * seat the server gave their board connection (seats.ts), which nobody else
 * holds; the seats present at the split are bound to the user ids they
 * showed, so someone who copies another's user id into their presence does
 * not get that person's role.
 */
export class GroupsService {
  /** workshop → user id → the seats that spoke for that user at a split. */
  private readonly bound = new Map<string, Map<string, Set<string>>>()

  constructor(private readonly deps: { sync: SyncServer; methods: MethodRegistry; trainings: TrainingCatalog; random?: () => number }) {}

  /** Participants on the board now, one entry per user id (a person with two tabs is one). */
  present(workshopId: string, by?: string): Present[] {
    const byUser = new Map<string, Present>()
    const seats = new Map<string, Set<string>>()
    for (const conn of this.deps.sync.boardPresence(workshopId)) {
      if (conn.role !== 'participant') continue
      for (const state of conn.states) {
        if (!isObject(state) || !isObject(state.user)) continue
        const id = state.user.id
        if (typeof id !== 'string' || id.length === 0 || id.length > 64) continue
        const fields = isObject(state.joinFields) ? state.joinFields : {}
        const value = by && typeof fields[by] === 'string' ? (fields[by] as string).slice(0, MAX_FIELD_VALUE) : undefined
        if (!byUser.has(id)) byUser.set(id, { userId: id, seat: conn.seat, ...(value !== undefined ? { field: value } : {}) })
        seats.set(id, (seats.get(id) ?? new Set()).add(conn.seat))
      }
      if (byUser.size >= MAX_PEOPLE) break
    }
    return [...byUser.values()]
  }

  split(workshop: WorkshopRow, request: SplitRequest): GroupsState {
    const definition = this.deps.methods.get(workshop.method)
    const stepId = request.step ?? this.deps.sync.withDoc(workshop.id, 'control', readAgenda).stepId
    const step = definition?.steps.find((s) => s.id === stepId)
    if (request.step && !step) throw new HttpError(400, `step: no step "${request.step}" in this workshop`)
    const people = this.present(workshop.id, request.by)
    if (people.length === 0) throw new HttpError(409, 'nobody is on the board to split into groups')
    const persons: Person[] = people.map((p) => ({ id: p.userId, ...(p.field !== undefined ? { field: p.field } : {}) }))
    const split = splitIntoGroups(persons, request.size, { roles: request.roles, byField: request.by !== undefined, random: this.deps.random ?? Math.random })
    const splitId = randomBytes(6).toString('hex')
    const plenaryFrameId = step ? frameOfStep(definition, step.id) : null
    const groups: Group[] = split.map((members, i) => ({ id: `g${i + 1}`, members, frameId: createShapeId(`group-${splitId}-${i + 1}`) }))
    this.deps.sync.editAsServer(workshop.id, 'board', (doc) => appendRecords(doc, groupFrames(readBoardRecords(doc), groups, plenaryFrameId, definition, step?.id)))
    // A new split starts from the seats present now.
    this.bound.delete(workshop.id)
    this.bindSeats(workshop.id, groups)
    const state: GroupsState = { id: splitId, stepId: step?.id ?? null, roles: request.roles, round: 0, groups, message: null, endedAt: null, plenaryFrameId }
    this.write(workshop.id, state)
    return state
  }

  act(workshop: WorkshopRow, action: GroupsAction): GroupsState {
    const current = this.current(workshop.id)
    if (!current || current.endedAt !== null) throw new HttpError(409, 'there are no groups working now; split first')
    let next: GroupsState
    switch (action.action) {
      case 'rotate':
        if (!current.roles) throw new HttpError(409, 'these groups have no roles to swap')
        next = { ...current, round: current.round + 1 }
        break
      case 'end':
        next = { ...current, endedAt: Date.now() }
        this.bound.delete(workshop.id)
        break
      case 'message':
        next = { ...current, message: { text: action.text, at: Date.now() } }
        break
      case 'move': {
        if (!current.groups.some((g) => g.id === action.to)) throw new HttpError(400, `to: no group "${action.to}"`)
        const known = current.groups.some((g) => g.members.includes(action.userId))
        if (!known && !this.present(workshop.id).some((p) => p.userId === action.userId)) throw new HttpError(400, 'userId: nobody with that id is in a group or on the board')
        next = { ...current, groups: moveMember(current.groups, action.userId, action.to) }
        this.bindSeats(workshop.id, next.groups.filter((g) => g.id === action.to))
        break
      }
    }
    this.write(workshop.id, next)
    return next
  }

  current(workshopId: string): GroupsState | null {
    return this.deps.sync.withDoc(workshopId, 'control', readGroups)
  }

  /** The place of whoever holds `seat`; 403 for a seat that is not a live board connection of this workshop. */
  mine(workshop: WorkshopRow, seat: string): MyPlace {
    const nothing: MyPlace = { group: null, role: null, exercise: null }
    if (!this.deps.sync.isSeatOnline(workshop.id, seat)) throw new HttpError(403, 'seat: not a board connection of this workshop that is open now')
    const conn = this.deps.sync.boardPresence(workshop.id).find((c) => c.seat === seat)
    const user = conn?.states.map((s) => (isObject(s) && isObject(s.user) ? s.user.id : undefined)).find((id): id is string => typeof id === 'string')
    if (!user || !this.holds(workshop.id, user, seat)) return nothing
    const place = placeOf(this.current(workshop.id), user)
    if (!place) return nothing
    const state = this.current(workshop.id)!
    const exercise = place.role && state.stepId ? this.deps.trainings.exerciseFor(workshop.method, state.stepId) : undefined
    return {
      group: place.group,
      role: place.role,
      exercise: exercise && place.role ? { title: exercise.title, situation: exercise.situation, instructions: exercise.roles[place.role], questions: exercise.questions } : null,
    }
  }

  /** A workshop was deleted or unloaded for good: its bindings go. */
  forget(workshopId: string): void {
    this.bound.delete(workshopId)
  }

  /** Whether `seat` may speak for `user`: one of the seats bound at the split, or any when none of those is online (a new tab). */
  private holds(workshopId: string, user: string, seat: string): boolean {
    const seats = this.bound.get(workshopId)?.get(user)
    if (!seats || seats.has(seat)) {
      this.bindOne(workshopId, user, seat)
      return true
    }
    if ([...seats].some((s) => this.deps.sync.isSeatOnline(workshopId, s))) return false
    seats.add(seat)
    return true
  }

  private bindSeats(workshopId: string, groups: readonly Group[]): void {
    const members = new Set(groups.flatMap((g) => g.members))
    for (const conn of this.deps.sync.boardPresence(workshopId)) {
      if (conn.role !== 'participant') continue
      for (const s of conn.states) {
        const id = isObject(s) && isObject(s.user) ? s.user.id : undefined
        if (typeof id === 'string' && members.has(id)) this.bindOne(workshopId, id, conn.seat)
      }
    }
  }

  private bindOne(workshopId: string, user: string, seat: string): void {
    const byUser = this.bound.get(workshopId) ?? new Map<string, Set<string>>()
    this.bound.set(workshopId, byUser)
    byUser.set(user, (byUser.get(user) ?? new Set()).add(seat))
  }

  private write(workshopId: string, state: GroupsState): void {
    this.deps.sync.editAsServer(workshopId, 'control', (doc) => writeGroups(doc, state))
  }
}

/** One frame per group below the plenary frame (or the board's shapes), each with the step's question in it. */
function groupFrames(records: readonly TLRecord[], groups: readonly Group[], plenaryFrameId: string | null, definition: WorkshopDefinition | undefined, stepId: string | undefined): TLRecord[] {
  const onPage = records.filter((r): r is TLRecord & { x: number; y: number; index: string; props: { h?: number } } => r.typeName === 'shape' && (r as { parentId?: string }).parentId === BOARD_PAGE_ID)
  const top = onPage.reduce<string | undefined>((max, r) => (max === undefined || r.index > max ? r.index : max), undefined)
  const nextIndex = indexCounter(top)
  const plenary = onPage.find((r) => r.id === plenaryFrameId)
  const bottom = plenary ? plenary.y + (plenary.props.h ?? STEP_FRAME_SIZE.h) : onPage.reduce((max, r) => Math.max(max, r.y + (r.props.h ?? 0)), 0)
  const left = plenary ? plenary.x : 0
  const step = definition?.steps.find((s) => s.id === stepId)
  const { w, h } = STEP_FRAME_SIZE
  return groups.flatMap((group, i) => {
    const id = group.frameId as ReturnType<typeof createShapeId>
    const at = { x: left + (i % COLUMNS) * (w + FRAME_GAP), y: bottom + FRAME_GAP * 2 + Math.floor(i / COLUMNS) * (h + FRAME_GAP) }
    const name = `Grupp ${i + 1}${step ? `: ${step.title.sv}` : ''}`
    const frame = frameShape({ id, parentId: BOARD_PAGE_ID, index: nextIndex(), ...at, isLocked: false, meta: { group: group.id } }, { w, h, name })
    if (!step) return [frame]
    const question = textShape({ id: createShapeId(`group-${id.slice(6)}-question`), parentId: id, index: 'a1' as never, x: 24, y: 24, isLocked: true, meta: {} }, w - 48, step.instructions.sv, { size: 's' })
    return [frame, question]
  })
}
