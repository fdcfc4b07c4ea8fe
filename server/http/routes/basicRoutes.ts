import type { ApiDeps, Route } from '../route'
import { DefinitionError } from '../../../workshops/method/parseDefinition'
import { HttpError, readJson, sendJson } from '../respond'

export function basicRoutes({ config, methods, personas }: ApiDeps): Route[] {
  return [
    { method: 'GET', pattern: /^\/healthz$/, handler: (_q, res) => sendJson(res, 200, { ok: true }) },
    {
      method: 'GET',
      pattern: /^\/api\/config$/,
      // Read at start-up, handed over at run time: the licence key is never baked into the build.
      handler: (_q, res) => sendJson(res, 200, { tldrawLicenseKey: config.tldrawLicenseKey, limits: config.docLimits }),
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
    { method: 'GET', pattern: /^\/api\/personas$/, handler: (_q, res) => sendJson(res, 200, personas.list()) },
    {
      method: 'POST',
      pattern: /^\/api\/personas$/,
      handler: async (req, res) => {
        const body = await readJson(req, config.maxBodyBytes)
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'body: expected a persona object')
        try {
          sendJson(res, 201, personas.add(body as Record<string, unknown>))
        } catch (error) {
          if (error instanceof DefinitionError) throw new HttpError(400, `${error.path}: ${error.problem}`)
          throw error
        }
      },
    },
  ]
}
