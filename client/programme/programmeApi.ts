import type { Localized } from '../../workshops/lang'
import type { CarryAnswer } from '../../workshops/programme/api'
import { ApiError, request } from '../api/http'

export type WorkshopState = 'not-started' | 'running' | 'done'

export interface ProgrammeWorkshop {
  id: string
  method: string
  title: string
  methodTitle: Localized | null
  position: number
  state: WorkshopState
  startedAt: string | null
  finishedAt: string | null
}

export interface ProgrammeInfo {
  id: string
  title: string
  method: string
  createdAt: string
  anonymous: boolean
  role: 'facilitator' | 'participant'
  /** Shown to a signed-in organiser of it (no key). */
  organiser: boolean
  workshops: ProgrammeWorkshop[]
}

export interface MyProgramme {
  id: string
  title: string
  method: string
  createdAt: string
  participantUrl: string | null
  workshops: ProgrammeWorkshop[]
}

export interface CreatedProgramme {
  id: string
  facilitatorUrl: string
  participantUrl: string
  workshops: Array<{ id: string; method: string; facilitatorUrl: string; participantUrl: string }>
}

export type { CarryAnswer }

export interface CardPaths {
  truncated: boolean
  paths: Array<{ flag: 'need-without-growth' | 'challenge-without-growth' | null; cards: Array<{ kind: string; text: string; workshopId: string; method: string; methodTitle: Localized | null; card: string }> }>
}

export const PROGRAMME_EXPORT_FILES = ['trace.xlsx', 'trace.csv', 'trace.md', 'trace.json', 'report.docx', 'report.md'] as const

/** The file name the server chose: RFC 5987 `filename*` (keeps åäö), else the format. */
function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = disposition && /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  try {
    return star ? decodeURIComponent(star[1].trim()) : fallback
  } catch {
    return fallback
  }
}

/** A key in the Authorization header, never in a URL; without one the session cookie (an organiser) goes along. */
const auth = (key: string | null): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {})
const json = { 'content-type': 'application/json' }

export const programmeApi = {
  create: (input: { method: string; title: string; workshops: string[]; anonymous: boolean; persona?: string }) =>
    request<CreatedProgramme>('/api/programmes', { method: 'POST', headers: json, body: JSON.stringify(input) }),
  list: () => request<MyProgramme[]>('/api/programmes'),
  get: (id: string, key: string | null) => request<ProgrammeInfo>(`/api/programmes/${encodeURIComponent(id)}`, { headers: auth(key) }),
  carryOver: (workshopId: string, key: string, replace?: string[]) =>
    request<CarryAnswer>(`/api/workshops/${encodeURIComponent(workshopId)}/carry-over`, {
      method: 'POST',
      headers: { ...auth(key), ...json },
      body: JSON.stringify(replace ? { replace } : {}),
    }),
  paths: (workshopId: string, key: string, cardId: string) =>
    request<CardPaths>(`/api/workshops/${encodeURIComponent(workshopId)}/paths?card=${encodeURIComponent(cardId)}`, { headers: auth(key) }),
  /** Downloads an export as a file; the key goes in a header. */
  async download(id: string, key: string | null, file: string, lang: string): Promise<void> {
    const res = await fetch(`/api/programmes/${encodeURIComponent(id)}/export/${file}?lang=${lang}`, { headers: auth(key) })
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string }
      throw new ApiError(res.status, body.error ?? res.statusText)
    }
    const href = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = href
    a.download = fileNameFrom(res.headers.get('content-disposition'), file)
    a.rel = 'noopener'
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(href), 10_000)
  },
}

/** "WS1 Intervjuanalys". */
export function workshopName(method: string, title: Localized | null | undefined, lang: 'sv' | 'en'): string {
  return title ? `${method.toUpperCase()} ${title[lang]}` : method.toUpperCase()
}
