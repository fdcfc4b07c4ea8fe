import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Role } from '../auth/roles'
import type { WorkshopRow } from '../store/workshopStore'

export const MEDIA_COOKIE = 'sv_media'
/** A media session lasts this long; the page renews it at half-time while it is open. */
export const MEDIA_SESSION_MS = 10 * 60_000

/** The path a workshop's media cookie is sent to, and only there. */
export function mediaCookiePath(workshopId: string): string {
  return `/api/workshops/${workshopId}/assets`
}

/**
 * Media sessions: a page that holds a workshop key trades it (in an
 * Authorization header) for a short-lived cookie, so <img> and <video>
 * requests carry no key and no key ever stands in a URL that a server or
 * proxy logs. The cookie is signed, names its role and expiry, and is bound
 * to that role's current key hash: replacing the participant link makes
 * every participant cookie of the old key fail at once, with nothing stored.
 */
export class MediaAccess {
  constructor(private readonly key: Buffer) {}

  issue(workshop: WorkshopRow, role: Role, now = Date.now()): { token: string; expiresAt: number } {
    const expiresAt = now + MEDIA_SESSION_MS
    return { token: `${role === 'facilitator' ? 'f' : 'p'}.${expiresAt}.${this.sign(workshop, role, expiresAt)}`, expiresAt }
  }

  /** The role a cookie grants in this workshop now, or null (forged, expired, another workshop's, or its key was replaced). */
  check(workshop: WorkshopRow, token: string | null, now = Date.now()): Role | null {
    if (!token) return null
    const m = /^([fp])\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token)
    if (!m) return null
    const role: Role = m[1] === 'f' ? 'facilitator' : 'participant'
    const expiresAt = Number(m[2])
    if (!(expiresAt > now) || expiresAt > now + MEDIA_SESSION_MS) return null
    const expected = Buffer.from(this.sign(workshop, role, expiresAt))
    const given = Buffer.from(m[3])
    return expected.length === given.length && timingSafeEqual(expected, given) ? role : null
  }

  private sign(workshop: WorkshopRow, role: Role, expiresAt: number): string {
    const keyHash = role === 'facilitator' ? workshop.facilitatorKeyHash : workshop.participantKeyHash
    return createHmac('sha256', this.key).update(`media-session\n${workshop.id}\n${role}\n${expiresAt}\n${keyHash}`).digest('base64url')
  }
}

/** One cookie's value from a Cookie header; when a name repeats the first wins (browsers send the most specific path first). */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null
  let found: string | null = null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name && found === null) found = part.slice(eq + 1).trim()
  }
  return found
}
