import { z } from 'zod'
import { TITLE_MAX, workshopLinks } from '../../workshops/workshopService'
import { HttpError, readJson, requestKey, sendJson } from '../respond'
import { ID, type ApiDeps, type Route } from '../route'

const createWorkshopBody = z.object({
  method: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(TITLE_MAX),
  anonymous: z.boolean().optional(),
  persona: z.string().max(64).optional(),
})

export function workshopRoutes({ config, workshops, baseUrl }: ApiDeps): Route[] {
  return [
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
      pattern: new RegExp(`^/api/workshops/${ID}$`),
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
      pattern: new RegExp(`^/api/workshops/${ID}/participant-link$`),
      handler: (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url), 'facilitator')
        const participantKey = workshops.replaceParticipantKey(id)
        sendJson(res, 200, { participantUrl: `${baseUrl(req)}/w/${id}#key=${participantKey}` })
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/api/workshops/${ID}$`),
      handler: (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url), 'facilitator')
        workshops.delete(id)
        res.writeHead(204).end()
      },
    },
  ]
}
