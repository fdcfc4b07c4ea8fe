import type { CardKindDeclaration } from '../../workshops/cards/kindDeclaration'
import type { DocLimits } from '../../workshops/rules/limits'
import type { Localized } from '../../workshops/lang'
import type { Persona, WorkshopDefinition } from '../../workshops/method/types'

export type { Persona }

/** A persona as the start page lists it; `custom` ones were added there and can be deleted. */
export type ListedPersona = Persona & { custom?: boolean }

export interface MethodSummary {
  id: string
  title: Localized
  goal: Localized
  duration: number
}

export interface CreatedWorkshop {
  id: string
  facilitatorUrl: string
  participantUrl: string
}

export interface WorkshopInfo {
  id: string
  title: string
  method: string
  anonymous: boolean
  role: 'facilitator' | 'participant'
  definition: WorkshopDefinition | null
  /** The programme it is part of; `viaProgrammeKey` when this page holds the programme's key (it opens the programme page too). */
  programme?: { id: string; title: string; position: number; count: number; viaProgrammeKey: boolean } | null
  /** The server's card kinds: installed before the board is drawn (workshops/cards/kinds.ts). */
  cardKinds: CardKindDeclaration[]
}

/** An HTTP error with the server's status and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** A JSON request to our own API (the session cookie goes along); throws ApiError with the server's message. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init)
  const body = (await res.json().catch(() => ({}))) as { error?: string }
  if (!res.ok) throw new ApiError(res.status, body.error ?? res.statusText)
  return body as T
}

export const api = {
  personas: () => request<ListedPersona[]>('/api/personas'),
  addPersona: (persona: Omit<Persona, 'id'>) =>
    request<Persona>('/api/personas', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(persona),
    }),
  methods: () => request<MethodSummary[]>('/api/methods'),
  config: () => request<{ tldrawLicenseKey: string | null; limits?: DocLimits }>('/api/config'),
  createWorkshop: (input: { method: string; title: string; anonymous: boolean; persona?: string }) =>
    request<CreatedWorkshop>('/api/workshops', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }),
  workshop: (id: string, key: string) =>
    request<WorkshopInfo>(`/api/workshops/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${key}` },
    }),
}
