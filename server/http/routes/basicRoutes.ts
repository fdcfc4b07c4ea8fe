import type { ApiDeps, Route } from '../route'
import { sendJson } from '../respond'

export function basicRoutes({ config, methods }: ApiDeps): Route[] {
  return [
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
    { method: 'GET', pattern: /^\/api\/personas$/, handler: (_q, res) => sendJson(res, 200, methods.personas()) },
  ]
}
