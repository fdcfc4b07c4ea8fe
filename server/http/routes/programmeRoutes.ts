import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { isLang, type Lang } from '../../../workshops/lang'
import { PROGRAMME_MAX_WORKSHOPS } from '../../../workshops/programme/programmeMethods'
import { buildTrace } from '../../../workshops/programme/trace'
import { readBoardRecords } from '../../../workshops/doc/boardDoc'
import { recordsForExport } from '../../../workshops/export/exportRecords'
import { actorOf } from '../../auth/organiserAuth'
import type { Role } from '../../auth/roles'
import { isProgrammeExport, PROGRAMME_EXPORTS } from '../../programmes/programmeExports'
import type { ProgrammeWorkshop } from '../../programmes/programmeService'
import { MAX_REPLACE } from '../../programmes/carryOverService'
import type { Actor } from '../../store/auditStore'
import type { ProgrammeRow } from '../../store/programmeStore'
import { TITLE_MAX, workshopLinks } from '../../workshops/workshopService'
import { HttpError, readBody, readJson, requestKey, sendDownload, sendJson } from '../respond'
import { ID, type ApiDeps, type Route } from '../route'

const createProgrammeBody = z.object({
  method: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(TITLE_MAX),
  workshops: z.array(z.string().min(1).max(64)).min(1).max(PROGRAMME_MAX_WORKSHOPS).optional(),
  anonymous: z.boolean().optional(),
  persona: z.string().max(64).optional(),
})

const carryOverBody = z.object({
  /** Carried cards here whose newer text at the source replaces what was written here. */
  replace: z.array(z.string().min(1).max(100)).max(MAX_REPLACE).optional(),
})

/** Card ids as the board stores them; anything else finds no path. */
const CARD_ID = /^shape:[A-Za-z0-9_-]{1,64}$/
/** Paths the outline shows for one card. */
const MAX_CARD_PATHS = 100

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

function langOf(url: URL): Lang {
  const value = url.searchParams.get('lang')
  if (value === null || value === '') return 'sv'
  if (!isLang(value)) throw new HttpError(400, 'lang must be "sv" or "en"')
  return value
}

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new HttpError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`)
}

/**
 * Programmes (several workshops run as one), the carry-over into a workshop
 * of a programme, the path of a card, and the programme's exports.
 */
export function programmeRoutes(deps: ApiDeps): Route[] {
  const { config, programmes, programmeExporter, carryOver, workshops, auth, access, audit, baseUrl } = deps

  const programmeLinks = (base: string, id: string, keys: { facilitatorKey: string; participantKey: string }) => ({
    facilitatorUrl: `${base}/p/${id}#key=${keys.facilitatorKey}`,
    participantUrl: `${base}/p/${id}#key=${keys.participantKey}`,
  })

  /**
   * Who asks about a programme: a programme key (its role), else an
   * organiser of it (a facilitator). 403 otherwise; 404 for an unknown one.
   */
  const viewer = (req: IncomingMessage, url: URL, id: string, need?: Role): { programme: ProgrammeRow; role: Role; actor: Actor; organiser: boolean } => {
    const key = requestKey(req, url)
    if (key && !auth.isAdminToken(req)) {
      const { programme, role } = programmes.authorise(id, key, need)
      return { programme, role, actor: role === 'facilitator' ? { kind: 'facilitator-link' } : { kind: 'participant-link' }, organiser: false }
    }
    const organiser = auth.organiserOf(req)
    if (!organiser) throw new HttpError(403, need === 'facilitator' ? 'the programme\'s facilitator key is required' : 'a valid key for this programme is required')
    const programme = programmes.find(id)
    if (organiser.kind === 'session' && !programmes.isOrganiser(id, organiser.email)) throw new HttpError(403, 'you are not an organiser of this programme')
    return { programme, role: 'facilitator', actor: actorOf(organiser), organiser: true }
  }

  const listedWorkshop = (w: ProgrammeWorkshop) => ({
    id: w.id,
    method: w.method,
    title: w.title,
    methodTitle: w.methodTitle,
    position: w.position,
    state: w.state,
    startedAt: iso(w.startedAt),
    finishedAt: iso(w.finishedAt),
  })

  return [
    {
      method: 'POST',
      pattern: /^\/api\/programmes$/,
      public: true,
      handler: async (req, res) => {
        const organiser = auth.requireOrganiser(req)
        const body = parsed(createProgrammeBody, await readJson(req, config.maxBodyBytes))
        const created = programmes.create({ method: body.method, title: body.title, workshops: body.workshops, anonymous: body.anonymous ?? false, persona: body.persona })
        const actor = actorOf(organiser)
        if (organiser.kind === 'session') programmes.addOrganiser(created.id, organiser.email)
        for (const w of created.workshops) {
          if (organiser.kind === 'session') access.addOrganiser(w.id, organiser.email, null)
          audit.record(w.id, 'created', actor, w.method)
        }
        const base = baseUrl(req)
        sendJson(res, 201, {
          id: created.id,
          ...programmeLinks(base, created.id, created),
          workshops: created.workshops.map((w) => ({ id: w.id, method: w.method, ...workshopLinks(base, w) })),
        })
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/programmes$/,
      public: true,
      handler: (req, res) => {
        const organiser = auth.requireOrganiser(req)
        const base = baseUrl(req)
        sendJson(
          res,
          200,
          programmes.list(organiser.kind === 'session' ? organiser.email : null).map((p) => {
            const participantKey = programmes.participantKeyOf(p)
            return {
              id: p.id,
              title: p.title,
              method: p.method,
              createdAt: iso(p.createdAt),
              participantUrl: participantKey ? `${base}/p/${p.id}#key=${participantKey}` : null,
              workshops: programmes.workshopsOf(p.id).map(listedWorkshop),
            }
          }),
        )
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/programmes/${ID}$`),
      handler: (req, res, url, [id]) => {
        const { programme, role, organiser } = viewer(req, url, id)
        sendJson(res, 200, {
          id: programme.id,
          title: programme.title,
          method: programme.method,
          createdAt: iso(programme.createdAt),
          anonymous: programme.settings.anonymous ?? false,
          role,
          organiser,
          workshops: programmes.workshopsOf(programme.id).map(listedWorkshop),
        })
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/api/programmes/${ID}$`),
      handler: (req, res, url, [id]) => {
        const { actor } = viewer(req, url, id, 'facilitator')
        const ids = programmes.workshopsOf(id).map((w) => w.id)
        programmes.delete(id)
        for (const workshopId of ids) audit.record(workshopId, 'deleted', actor, 'programme')
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/programmes/${ID}/export/([^/]+)$`),
      handler: async (req, res, url, [id, format]) => {
        const { programme, actor } = viewer(req, url, id, 'facilitator')
        if (!isProgrammeExport(format)) throw new HttpError(404, `no export "${format}"; there are ${Object.keys(PROGRAMME_EXPORTS).join(', ')}`)
        const file = await programmeExporter.export(programme, format, langOf(url))
        for (const w of programmes.workshopsOf(id)) audit.record(w.id, 'exported', actor, `programme ${format}`)
        sendDownload(res, file)
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/carry-over$`),
      handler: async (req, res, url, [id]) => {
        const { workshop } = auth.facilitatorOf(req, url, id)
        // An empty body is "carry over", with nothing to replace.
        const text = (await readBody(req, config.maxBodyBytes)).toString('utf8').trim()
        let raw: unknown = {}
        try {
          if (text !== '') raw = JSON.parse(text)
        } catch (error) {
          throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`)
        }
        const body = parsed(carryOverBody, raw)
        sendJson(res, 200, carryOver.carry(workshop, { replace: body.replace }))
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/workshops/${ID}/paths$`),
      handler: (req, res, url, [id]) => {
        const { workshop } = workshops.authorise(id, requestKey(req, url))
        // Any key of the workshop may ask, and each answer reads every board of the programme: counted like keyless requests.
        if (!auth.isAdminToken(req)) deps.limits.publicRequest(req)
        const cardId = url.searchParams.get('card') ?? ''
        if (!CARD_ID.test(cardId)) throw new HttpError(400, 'card: expected a card id like shape:…')
        const place = programmes.summaryOf(id)
        const through = { workshopId: id, cardId }
        const trace = place
          ? programmeExporter.trace(place.id, through, MAX_CARD_PATHS)
          : buildTrace(
              [{ workshopId: id, method: workshop.method, ...(deps.methods.get(workshop.method) ? { methodTitle: deps.methods.get(workshop.method)!.title } : {}), records: recordsForExport(deps.sync.withDoc(id, 'board', readBoardRecords)) }],
              { through, maxRows: MAX_CARD_PATHS },
            )
        sendJson(res, 200, {
          truncated: trace.truncated,
          paths: trace.rows.map((row) => ({
            flag: row.flag,
            cards: row.cells.map((c) => ({ kind: c.kind, text: c.text, workshopId: c.workshopId, method: c.method, methodTitle: c.methodTitle ?? null, card: c.card })),
          })),
        })
      },
    },
  ]
}
