import fs from 'node:fs'
import path from 'node:path'
import { CardCatalog } from '../../workshops/cards/catalog'
import type { CardKindDeclaration } from '../../workshops/cards/kindDeclaration'
import { DefinitionError } from '../../workshops/method/dataFile'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { checkTraining, parseTraining } from '../../workshops/training/parseTraining'
import { exerciseOfStep, parseSessionMethodId, sessionDefinition } from '../../workshops/training/sessionDefinition'
import type { RolePlayExercise, TrainingDefinition } from '../../workshops/training/types'
import { displayPath, type MethodRegistry } from '../methods/loadMethods'
import type { TrainingStore } from './trainingStore'

/** Trainings made from WS5 boards have ids like this; files may not use the prefix. */
export const MADE_PREFIX = 'ws5-'

/**
 * Every training: the built-in files (workshops/trainings), the employer's
 * own (WORKSHOPS_DIR/trainings), read and checked once at start-up, and the
 * ones made from WS5 boards (in the store). Each session's workshop
 * definition is made once and kept.
 */
export class TrainingCatalog {
  private readonly files: TrainingDefinition[]
  private readonly byId = new Map<string, TrainingDefinition>()
  private readonly sessions = new Map<string, WorkshopDefinition>()
  private store: TrainingStore | null = null

  constructor(opts: { builtinDir: string; extraDir?: string; cardKinds: readonly CardKindDeclaration[] }) {
    const kinds = new CardCatalog([...opts.cardKinds])
    const definedBy = new Map<string, string>()
    this.files = []
    for (const dir of [opts.builtinDir, ...(opts.extraDir ? [opts.extraDir] : [])]) {
      if (!fs.existsSync(dir)) continue
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()) {
        const file = path.join(dir, name)
        const shown = displayPath(file)
        const training = parseTraining(shown, fs.readFileSync(file, 'utf8'), kinds)
        if (definedBy.has(training.id)) throw new DefinitionError(shown, 'id', `"${training.id}" is already defined by ${definedBy.get(training.id)}`)
        if (training.id.startsWith(MADE_PREFIX)) throw new DefinitionError(shown, 'id', `ids starting with "${MADE_PREFIX}" are kept for trainings made from WS5`)
        definedBy.set(training.id, shown)
        this.files.push(training)
        this.byId.set(training.id, training)
      }
    }
  }

  /** Trainings made from WS5 are kept in the store (opened after the method files are read). */
  useStore(store: TrainingStore): void {
    this.store = store
  }

  /** The trainings defined by files, built-in first. */
  list(): TrainingDefinition[] {
    return [...this.files]
  }

  get(id: string): TrainingDefinition | undefined {
    const known = this.byId.get(id)
    if (known || !id.startsWith(MADE_PREFIX) || !this.store) return known
    const stored = this.store.get(id)
    if (stored === undefined) return undefined
    const training = checkTraining(`(training ${id})`, stored)
    this.byId.set(id, training)
    return training
  }

  /** Stores a training made from WS5 (checked by the caller) with the workshops of its sessions. */
  addMade(training: TrainingDefinition): void {
    if (!this.store) throw new Error('no store for trainings')
    this.store.insert(training.id, training)
    this.byId.set(training.id, training)
  }

  linkMade(trainingId: string, workshopId: string): void {
    this.store?.link(trainingId, workshopId)
  }

  /** After workshops are deleted: a made training none of whose sessions is left goes too. */
  forgetUnused(): void {
    if (!this.store) return
    this.store.deleteUnused()
    for (const id of [...this.byId.keys()]) if (id.startsWith(MADE_PREFIX)) this.byId.delete(id)
    for (const id of [...this.sessions.keys()]) if (id.startsWith(MADE_PREFIX)) this.sessions.delete(id)
  }

  /** The workshop definition of a session, by its method id ("chefsutbildning--tillfalle-1"). */
  sessionDefinition(methodId: string): WorkshopDefinition | undefined {
    const cached = this.sessions.get(methodId)
    if (cached) return cached
    const ids = parseSessionMethodId(methodId)
    const training = ids && this.get(ids.trainingId)
    const session = training?.sessions.find((s) => s.id === ids!.sessionId)
    if (!training || !session) return undefined
    const definition = sessionDefinition(training, session)
    this.sessions.set(methodId, definition)
    return definition
  }

  /** The exercise a role-play step of a session's workshop plays. */
  exerciseFor(methodId: string, stepId: string): RolePlayExercise | undefined {
    const ids = parseSessionMethodId(methodId)
    const training = ids && this.get(ids.trainingId)
    return training ? exerciseOfStep(training, ids!.sessionId, stepId) : undefined
  }
}

/** The method registry with every training's sessions as workshop definitions (not listed among the methods). */
export function withTrainingSessions(methods: MethodRegistry, trainings: TrainingCatalog): MethodRegistry {
  return { ...methods, get: (id) => methods.get(id) ?? trainings.sessionDefinition(id) }
}
