import { z } from 'zod'
import { ROUNDS, type Round } from '../../workshops/evaluation/answers'
import { EVALUATION_TOKEN_HEADER, RESPONSE_TOKEN_PATTERN } from '../../workshops/evaluation/api'
import { evaluationCsvTable, evaluationRatingsTable, evaluationTextsTable } from '../../workshops/evaluation/evaluationTable'
import { EVALUATION_LABELS, toReportResults } from '../../workshops/evaluation/reportSection'
import { toCsv } from '../../workshops/export/csv'
import { isLang, type Lang } from '../../workshops/lang'
import { fileStem } from '../export/filename'
import { parseBody } from '../http/parseBody'
import { HttpError, readJson, requestKey, sendDownload, sendJson } from '../http/respond'
import { ID, type Route } from '../http/route'
import type { ActivityContext } from '../activities/activity'
import { FormUnavailableError, type EvaluationService } from './evaluationService'
import { tablesToXlsx } from './evaluationXlsx'

/** A response is a few ratings and a line or two of text: 16 KB is far more than any honest one. */
export const RESPONSE_BODY_MAX_BYTES = 16 * 1024

const round = z.enum(ROUNDS as [Round, ...Round[]])
const controlBody = z.object({ action: z.enum(['open', 'close']), round: round.optional() }).strict()
const followUpBody = z.object({ date: z.string().max(40).optional() }).strict()
const responseBody = z
  .object({
    token: z.string().regex(RESPONSE_TOKEN_PATTERN, 'a response token from GET …/evaluation/form'),
    answers: z.record(z.string().max(64), z.unknown()),
  })
  .strict()

function langOf(url: URL): Lang {
  const value = url.searchParams.get('lang')
  if (value === null || value === '') return 'sv'
  if (!isLang(value)) throw new HttpError(400, 'lang must be "sv" or "en"')
  return value
}

/** The evaluation's HTTP API (README, "HTTP API"). */
export function evaluationRoutes(ctx: ActivityContext, service: EvaluationService): Route[] {
  const { auth, config, baseUrl, limits, audit } = ctx
  const base = `^/api/workshops/${ID}/evaluation`
  return [
    {
      method: 'GET',
      pattern: new RegExp(`${base}$`),
      handler: (req, res, url, [id]) => {
        const { workshop } = auth.facilitatorOf(req, url, id)
        sendJson(res, 200, service.describe(workshop, baseUrl(req)))
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}$`),
      handler: async (req, res, url, [id]) => {
        const { workshop } = auth.facilitatorOf(req, url, id)
        const body = parseBody(controlBody, await readJson(req, config.maxBodyBytes))
        if (body.action === 'open') service.open(workshop, body.round ?? 'session')
        else service.close(workshop, body.round ?? 'session')
        sendJson(res, body.action === 'open' ? 201 : 200, service.describe(workshop, baseUrl(req)))
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/form$`),
      // Keys of two kinds are tried here, so every request counts against the address's limit.
      public: true,
      handler: (req, res, url, [id]) => {
        const asked = url.searchParams.get('round')
        if (asked !== null && !ROUNDS.includes(asked as Round)) throw new HttpError(400, `round must be ${ROUNDS.join(' or ')}`)
        const presented = req.headers[EVALUATION_TOKEN_HEADER]
        try {
          const form = service.form(id, requestKey(req, url), asked as Round | null, typeof presented === 'string' ? presented : null, limits.address(req))
          sendJson(res, 200, form)
        } catch (error) {
          if (error instanceof FormUnavailableError) return sendJson(res, 409, error.body)
          throw error
        }
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}/responses$`),
      public: true,
      handler: async (req, res, _url, [id]) => {
        const body = parseBody(responseBody, await readJson(req, RESPONSE_BODY_MAX_BYTES))
        try {
          sendJson(res, 201, service.respond(id, body.token, body.answers))
        } catch (error) {
          if (error instanceof FormUnavailableError) return sendJson(res, 409, error.body)
          throw error
        }
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/results$`),
      handler: (req, res, url, [id]) => {
        auth.facilitatorOf(req, url, id)
        sendJson(res, 200, service.results(id))
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/results\\.(csv|xlsx)$`),
      handler: async (req, res, url, [id, format]) => {
        const { workshop, actor } = auth.facilitatorOf(req, url, id)
        const lang = langOf(url)
        const results = toReportResults(service.results(id))
        const body =
          format === 'csv'
            ? Buffer.from(toCsv(evaluationCsvTable(results, lang)), 'utf8')
            : await tablesToXlsx([
                { name: EVALUATION_LABELS[lang].heading, table: evaluationRatingsTable(results, lang) },
                { name: EVALUATION_LABELS[lang].text, table: evaluationTextsTable(results, lang) },
              ])
        audit.record(id, 'exported', actor, `evaluation.${format}`)
        sendDownload(res, {
          body,
          contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          fileName: `${fileStem(workshop.title)}-evaluation.${format}`,
        })
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}/follow-up$`),
      handler: async (req, res, url, [id]) => {
        const { workshop } = auth.facilitatorOf(req, url, id)
        const body = parseBody(followUpBody, await readJson(req, config.maxBodyBytes))
        sendJson(res, 200, service.setFollowUp(workshop, body.date, baseUrl(req)))
      },
    },
  ]
}
