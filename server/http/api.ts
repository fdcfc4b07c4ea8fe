import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Config } from '../config'
import type { MethodRegistry } from '../methods/loadMethods'
import { TITLE_MAX, workshopLinks, type WorkshopService } from '../workshops/workshopService'
import { HttpError, readJson, requestKey, sendJson } from './respond'

const createWorkshopBody = z.object({
  method: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(TITLE_MAX),
  anonymous: z.boolean().optional(),
  persona: z.string().max(64).optional(),
})

export interface ApiDeps {
  config: Config
  methods: MethodRegistry
  workshops: WorkshopService
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, params: string[]) => Promise<void> | void

interface Route {
  method: string
  pattern: RegExp
  handler: Handler
}

/** The HTTP API. Every route answers JSON; errors are `{"error": "…"}` with the fitting status. */
export function createApi(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const { config, methods, workshops } = deps

  const baseUrl = (req: IncomingMessage): string => {
    if (config.publicUrl) return config.publicUrl
    const proto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'
    return `${proto}://${req.headers.host ?? `localhost:${config.port}`}`
  }

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/healthz$/, handler: (_q, res) => sendJson(res, 200, { ok: true }) },
    {
      method: 'GET',
      pattern: /^\/api\/config$/,
      // Read at start-up, handed over at run time: the licence key is never baked into the build.
      handler: (_q, res) => sendJson(res, 200, { tldrawLicenseKey: config.tldrawLicenseKey }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/methods$/,
      handler: (_q, res) =>
        sendJson(
          res,
          200,
          methods.list().map((m) => ({ id: m.id, title: m.title, goal: m.goal, duration: m.duration })),
        ),
    },
    {
      method: 'GET',
      pattern: /^\/api\/personas$/,
      handler: (_q, res) => sendJson(res, 200, methods.personas()),
    },
    {
      method: 'POST',
      pattern: /^\/api\/workshops$/,
      handler: async (req, res) => {
        const parsed = createWorkshopBody.safeParse(await readJson(req, config.maxBodyBytes))
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw new HttpError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`)
        }
        const { method, title, anonymous, persona } = parsed.data
        const created = workshops.create({ method, title, settings: { anonymous: anonymous ?? false, personaId: persona } })
        sendJson(res, 201, { id: created.id, ...workshopLinks(baseUrl(req), created) })
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/workshops\/([A-Za-z0-9_-]+)$/,
      handler: (req, res, url, [id]) => {
        const { workshop, role } = workshops.authorise(id, requestKey(req, url))
        sendJson(res, 200, {
          id: workshop.id,
          title: workshop.title,
          method: workshop.method,
          createdAt: new Date(workshop.createdAt).toISOString(),
          anonymous: workshop.settings.anonymous ?? false,
          role,
          definition: workshops.definitionOf(workshop) ?? null,
        })
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/workshops\/([A-Za-z0-9_-]+)\/participant-link$/,
      handler: (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url), 'facilitator')
        const participantKey = workshops.replaceParticipantKey(id)
        sendJson(res, 200, { participantUrl: `${baseUrl(req)}/w/${id}#key=${participantKey}` })
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/workshops\/([A-Za-z0-9_-]+)$/,
      handler: (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url), 'facilitator')
        workshops.delete(id)
        res.writeHead(204).end()
      },
    },
  ]

  return async (req, res, url) => {
    const matching = routes.filter((r) => r.pattern.test(url.pathname))
    if (matching.length === 0) {
      if (url.pathname.startsWith('/api/')) throw new HttpError(404, 'no such API route')
      return false
    }
    const route = matching.find((r) => r.method === req.method)
    if (!route) throw new HttpError(405, `method ${req.method} not allowed here`)
    await route.handler(req, res, url, route.pattern.exec(url.pathname)!.slice(1))
    return true
  }
}
