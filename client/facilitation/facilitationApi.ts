import type { DotBody, MyDotsAnswer, RevealAnswer, VoteCloseAnswer, VoteControlBody, VoteOpenAnswer } from '../../workshops/facilitation/api'
import { ApiError } from '../api/http'

async function call<T>(path: string, key: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  })
  const body = (await res.json().catch(() => ({}))) as { error?: string }
  if (!res.ok) throw new ApiError(res.status, body.error ?? res.statusText)
  return body as T
}

const base = (id: string) => `/api/workshops/${encodeURIComponent(id)}`

export const facilitationApi = {
  controlVote: (id: string, key: string, body: VoteControlBody) =>
    call<VoteOpenAnswer | VoteCloseAnswer>(`${base(id)}/vote`, key, { method: 'POST', body: JSON.stringify(body) }),
  dot: (id: string, key: string, body: DotBody) => call<MyDotsAnswer>(`${base(id)}/votes`, key, { method: 'POST', body: JSON.stringify(body) }),
  myDots: (id: string, key: string, voter: string) => call<MyDotsAnswer>(`${base(id)}/votes/mine?voter=${encodeURIComponent(voter)}`, key),
  reveal: (id: string, key: string) => call<RevealAnswer>(`${base(id)}/reveal`, key, { method: 'POST' }),
  newParticipantLink: (id: string, key: string) => call<{ participantUrl: string }>(`${base(id)}/participant-link`, key, { method: 'POST' }),
}
