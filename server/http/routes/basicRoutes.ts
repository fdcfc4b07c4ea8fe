import type { ApiDeps, Route } from '../route'
import { DefinitionError } from '../../../workshops/method/parseDefinition'
import { HttpError, readJson, sendJson } from '../respond'

export function basicRoutes({ config, methods, personas, auth }: ApiDeps): Route[] {
  return [
    { method: 'GET', pattern: /^\/healthz$/, public: true, handler: (_q, res) => sendJson(res, 200, { ok: true }) },
    {
      method: 'GET',
      pattern: /^\/api\/config$/,
      public: true,
      // Read at start-up, handed over at run time: the licence key is never baked into the build.
      handler: (_q, res) => sendJson(res, 200, { tldrawLicenseKey: config.tldrawLicenseKey, limits: config.docLimits }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/methods$/,
      public: true,
      handler: (_q, res) =>
        sendJson(
          res,
          200,
          methods.list().map((m) => ({ id: m.id, title: m.title, goal: m.goal, duration: m.duration })),
        ),
    },
    { method: 'GET', pattern: /^\/api\/personas$/, public: true, handler: (_q, res) => sendJson(res, 200, personas.listForStartPage()) },
    {
      method: 'POST',
      pattern: /^\/api\/personas$/,
      public: true,
      handler: async (req, res) => {
        auth.requireOrganiser(req)
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
    {
      method: 'DELETE',
      pattern: /^\/api\/personas\/([a-z0-9-]{1,64})$/,
      public: true,
      handler: (req, res, _url, [id]) => {
        auth.requireOrganiser(req)
        personas.remove(id)
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    },
  ]
}
