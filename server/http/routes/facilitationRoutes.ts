import type { TimeAnswer } from '../../../workshops/facilitation/api'
import { sendJson } from '../respond'
import type { ApiDeps, Route } from '../route'

/**
 * What every facilitation activity shares: the server's clock. The
 * activities' own routes (vote, private writing, evaluation) come from
 * server/activities/registry.ts.
 */
export function facilitationRoutes(_deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/api\/time$/,
      public: true,
      handler: (_q, res) => sendJson(res, 200, { now: Date.now() } satisfies TimeAnswer),
    },
  ]
}
