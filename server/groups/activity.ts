import { z } from 'zod'
import { GROUP_SIZE_MAX, GROUP_SIZE_MIN } from '../../workshops/method/definitionSchema'
import { MAX_GROUP_MESSAGE } from '../../workshops/groups/groups'
import type { ServerActivity } from '../activities/activity'
import { parseBody } from '../http/parseBody'
import { readJson, requestKey, sendJson } from '../http/respond'
import { ID } from '../http/route'
import { GroupsService } from './groupsService'

const splitBody = z
  .object({
    size: z.number().int().min(GROUP_SIZE_MIN).max(GROUP_SIZE_MAX),
    roles: z.boolean().optional(),
    by: z.string().regex(/^[a-z][a-zA-Z]{0,29}$/, 'a join field name like "organisation"').optional(),
    step: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional(),
  })
  .strict()
  .refine((b) => !b.roles || b.size === 3, { message: 'role-play is in threes: size 3', path: ['size'] })

const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('rotate') }).strict(),
  z.object({ action: z.literal('end') }).strict(),
  z.object({ action: z.literal('move'), userId: z.string().min(1).max(64), to: z.string().regex(/^g[0-9]{1,3}$/, 'a group id like "g2"') }).strict(),
  z.object({ action: z.literal('message'), text: z.string().trim().min(1).max(MAX_GROUP_MESSAGE) }).strict(),
])

const seatParam = z.string().min(1).max(200)

/**
 * Small groups and role-play: the facilitator splits the people on the board
 * into groups with frames of their own, swaps roles, moves people, sends a
 * message and brings everyone back; each participant fetches their own role.
 */
export const groupsActivity: ServerActivity = {
  id: 'groups',
  start(ctx) {
    const service = new GroupsService({ sync: ctx.sync, methods: ctx.methods, trainings: ctx.trainings })
    ctx.workshops.onDeleted((ids) => ids.forEach((id) => service.forget(id)))
    return {
      routes: [
        {
          method: 'POST',
          pattern: new RegExp(`^/api/workshops/${ID}/groups$`),
          handler: async (req, res, url, [id]) => {
            const { workshop } = ctx.workshops.authorise(id, requestKey(req, url), 'facilitator')
            const raw = await readJson(req, ctx.config.maxBodyBytes)
            const state =
              raw && typeof raw === 'object' && 'action' in raw
                ? service.act(workshop, parseBody(actionBody, raw))
                : service.split(workshop, (({ size, roles, by, step }) => ({ size, roles: roles ?? false, by, step }))(parseBody(splitBody, raw)))
            sendJson(res, 200, state)
          },
        },
        {
          method: 'GET',
          pattern: new RegExp(`^/api/workshops/${ID}/groups/mine$`),
          handler: (req, res, url, [id]) => {
            const { workshop } = ctx.workshops.authorise(id, requestKey(req, url))
            const seat = parseBody(seatParam, url.searchParams.get('seat') ?? '')
            sendJson(res, 200, service.mine(workshop, seat))
          },
        },
      ],
    }
  },
}
