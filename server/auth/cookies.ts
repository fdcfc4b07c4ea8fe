import type { IncomingMessage, ServerResponse } from 'node:http'

/** The organiser's session. */
export const SESSION_COOKIE = 'samverkstad_session'
/** Ties an OpenID Connect sign-in to the browser that started it (a few minutes). */
export const OIDC_COOKIE = 'samverkstad_oidc'

/** One cookie of the request, or null. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null
  }
  return null
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (other sites' forms and
 * fetches do not carry it; following a link here does), Secure when the
 * server is reached over HTTPS.
 */
export function cookieHeader(name: string, value: string, opts: { maxAgeSeconds: number; secure: boolean; path?: string }): string {
  return [
    `${name}=${value}`,
    `Path=${opts.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ')
}

export function appendCookie(res: ServerResponse, header: string): void {
  const old = res.getHeader('set-cookie')
  const list = old === undefined ? [] : Array.isArray(old) ? old : [String(old)]
  res.setHeader('set-cookie', [...list, header])
}
