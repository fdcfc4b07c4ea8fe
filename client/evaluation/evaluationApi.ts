import type { Round } from '../../workshops/evaluation/answers'
import {
  EVALUATION_TOKEN_HEADER,
  type EvaluationAnswer,
  type EvaluationControlBody,
  type EvaluationForm,
  type FollowUpAnswer,
  type FormUnavailable,
  type ResponseAnswer,
  type ResultsAnswer,
} from '../../workshops/evaluation/api'
import { ApiError } from '../api/http'

/** An answer of 409 from the form: closed, not open yet, or a follow-up that opens later. */
export class FormUnavailableError extends ApiError {
  constructor(readonly detail: FormUnavailable) {
    super(409, detail.error)
  }
}

async function call<T>(path: string, key: string | null, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json', ...(init.headers ?? {}) },
  })
  const body = (await res.json().catch(() => ({}))) as { error?: string; status?: string }
  if (res.status === 409 && typeof body.status === 'string') throw new FormUnavailableError(body as FormUnavailable)
  if (!res.ok) throw new ApiError(res.status, body.error ?? res.statusText)
  return body as T
}

const base = (id: string) => `/api/workshops/${encodeURIComponent(id)}/evaluation`

export const evaluationApi = {
  describe: (id: string, key: string) => call<EvaluationAnswer>(base(id), key),
  control: (id: string, key: string, body: EvaluationControlBody) => call<EvaluationAnswer>(base(id), key, { method: 'POST', body: JSON.stringify(body) }),
  followUp: (id: string, key: string, date: string) => call<FollowUpAnswer>(`${base(id)}/follow-up`, key, { method: 'POST', body: JSON.stringify({ date }) }),
  results: (id: string, key: string) => call<ResultsAnswer>(`${base(id)}/results`, key),
  form: (id: string, key: string, round: Round | null, token: string | null) =>
    call<EvaluationForm>(`${base(id)}/form${round ? `?round=${round}` : ''}`, key, { headers: token ? { [EVALUATION_TOKEN_HEADER]: token } : {} }),
  respond: (id: string, token: string, answers: Record<string, unknown>) =>
    call<ResponseAnswer>(`${base(id)}/responses`, null, { method: 'POST', body: JSON.stringify({ token, answers }) }),
  /** The results as a file: fetched with the key in a header, never in a URL. */
  async file(id: string, key: string, format: 'csv' | 'xlsx', lang: string): Promise<{ blob: Blob; disposition: string | null }> {
    const res = await fetch(`${base(id)}/results.${format}?lang=${lang}`, { headers: { authorization: `Bearer ${key}` } })
    if (!res.ok) throw new ApiError(res.status, ((await res.json().catch(() => ({}))) as { error?: string }).error ?? res.statusText)
    return { blob: await res.blob(), disposition: res.headers.get('content-disposition') }
  },
}
