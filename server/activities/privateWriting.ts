import { requestKey, sendJson } from '../http/respond'
import { ID } from '../http/route'
import type { ServerActivity } from './activity'

/**
 * Private writing: each person's cards live in a document only their token
 * opens (the sync server's private channel); the facilitator reveals them.
 */
export const privateWritingActivity: ServerActivity = {
  id: 'private-writing',
  start: ({ workshops, facilitation }) => ({
    routes: [
      {
        method: 'POST',
        pattern: new RegExp(`^/api/workshops/${ID}/reveal$`),
        handler: (req, res, url, [id]) => {
          const { workshop } = workshops.authorise(id, requestKey(req, url), 'facilitator')
          sendJson(res, 200, facilitation.reveal(workshop))
        },
      },
    ],
  }),
}
