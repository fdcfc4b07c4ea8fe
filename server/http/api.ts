import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError } from './respond'
import type { ActivityInstance } from '../activities/activity'
import type { ApiDeps, Route } from './route'
import { basicRoutes } from './routes/basicRoutes'
import { exportRoutes } from './routes/exportRoutes'
import { facilitationRoutes } from './routes/facilitationRoutes'
import { mediaRoutes } from './routes/mediaRoutes'
import { organiserRoutes } from './routes/organiserRoutes'
import { programmeRoutes } from './routes/programmeRoutes'
import { sessionRoutes } from './routes/sessionRoutes'
import { workshopRoutes } from './routes/workshopRoutes'
import { trainingRoutes } from '../trainings/trainingRoutes'

/** Every route module of the HTTP API, in matching order. */
const ROUTE_MODULES: Array<(deps: ApiDeps) => Route[]> = [basicRoutes, sessionRoutes, workshopRoutes, organiserRoutes, mediaRoutes, exportRoutes, facilitationRoutes, programmeRoutes, trainingRoutes]

/**
 * The HTTP API. Every route answers JSON; errors are `{"error": "…"}` with the
 * fitting status. The facilitation activities (server/activities/registry.ts) bring their own routes.
 */
export function createApi(deps: ApiDeps, activities: readonly ActivityInstance[] = []): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const routes = [...ROUTE_MODULES.flatMap((module) => module(deps)), ...activities.flatMap((a) => a.routes)]
  return async (req, res, url) => {
    const matching = routes.filter((r) => r.pattern.test(url.pathname))
    if (matching.length === 0) {
      if (url.pathname.startsWith('/api/')) throw new HttpError(404, 'no such API route')
      return false
    }
    const route = matching.find((r) => r.method === req.method)
    if (!route) throw new HttpError(405, `method ${req.method} not allowed here`)
    // Scripts with ADMIN_TOKEN are trusted; everyone else's keyless requests are counted.
    if (route.public && !deps.auth.isAdminToken(req)) deps.limits.publicRequest(req)
    await route.handler(req, res, url, route.pattern.exec(url.pathname)!.slice(1))
    return true
  }
}
