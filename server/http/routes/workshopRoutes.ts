import { z } from 'zod'
import { actorOf } from '../../auth/organiserAuth'
import { TITLE_MAX, workshopLinks } from '../../workshops/workshopService'
import { HttpError, readJson, requestKey, sendJson } from '../respond'
import { ID, type ApiDeps, type Route } from '../route'
import { OPENED_COALESCE_MS } from './organiserRoutes'

const createWorkshopBody = z.object({
  method: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(TITLE_MAX),
  anonymous: z.boolean().optional(),
  persona: z.string().max(64).optional(),
})

export function workshopRoutes({ config, methods, workshops, baseUrl, auth, access, audit, carryOver, programmes }: ApiDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/workshops$/,
      public: true,
      handler: async (req, res) => {
        const organiser = auth.requireOrganiser(req)
        const parsed = createWorkshopBody.safeParse(await readJson(req, config.maxBodyBytes))
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw new HttpError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`)
        }
        const { method, title, anonymous, persona } = parsed.data
        const created = workshops.create({ method, title, settings: { anonymous: anonymous ?? false, personaId: persona } })
        if (organiser.kind === 'session') access.addOrganiser(created.id, organiser.email, null)
        audit.record(created.id, 'created', actorOf(organiser), method)
        sendJson(res, 201, { id: created.id, ...workshopLinks(baseUrl(req), created) })
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/workshops/${ID}$`),
      handler: (req, res, url, [id]) => {
        const { workshop, role, organiser, viaProgramme } = workshops.authorise(id, requestKey(req, url))
        if (role === 'facilitator') {
          const actor = organiser ? { kind: 'organiser' as const, email: organiser } : { kind: 'facilitator-link' as const }
          audit.record(id, 'opened', actor, null, { coalesceMs: OPENED_COALESCE_MS })
        }
        // Opened for the first time, a workshop of a programme gets what it takes from the earlier ones, before its board is read.
        carryOver.onOpened(workshop)
        const programme = programmes.summaryOf(id)
        sendJson(res, 200, {
          id: workshop.id,
          title: workshop.title,
          method: workshop.method,
          createdAt: new Date(workshop.createdAt).toISOString(),
          anonymous: workshop.settings.anonymous ?? false,
          role,
          definition: workshops.definitionOf(workshop) ?? null,
          programme: programme ? { ...programme, viaProgrammeKey: viaProgramme } : null,
          // The browser builds its card shape from these, so it judges and draws cards as this server does.
          cardKinds: methods.cardKinds(),
        })
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/participant-link$`),
      handler: (req, res, url, [id]) => {
        const { actor } = auth.facilitatorOf(req, url, id)
        const participantKey = workshops.replaceParticipantKey(id)
        audit.record(id, 'link-replaced', actor, 'participant')
        sendJson(res, 200, { participantUrl: `${baseUrl(req)}/w/${id}#key=${participantKey}` })
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/api/workshops/${ID}$`),
      handler: (req, res, url, [id]) => {
        const { actor } = auth.facilitatorOf(req, url, id)
        workshops.delete(id)
        audit.record(id, 'deleted', actor)
        res.writeHead(204).end()
      },
    },
  ]
}
