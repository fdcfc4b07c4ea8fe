import { request } from '../api/http'

export interface SessionInfo {
  organiser: { email: string } | null
  signIn: { local: boolean; oidc: boolean }
  /** No organiser account exists yet (the setup link is in the server's log). */
  setupPending: boolean
}

export type LinkPurpose = { purpose: 'setup'; email: null } | { purpose: 'password'; email: string }

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

export const sessionApi = {
  get: () => request<SessionInfo>('/api/session'),
  signIn: (email: string, password: string) => request<void>('/api/session', json('POST', { email, password })),
  signOut: () => request<void>('/api/session', { method: 'DELETE' }),
  inspectLink: (token: string) => request<LinkPurpose>('/api/setup/inspect', json('POST', { token })),
  useLink: (token: string, password: string, email?: string) => request<void>('/api/setup', json('POST', { token, password, email })),
}
