import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthConfig, Config } from '../config'
import { HttpError, requestKey } from '../http/respond'
import type { Actor } from '../store/auditStore'
import type { SessionStore, SignInMethod } from '../store/sessionStore'
import type { WorkshopAccessStore } from '../store/workshopAccessStore'
import type { WorkshopRow } from '../store/workshopStore'
import type { WorkshopService } from '../workshops/workshopService'
import { appendCookie, cookieHeader, readCookie, SESSION_COOKIE } from './cookies'
import { hashKey } from './keys'

/** The organiser a request acts for: a signed-in person, or a script holding ADMIN_TOKEN (organiser of every workshop). */
export type RequestOrganiser =
  | { kind: 'session'; email: string; organiserId: string; sessionHash: string }
  | { kind: 'admin-token' }

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const NOT_SIGNED_IN = 'sign in as an organiser first (or send Authorization: Bearer <ADMIN_TOKEN>)'

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever `a` is.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())
}

/**
 * Who the organiser of a request is, in one place. Every endpoint that
 * creates something calls `requireOrganiser(req)`; those acting on one
 * workshop call `requireOrganiserOf(req, id)` or, where the facilitator link
 * may do it too, `facilitatorOf(req, url, id)`.
 *
 * Sessions are an HttpOnly cookie. A cookie rides along with requests other
 * sites make, so every cookie-authenticated request that changes something
 * must come from our own origin (its Origin header), or it is refused (403).
 */
export class OrganiserAuth {
  private readonly auth: AuthConfig

  constructor(
    private readonly config: Config,
    private readonly sessions: SessionStore,
    private readonly access: WorkshopAccessStore,
    private readonly workshops: WorkshopService,
  ) {
    this.auth = config.auth
  }

  /** The organiser of this request, or null. Throws 403 for a cookie on a cross-site request that changes something. */
  organiserOf(req: IncomingMessage): RequestOrganiser | null {
    if (this.isAdminToken(req)) return { kind: 'admin-token' }
    const cookie = readCookie(req, SESSION_COOKIE)
    if (!cookie) return null
    const session = this.sessions.get(hashKey(cookie))
    if (!session) return null
    if (UNSAFE.has(req.method ?? 'GET')) this.requireOwnOrigin(req)
    return { kind: 'session', email: session.email, organiserId: session.organiserId, sessionHash: session.idHash }
  }

  /** The organiser of this request; 401 without one. */
  requireOrganiser(req: IncomingMessage): RequestOrganiser {
    const organiser = this.organiserOf(req)
    if (!organiser) throw new HttpError(401, NOT_SIGNED_IN)
    return organiser
  }

  /** An organiser of workshop `id` (ADMIN_TOKEN organises them all): 401 signed out, 404 unknown, 403 someone else's. */
  requireOrganiserOf(req: IncomingMessage, id: string): { organiser: RequestOrganiser; workshop: WorkshopRow } {
    const organiser = this.requireOrganiser(req)
    const workshop = this.workshops.find(id)
    if (organiser.kind === 'session' && !this.access.isOrganiser(id, organiser.email)) {
      throw new HttpError(403, 'you are not an organiser of this workshop')
    }
    return { organiser, workshop }
  }

  /**
   * The facilitator of workshop `id` for this request: its facilitator key
   * (the shared link, or an organiser's own key), else an organiser of it.
   */
  facilitatorOf(req: IncomingMessage, url: URL, id: string): { workshop: WorkshopRow; actor: Actor } {
    const key = requestKey(req, url)
    if (key && !this.isAdminToken(req)) {
      const { workshop, organiser } = this.workshops.authorise(id, key, 'facilitator')
      return { workshop, actor: organiser ? { kind: 'organiser', email: organiser } : { kind: 'facilitator-link' } }
    }
    if (!this.organiserOf(req)) throw new HttpError(403, 'the facilitator key is required')
    const { organiser, workshop } = this.requireOrganiserOf(req, id)
    this.access.touch(id)
    return { workshop, actor: actorOf(organiser) }
  }

  /** A new session for `organiserId`: stored as a hash, sent as the cookie. */
  startSession(req: IncomingMessage, res: ServerResponse, organiserId: string, via: SignInMethod): void {
    const id = randomBytes(32).toString('base64url')
    const maxAgeSeconds = this.auth.sessionHours * 3600
    this.sessions.create(hashKey(id), organiserId, via, Date.now() + maxAgeSeconds * 1000)
    appendCookie(res, cookieHeader(SESSION_COOKIE, id, { maxAgeSeconds, secure: this.isHttps(req) }))
  }

  /** Ends this request's session (its facilitator keys go with it) and clears the cookie. */
  endSession(req: IncomingMessage, res: ServerResponse): void {
    const cookie = readCookie(req, SESSION_COOKIE)
    if (cookie) this.sessions.delete(hashKey(cookie))
    appendCookie(res, cookieHeader(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: this.isHttps(req) }))
  }

  /**
   * 403 unless the request comes from a page of ours. Browsers send Origin
   * with every request that changes something; one without it is refused
   * too, since a cookie is what would authenticate it.
   */
  requireOwnOrigin(req: IncomingMessage): void {
    const origin = req.headers.origin
    if (!origin || !this.isOwnOrigin(origin, req)) {
      throw new HttpError(403, 'refused: a signed-in request that changes something must come from this server\'s own pages (Origin)')
    }
  }

  /** Like requireOwnOrigin, but lets requests without Origin through (scripts and curl carry no cookie of ours). */
  refuseForeignOrigin(req: IncomingMessage): void {
    const origin = req.headers.origin
    if (origin !== undefined && !this.isOwnOrigin(origin, req)) throw new HttpError(403, 'refused: a request from another site (Origin)')
  }

  isOwnOrigin(origin: string, req: IncomingMessage): boolean {
    if (this.config.publicUrl && origin === this.config.publicUrl) return true
    const host = req.headers.host
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
  }

  /** Whether the browser reached us over HTTPS: then cookies are Secure. */
  isHttps(req: IncomingMessage): boolean {
    if ((req.socket as { encrypted?: boolean }).encrypted) return true
    if (this.auth.trustProxy && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https') return true
    return this.config.publicUrl?.startsWith('https:') ?? false
  }

  isAdminToken(req: IncomingMessage): boolean {
    const admin = this.auth.adminToken
    if (!admin) return false
    const auth = req.headers.authorization
    if (!auth?.startsWith('Bearer ')) return false
    return sameSecret(auth.slice(7).trim(), admin)
  }
}

/** The audit log's name for the organiser of a request. */
export function actorOf(organiser: RequestOrganiser): Actor {
  return organiser.kind === 'session' ? { kind: 'organiser', email: organiser.email } : { kind: 'admin-token' }
}
