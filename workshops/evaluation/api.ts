import type { RoundResults } from './aggregate'
import type { Answers, Round } from './answers'
import type { EvaluationQuestion } from './questions'
import type { EvaluationState } from './state'

/**
 * The evaluation's HTTP API as client and server both see it (README, "HTTP
 * API"). Keys go in `Authorization: Bearer <key>`; a response token in the
 * body, or in the `Evaluation-Token` header of a form request.
 */

/** POST /api/workshops/<id>/evaluation (facilitator). Without `round`, the workshop's own round. */
export interface EvaluationControlBody {
  action: 'open' | 'close'
  round?: Round
}

/** The answer of POST …/evaluation and GET …/evaluation (facilitator): the state and the links. */
export interface EvaluationAnswer {
  state: EvaluationState | null
  /** The evaluation link (its own key allows only the form); null before it was first opened. */
  evaluationUrl: string | null
  followUpUrl: string | null
  questions: EvaluationQuestion[]
  /** The date the follow-up gets unless another is chosen. */
  defaultFollowUpDate: string
}

/** GET /api/workshops/<id>/evaluation/form (any key of the workshop, or an evaluation link's key). */
export interface EvaluationForm {
  round: Round
  /** The workshop's title, for a page opened from the evaluation link. */
  title: string
  questions: EvaluationQuestion[]
  scale: { min: number; max: number }
  /** Issued by the server; send it with the answers. The same token again replaces the answers. */
  token: string
  /** This token's own earlier answers (a reload), so the form shows them. */
  answers: Answers | null
}

/** 409 from …/form when the form cannot be answered now. */
export interface FormUnavailable {
  error: string
  status: 'not-open' | 'closed' | 'scheduled'
  /** The follow-up's date, when it opens later. */
  opensOn?: string
}

/** POST /api/workshops/<id>/evaluation/responses. */
export interface ResponseBody {
  token: string
  answers: Record<string, unknown>
}

export interface ResponseAnswer {
  /** True when this token had answered before: its answers were replaced, not added. */
  replaced: boolean
}

/** GET /api/workshops/<id>/evaluation/results (facilitator). */
export type ResultsAnswer = RoundResults & {
  /** The questions as asked (they are kept from the first opening). */
  asked: EvaluationQuestion[]
  /** Forms issued so far: many more than responses may mean someone fetched forms to flood it. */
  issued: number
  followUp: (RoundResults & { date: string; issued: number }) | null
}

/** POST /api/workshops/<id>/evaluation/follow-up (facilitator). */
export interface FollowUpBody {
  /** YYYY-MM-DD; by default the definition's followUpMonths after the evaluation opened. */
  date?: string
}

export interface FollowUpAnswer {
  followUpUrl: string
  date: string
  /** Server ms the link starts to work. */
  opensAt: number
}

export const EVALUATION_TOKEN_HEADER = 'evaluation-token'
/** 192 random bits, base64url. */
export const RESPONSE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/
/** Page of the evaluation link: /e/<workshopId>#key=<key>. */
export const EVALUATION_PAGE = '/e/'
