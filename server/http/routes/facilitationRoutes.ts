import { z } from 'zod'
import { isCardKind } from '../../../workshops/cards/kinds'
import { VOTER_ID_PATTERN, type TimeAnswer } from '../../../workshops/facilitation/api'
import { DEFAULT_ALLOW_STACKING, DEFAULT_DOTS_PER_PERSON, MAX_DOTS_PER_PERSON } from '../../../workshops/facilitation/votes'
import { HttpError, readJson, requestKey, sendJson } from '../respond'
import { ID, type ApiDeps, type Route } from '../route'

const shapeId = z.string().regex(/^shape:[^\s]{1,200}$/, 'a shape id ("shape:…")')

const voteControlBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('open'),
    target: z
      .object({ kind: z.string().max(40).refine(isCardKind, 'a card kind of this method').optional(), frameId: shapeId.optional() })
      .strict()
      .refine((t) => t.kind !== undefined || t.frameId !== undefined, 'name a card kind, a frame, or both'),
    dotsPerPerson: z.number().int().min(1).max(MAX_DOTS_PER_PERSON).optional(),
    allowStacking: z.boolean().optional(),
  }),
  z.object({ action: z.literal('close') }),
])

const voter = z.string().regex(VOTER_ID_PATTERN, 'a random id of 16–128 characters A–Z a–z 0–9 _ -')

const dotBody = z.object({
  voter,
  cardId: shapeId,
  action: z.enum(['add', 'remove']),
})

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new HttpError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`)
  }
  return parsed.data
}

export function facilitationRoutes({ config, workshops, facilitation }: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/api\/time$/,
      public: true,
      handler: (_q, res) => sendJson(res, 200, { now: Date.now() } satisfies TimeAnswer),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/vote$`),
      handler: async (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url), 'facilitator')
        const body = parse(voteControlBody, await readJson(req, config.maxBodyBytes))
        if (body.action === 'close') return sendJson(res, 200, facilitation.closeVote(id))
        const vote = facilitation.openVote(id, {
          target: body.target,
          dotsPerPerson: body.dotsPerPerson ?? DEFAULT_DOTS_PER_PERSON,
          allowStacking: body.allowStacking ?? DEFAULT_ALLOW_STACKING,
        })
        sendJson(res, 201, { vote })
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/votes$`),
      handler: async (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url))
        const body = parse(dotBody, await readJson(req, config.maxBodyBytes))
        sendJson(res, 200, facilitation.castDot(id, body.voter, body.cardId, body.action))
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/workshops/${ID}/votes/mine$`),
      handler: (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url))
        const who = parse(voter, url.searchParams.get('voter') ?? '')
        sendJson(res, 200, facilitation.myDots(id, who))
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/reveal$`),
      handler: (req, res, url, [id]) => {
        const { workshop } = workshops.authorise(id, requestKey(req, url), 'facilitator')
        sendJson(res, 200, facilitation.reveal(workshop))
      },
    },
  ]
}
