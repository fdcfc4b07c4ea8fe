import { randomBytes } from 'node:crypto'
import type * as Y from 'yjs'
import { CONTROL_CHANNEL } from '../../workshops/doc/wire'
import { checkAnswers, type Round } from '../../workshops/evaluation/answers'
import type { EvaluationAnswer, EvaluationForm, FollowUpAnswer, ResponseAnswer, ResultsAnswer } from '../../workshops/evaluation/api'
import { EVALUATION_PAGE, RESPONSE_TOKEN_PATTERN } from '../../workshops/evaluation/api'
import { dateAt, defaultFollowUpDate, followUpDateProblem, formatDate, parseDate, startOfDay } from '../../workshops/evaluation/followUp'
import { evaluationOf, RATING_MAX, RATING_MIN } from '../../workshops/evaluation/questions'
import { readEvaluation, sameEvaluationState, writeEvaluation, type EvaluationState } from '../../workshops/evaluation/state'
import { hashKey, keyMatches, newKey } from '../auth/keys'
import type { LinkSeal } from '../auth/linkSeal'
import { holderOfKey } from '../auth/roles'
import type { Config } from '../config'
import { TokenBuckets, TooManyRequests } from '../http/rateLimit'
import { HttpError } from '../http/respond'
import type { MethodRegistry } from '../methods/loadMethods'
import type { Db } from '../store/database'
import type { WorkshopAccessStore } from '../store/workshopAccessStore'
import type { WorkshopRow } from '../store/workshopStore'
import type { SyncServer } from '../sync/syncServer'
import type { WorkshopService } from '../workshops/workshopService'
import { readResults } from './evaluationResults'
import { EvaluationStore, type EvaluationRow } from './evaluationStore'

/** Forms (response tokens) one round may issue: a training of 60 reloading on two devices each stays far below. */
export const MAX_FORMS_PER_ROUND = 500
/** Forms one address may fetch per round: a whole training behind one office NAT, then one every two seconds. */
const FORMS_PER_ADDRESS_BURST = 120
const FORMS_PER_ADDRESS_PER_SECOND = 0.5
/** Submissions (replacements) per token: a few corrections in a row, then one every three seconds. */
const SUBMITS_PER_TOKEN_BURST = 10
const SUBMITS_PER_TOKEN_PER_SECOND = 1 / 3
const DAY_MS = 86_400_000

/** The 409 of a form that cannot be answered now; the route sends `body` as it is. */
export class FormUnavailableError extends HttpError {
  constructor(
    message: string,
    readonly body: { error: string; status: 'not-open' | 'closed' | 'scheduled'; opensOn?: string },
  ) {
    super(409, message)
  }
}

export interface EvaluationDeps {
  db: Db
  sync: SyncServer
  workshops: WorkshopService
  methods: MethodRegistry
  access: WorkshopAccessStore
  seal: LinkSeal
  config: Pick<Config, 'evaluationMinResponses' | 'retentionDays' | 'timeZone'>
}

/** Sealed under its own scope, so a sealed evaluation key cannot pass as the participant key of its workshop. */
const sealScope = (workshopId: string, round: Round) => `${workshopId}/evaluation/${round}`

/**
 * The closing evaluation: the facilitator opens and closes it and sets the
 * follow-up; anyone with a key of the workshop, or the evaluation link's
 * own key, gets a form and a response token; a token's answers are stored
 * once and replaced on a second submit. The control document shows only
 * the state and the count. Results go only to the facilitator, and only for
 * closed rounds with enough responses (readResults).
 */
export class EvaluationService {
  readonly store: EvaluationStore
  private readonly formsPerAddress = new TokenBuckets(FORMS_PER_ADDRESS_BURST, FORMS_PER_ADDRESS_PER_SECOND)
  private readonly submitsPerToken = new TokenBuckets(SUBMITS_PER_TOKEN_BURST, SUBMITS_PER_TOKEN_PER_SECOND)

  constructor(private readonly deps: EvaluationDeps) {
    this.store = new EvaluationStore(deps.db)
  }

  // The facilitator's side

  /** The state and the links (GET …/evaluation, and after every change). */
  describe(workshop: WorkshopRow, baseUrl: string): EvaluationAnswer {
    const row = this.store.get(workshop.id)
    const definition = evaluationOf(this.deps.methods.get(workshop.method))
    const link = (round: Round, sealed: string | undefined) => {
      const key = sealed ? this.deps.seal.unseal(sealScope(workshop.id, round), sealed) : null
      return key ? `${baseUrl}${EVALUATION_PAGE}${workshop.id}#key=${key}` : null
    }
    return {
      state: row ? this.stateOf(row) : null,
      evaluationUrl: link('session', row?.linkKeySealed),
      followUpUrl: link('follow-up', row?.followUp?.keySealed),
      questions: row?.questions ?? definition.questions,
      defaultFollowUpDate: defaultFollowUpDate(row?.openedAt ?? Date.now(), definition.followUpMonths, this.deps.config.timeZone),
    }
  }

  open(workshop: WorkshopRow, round: Round): void {
    const row = this.store.get(workshop.id)
    if (round === 'follow-up') {
      if (!row?.followUp) throw new HttpError(409, 'there is no follow-up yet; set its date first (POST …/evaluation/follow-up)')
      if (row.followUp.closedAt === null) throw new HttpError(409, 'the follow-up is already open (or opens on its date)')
      this.store.setFollowUpClosed(workshop.id, null)
    } else if (!row) {
      const key = newKey()
      const questions = evaluationOf(this.deps.methods.get(workshop.method)).questions
      this.store.create(workshop.id, questions, Date.now(), hashKey(key), this.deps.seal.seal(sealScope(workshop.id, 'session'), key))
    } else {
      if (row.status === 'open') throw new HttpError(409, 'the evaluation is already open')
      this.store.setStatus(workshop.id, 'open', null)
    }
    this.publish(workshop.id)
  }

  close(workshop: WorkshopRow, round: Round): void {
    const row = this.store.get(workshop.id)
    if (round === 'follow-up') {
      if (!row?.followUp || row.followUp.closedAt !== null) throw new HttpError(409, 'the follow-up is not open')
      this.store.setFollowUpClosed(workshop.id, Date.now())
    } else {
      if (row?.status !== 'open') throw new HttpError(409, 'the evaluation is not open')
      this.store.setStatus(workshop.id, 'closed', Date.now())
    }
    this.publish(workshop.id)
  }

  /** Sets (or moves) the follow-up's date; its link stays the same. */
  setFollowUp(workshop: WorkshopRow, requested: string | undefined, baseUrl: string): FollowUpAnswer {
    const row = this.store.get(workshop.id)
    if (!row) throw new HttpError(409, 'open the evaluation first: the follow-up asks its questions again')
    const now = Date.now()
    const { timeZone } = this.deps.config
    const date = requested ?? defaultFollowUpDate(row.openedAt, evaluationOf(this.deps.methods.get(workshop.method)).followUpMonths, timeZone)
    const problem = followUpDateProblem(date, now, timeZone)
    if (problem === 'not-a-date') throw new HttpError(400, `date: expected a day as YYYY-MM-DD, got "${date.slice(0, 40)}"`)
    if (problem === 'in-the-past') throw new HttpError(400, `date: ${date} has passed; the follow-up is today (${formatDate(dateAt(now, timeZone))}) or later`)
    if (problem === 'too-far') throw new HttpError(400, `date: ${date} is more than five years ahead`)
    const opensAt = startOfDay(parseDate(date)!, timeZone)
    const { retentionDays } = this.deps.config
    if (retentionDays > 0 && opensAt > now + retentionDays * DAY_MS) {
      throw new HttpError(
        400,
        `date: this server deletes a workshop nobody uses for ${retentionDays} days (RETENTION_DAYS); ${date} is later than that, so choose an earlier day or open the workshop in between`,
      )
    }
    const key = newKey()
    this.store.setFollowUp(workshop.id, date, opensAt, hashKey(key), this.deps.seal.seal(sealScope(workshop.id, 'follow-up'), key))
    this.deps.access.touch(workshop.id)
    this.publish(workshop.id)
    return { followUpUrl: this.describe(workshop, baseUrl).followUpUrl!, date, opensAt }
  }

  results(workshopId: string): ResultsAnswer {
    const answer = readResults(this.store, workshopId, this.deps.config.evaluationMinResponses)
    if (!answer) throw new HttpError(409, 'this workshop has no evaluation yet')
    return answer
  }

  // Everyone's side

  /**
   * A form for the holder of `key`: a key of the workshop (the workshop's
   * round, or `?round=follow-up`), or an evaluation link's key (its own round
   * only). `presented` is a token this browser already holds: a valid one
   * comes back with its own answers instead of a new token.
   */
  form(workshopId: string, key: string | null, askedRound: Round | null, presented: string | null, address: string): EvaluationForm {
    const workshop = this.deps.workshops.find(workshopId)
    const row = this.store.get(workshopId)
    const round = this.roundForKey(workshop, row, key, askedRound)
    this.requireAnswerable(row, round)
    const questions = row!.questions
    const scale = { min: RATING_MIN, max: RATING_MAX }
    if (presented && RESPONSE_TOKEN_PATTERN.test(presented) && this.store.hasToken(workshopId, round, hashKey(presented))) {
      return { round, title: workshop.title, questions, scale, token: presented, answers: this.store.responseOf(workshopId, round, hashKey(presented)) }
    }
    if (this.store.tokensIssued(workshopId, round) >= MAX_FORMS_PER_ROUND) {
      throw new TooManyRequests(60_000, `this evaluation has handed out its ${MAX_FORMS_PER_ROUND} forms; those who have one can still answer`)
    }
    this.formsPerAddress.take(`${workshopId} ${round} ${address}`)
    const token = randomBytes(24).toString('base64url')
    this.store.issueToken(workshopId, round, hashKey(token))
    return { round, title: workshop.title, questions, scale, token, answers: null }
  }

  /** Stores (or replaces) the answers of a token; nothing is stored on any refusal. */
  respond(workshopId: string, token: string, rawAnswers: unknown): ResponseAnswer {
    this.deps.workshops.find(workshopId)
    const hash = hashKey(token)
    const round: Round | null = this.store.hasToken(workshopId, 'session', hash) ? 'session' : this.store.hasToken(workshopId, 'follow-up', hash) ? 'follow-up' : null
    if (!round) throw new HttpError(403, 'token: not a response token of this evaluation (GET …/evaluation/form gives one)')
    const row = this.store.get(workshopId)
    this.requireAnswerable(row, round)
    this.submitsPerToken.take(`${workshopId} ${hash}`)
    const checked = checkAnswers(row!.questions, round, rawAnswers)
    if (!checked.ok) throw new HttpError(400, checked.problem)
    const replaced = this.store.putResponse(workshopId, round, hash, checked.answers)
    if (!replaced) this.publish(workshopId)
    return { replaced }
  }

  private roundForKey(workshop: WorkshopRow, row: EvaluationRow | null, key: string | null, asked: Round | null): Round {
    if (key && holderOfKey(workshop, key)) {
      this.deps.access.touch(workshop.id)
      return asked ?? 'session'
    }
    const linkRound: Round | null =
      key && row && keyMatches(key, row.linkKeyHash) ? 'session' : key && row?.followUp && keyMatches(key, row.followUp.keyHash) ? 'follow-up' : null
    if (!linkRound) throw new HttpError(403, 'a valid key for this workshop or its evaluation is required')
    if (asked && asked !== linkRound) throw new HttpError(403, `this link is for the ${linkRound === 'session' ? 'workshop\'s evaluation' : 'follow-up'} only`)
    this.deps.access.touch(workshop.id)
    return linkRound
  }

  private requireAnswerable(row: EvaluationRow | null, round: Round): void {
    if (round === 'session') {
      if (!row) throw new FormUnavailableError('the evaluation has not been opened', { error: 'the evaluation has not been opened', status: 'not-open' })
      if (row.status !== 'open') throw new FormUnavailableError('the evaluation is closed', { error: 'the evaluation is closed', status: 'closed' })
      return
    }
    const f = row?.followUp
    if (!f) throw new FormUnavailableError('there is no follow-up', { error: 'there is no follow-up', status: 'not-open' })
    if (f.closedAt !== null) throw new FormUnavailableError('the follow-up is closed', { error: 'the follow-up is closed', status: 'closed' })
    if (Date.now() < f.opensAt) {
      throw new FormUnavailableError(`the follow-up opens on ${f.date}`, { error: `the follow-up opens on ${f.date}`, status: 'scheduled', opensOn: f.date })
    }
  }

  private stateOf(row: EvaluationRow): EvaluationState {
    const id = row.workshopId
    return {
      status: row.status,
      openedAt: row.openedAt,
      closedAt: row.closedAt,
      responses: this.store.responseCount(id, 'session'),
      followUp: row.followUp
        ? { date: row.followUp.date, opensAt: row.followUp.opensAt, closedAt: row.followUp.closedAt, responses: this.store.responseCount(id, 'follow-up') }
        : null,
    }
  }

  /** The state and count into the control document, for everyone's page; only when it changed. */
  private publish(workshopId: string): void {
    const row = this.store.get(workshopId)
    if (!row) return
    const state = this.stateOf(row)
    if (sameEvaluationState(this.deps.sync.withDoc(workshopId, CONTROL_CHANNEL, readEvaluation), state)) return
    this.deps.sync.editAsServer(workshopId, CONTROL_CHANNEL, (doc: Y.Doc) => writeEvaluation(doc, state))
  }
}
