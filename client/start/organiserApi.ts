import type { Localized } from '../../workshops/lang'
import { ApiError, request, type CreatedWorkshop } from '../api/http'

/** One workshop in "Mina workshoppar" (GET /api/workshops). */
export interface MyWorkshop {
  id: string
  title: string
  method: string
  methodTitle: Localized | null
  createdAt: string
  lastActivityAt: string
  /** When retention deletes it if nobody uses it; null when workshops are kept for ever. */
  deletesAt: string | null
  organisers: string[]
  participantUrl: string | null
  /** The programme it is part of (listed there, under the programme). */
  programme?: { id: string; title: string; position: number; count: number } | null
}

export interface Invited {
  email: string
  organisers: string[]
  signIn: 'provider' | 'password' | 'link'
  setupUrl?: string
}

export interface AuditEntry {
  at: string
  action: string
  actor: { kind: 'organiser'; email: string } | { kind: 'admin-token' | 'facilitator-link' | 'participant-link' | 'system' }
  detail: string | null
}

const path = (id: string, rest = '') => `/api/workshops/${encodeURIComponent(id)}${rest}`
const post = <T>(url: string, body?: unknown) =>
  request<T>(url, body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** The file name the server chose for a download: RFC 5987 `filename*` first (keeps åäö). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition && /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // fall through to the fallback
    }
  }
  return fallback
}

/** What a signed-in organiser does from the start page; the session cookie authorises it. */
export const organiserApi = {
  list: () => request<MyWorkshop[]>('/api/workshops'),
  open: (id: string) => post<{ facilitatorUrl: string }>(path(id, '/open')),
  newFacilitatorLink: (id: string) => post<{ facilitatorUrl: string }>(path(id, '/facilitator-link')),
  newParticipantLink: (id: string) => post<{ participantUrl: string }>(path(id, '/participant-link')),
  remove: (id: string) => request<void>(path(id), { method: 'DELETE' }),
  invite: (id: string, email: string) => post<Invited>(path(id, '/organisers'), { email }),
  removeOrganiser: (id: string, email: string) => request<void>(path(id, `/organisers/${encodeURIComponent(email)}`), { method: 'DELETE' }),
  audit: (id: string) => request<AuditEntry[]>(path(id, '/audit')),
  importFile: (file: File) =>
    request<CreatedWorkshop>('/api/workshops/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: file }),
  deletePersona: (id: string) => request<void>(`/api/personas/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** Downloads an export as a file; nothing goes into a URL but the format. */
  async download(id: string, format: string, lang: string): Promise<void> {
    const res = await fetch(path(id, `/export/${format}?lang=${lang}`))
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string }
      throw new ApiError(res.status, body.error ?? res.statusText)
    }
    const href = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = href
    a.download = fileNameOf(res.headers.get('content-disposition'), format)
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(href), 10_000)
  },
}
