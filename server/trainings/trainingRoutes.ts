import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { readBoard } from '../../workshops/chain/board'
import { buildExercises } from '../../workshops/chain/exercises'
import { buildTrainingPlan } from '../../workshops/chain/trainingPlan'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { recordsForExport } from '../../workshops/export/exportRecords'
import { DefinitionError } from '../../workshops/method/dataFile'
import { EmptyPlanError, exercisesFromCards, trainingFromPlan } from '../../workshops/training/fromTrainingPlan'
import { checkTraining } from '../../workshops/training/parseTraining'
import { sessionMethodId } from '../../workshops/training/sessionDefinition'
import type { RolePlayExercise, TrainingDefinition } from '../../workshops/training/types'
import { actorOf } from '../auth/organiserAuth'
import { parseBody } from '../http/parseBody'
import { HttpError, readJson, sendJson } from '../http/respond'
import type { ApiDeps, Route } from '../http/route'
import { TITLE_MAX, workshopLinks } from '../workshops/workshopService'
import { MADE_PREFIX } from './trainingCatalog'

/** The training whose exercises a WS5 plan plays when its programme has no WS7 cards. */
const BUILTIN_TRAINING = 'chefsutbildning'

const createBody = z.union([
  z.object({ training: z.string().min(1).max(64), title: z.string().trim().min(1).max(TITLE_MAX), anonymous: z.boolean().optional() }).strict(),
  z.object({ fromWorkshop: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), title: z.string().trim().min(1).max(TITLE_MAX), anonymous: z.boolean().optional() }).strict(),
])

/** What GET /api/trainings shows of a training: its agenda, never the role texts. */
function listed(t: TrainingDefinition) {
  return {
    id: t.id,
    title: t.title,
    goal: t.goal,
    sessions: t.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      minutes: s.blocks.reduce((sum, b) => sum + b.minutes, 0),
      evaluation: s.evaluation !== undefined,
      blocks: s.blocks.map((b) => ({ id: b.id, title: b.title, type: b.type, minutes: b.minutes, steps: b.steps.map((st) => ({ id: st.id, title: st.title, groups: st.groups ?? null })) })),
    })),
    exercises: t.exercises.map((e) => ({ id: e.id, title: e.title })),
  }
}

/** Trainings: the definitions, and a training's sessions made as workshops (from a definition or a WS5 board). */
export function trainingRoutes(deps: ApiDeps): Route[] {
  const { config, trainings, workshops, auth, access, audit, programmes, sync, baseUrl } = deps

  /** WS7's exercise cards in the same programme as the WS5 workshop, else the built-in training's exercises. */
  const exercisesNear = (workshopId: string): RolePlayExercise[] => {
    const place = programmes.summaryOf(workshopId)
    const ws7 = place ? programmes.workshopsOf(place.id).find((w) => w.method === 'ws7') : undefined
    if (ws7) {
      const cards = exercisesFromCards(buildExercises(readBoard(recordsForExport(sync.withDoc(ws7.id, 'board', readBoardRecords)))))
      if (cards.length > 0) return cards
    }
    return trainings.get(BUILTIN_TRAINING)?.exercises ?? []
  }

  const fromWorkshop = (req: Parameters<Route['handler']>[0], url: URL, workshopId: string, title: string): TrainingDefinition => {
    const { workshop } = auth.facilitatorOf(req, url, workshopId)
    if (workshop.method !== 'ws5') throw new HttpError(400, `fromWorkshop: a training is made from a WS5 workshop (Konkretisering av utbildningen), not "${workshop.method}"`)
    const plan = buildTrainingPlan(readBoard(recordsForExport(sync.withDoc(workshopId, 'board', readBoardRecords))))
    try {
      return checkTraining('(WS5 board)', trainingFromPlan(plan, { id: `${MADE_PREFIX}${randomBytes(8).toString('hex')}`, title, exercises: exercisesNear(workshopId) }))
    } catch (error) {
      if (error instanceof EmptyPlanError) throw new HttpError(400, `fromWorkshop: ${error.message}`)
      if (error instanceof DefinitionError) throw new HttpError(400, `fromWorkshop: the plan does not make a training: ${error.path}: ${error.problem}`)
      throw error
    }
  }

  return [
    {
      method: 'GET',
      pattern: /^\/api\/trainings$/,
      public: true,
      handler: (_req, res) => sendJson(res, 200, trainings.list().map(listed)),
    },
    {
      method: 'POST',
      pattern: /^\/api\/trainings$/,
      public: true,
      handler: async (req, res, url) => {
        const organiser = auth.requireOrganiser(req)
        const body = parseBody(createBody, await readJson(req, config.maxBodyBytes))
        const made = 'fromWorkshop' in body ? fromWorkshop(req, url, body.fromWorkshop, body.title) : null
        const asked = 'training' in body ? body.training : ''
        // A training made from WS5 is made again from its board, not created from its id.
        const training = made ?? (asked.startsWith(MADE_PREFIX) ? undefined : trainings.get(asked))
        if (!training) throw new HttpError(400, `training: unknown training "${asked}"; there are ${trainings.list().map((t) => t.id).join(', ')}`)
        const settings = { anonymous: body.anonymous ?? false }
        const sessions = deps.db.transaction(() => {
          if (made) trainings.addMade(made)
          return training.sessions.map((session) => {
            const created = workshops.create({ method: sessionMethodId(training.id, session.id), title: `${body.title} – ${session.title.sv}`.slice(0, TITLE_MAX), settings }, (id) => {
              if (made) trainings.linkMade(made.id, id)
            })
            return { session, created }
          })
        })()
        const actor = actorOf(organiser)
        const base = baseUrl(req)
        for (const { created, session } of sessions) {
          if (organiser.kind === 'session') access.addOrganiser(created.id, organiser.email, null)
          audit.record(created.id, 'created', actor, sessionMethodId(training.id, session.id))
        }
        sendJson(res, 201, {
          id: training.id,
          title: body.title,
          sessions: sessions.map(({ session, created }) => ({ id: created.id, session: session.id, title: session.title, ...workshopLinks(base, created) })),
        })
      },
    },
  ]
}
