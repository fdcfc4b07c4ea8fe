import * as client from 'openid-client'
import type { OidcConfig } from '../config'
import type { Log } from '../log'
import { normaliseEmail } from '../store/organiserStore'

/** Why a sign-in with the identity provider did not work; the start page explains each (`/?signin=<reason>`). */
export type OidcFailure = 'unavailable' | 'denied' | 'failed' | 'expired'

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailure,
    message: string,
  ) {
    super(message)
  }
}

/** Sign-ins begun and not yet finished: a few minutes each, and never more than this many at once. */
const PENDING_MS = 10 * 60_000
const PENDING_MAX = 10_000
/** Metadata kept for finishing sign-ins is fetched again after this long (keys and endpoints may move). */
const DISCOVERY_MAX_AGE_MS = 60 * 60_000
/**
 * A sign-in starts by asking the provider for its metadata (at most one
 * request a second, however many start at once): a provider that went down
 * is then noticed at once, and the start page says so instead of sending the
 * browser to an address that does not answer.
 */
const START_MAX_AGE_MS = 1000
const TIMEOUT_SECONDS = 5

interface Pending {
  verifier: string
  nonce: string
  redirectUri: string
  at: number
}

function unreachable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; cause?: { code?: string } }
  return (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    e.code === 'OAUTH_TIMEOUT' ||
    (e.name === 'TypeError' && /fetch failed/i.test(String((error as Error).message))) ||
    typeof e.cause?.code === 'string'
  )
}

/**
 * Sign-in with the employer's identity provider: OpenID Connect, the
 * authorization code flow with PKCE, through the certified openid-client.
 * The provider is asked for its metadata only when someone signs in, so the
 * server starts (and local sign-in works) while the provider is down.
 */
export class OidcSignIn {
  private configuration: { at: number; config: Promise<client.Configuration> } | null = null
  private readonly pending = new Map<string, Pending>()

  constructor(
    private readonly cfg: OidcConfig,
    private readonly log: Log,
  ) {}

  /** The provider's metadata, fetched again when older than `maxAgeMs`. */
  private discover(maxAgeMs = DISCOVERY_MAX_AGE_MS): Promise<client.Configuration> {
    const now = Date.now()
    if (!this.configuration || now - this.configuration.at > maxAgeMs) {
      const insecure = new URL(this.cfg.issuer).protocol === 'http:'
      const config = client.discovery(new URL(this.cfg.issuer), this.cfg.clientId, this.cfg.clientSecret ?? undefined, undefined, {
        timeout: TIMEOUT_SECONDS,
        // Plain http only for a provider on this machine (config.ts refuses it elsewhere).
        execute: insecure ? [client.allowInsecureRequests] : [],
      })
      const entry = { at: now, config }
      this.configuration = entry
      config.catch(() => {
        if (this.configuration === entry) this.configuration = null
      })
    }
    return this.configuration.config
  }

  /** Where to send the browser, and the state that ties the answer to it (kept in a short-lived cookie). */
  async start(redirectUri: string): Promise<{ url: string; state: string }> {
    let config: client.Configuration
    try {
      config = await this.discover(START_MAX_AGE_MS)
    } catch (error) {
      this.log.warn({ issuer: this.cfg.issuer, err: (error as Error).message }, 'the identity provider did not answer')
      throw new OidcSignInError('unavailable', 'the identity provider did not answer')
    }
    const verifier = client.randomPKCECodeVerifier()
    const state = client.randomState()
    const nonce = client.randomNonce()
    this.prune()
    this.pending.set(state, { verifier, nonce, redirectUri, at: Date.now() })
    const scopes = ['openid', 'email', 'profile']
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    return { url: url.href, state }
  }

  /** Finishes the sign-in the provider sent back to `callbackUrl`; the e-mail of a person who may be an organiser. */
  async finish(callbackUrl: URL, stateCookie: string | null): Promise<{ email: string }> {
    const state = callbackUrl.searchParams.get('state')
    const pending = state ? this.pending.get(state) : undefined
    if (!state || !pending || stateCookie !== state || Date.now() - pending.at > PENDING_MS) {
      throw new OidcSignInError('expired', 'the sign-in was started elsewhere or took too long')
    }
    this.pending.delete(state)
    if (callbackUrl.searchParams.has('error')) {
      throw new OidcSignInError('failed', `the identity provider said ${callbackUrl.searchParams.get('error')}`)
    }
    let claims: Record<string, unknown>
    try {
      const config = await this.discover()
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
      })
      claims = { ...(tokens.claims() ?? {}) }
      const sub = typeof claims.sub === 'string' ? claims.sub : null
      // The e-mail and groups are often only in the userinfo answer (providers that keep ID tokens small do that).
      const missing = typeof claims.email !== 'string' || (this.cfg.allowedGroups.length > 0 && !(this.cfg.groupsClaim in claims))
      if (missing && sub && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, sub)
        claims = { ...info, ...claims }
      }
    } catch (error) {
      if (error instanceof OidcSignInError) throw error
      const reason = unreachable(error) ? 'unavailable' : 'failed'
      this.log.warn({ issuer: this.cfg.issuer, err: (error as Error).message, reason }, 'sign-in with the identity provider failed')
      throw new OidcSignInError(reason, (error as Error).message)
    }
    return { email: this.organiserEmail(claims) }
  }

  /** The e-mail of the signed-in person if the configuration lets them be an organiser. */
  organiserEmail(claims: Record<string, unknown>): string {
    const raw = typeof claims.email === 'string' ? claims.email : typeof claims.preferred_username === 'string' ? claims.preferred_username : ''
    const email = normaliseEmail(raw)
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || claims.email_verified === false) {
      throw new OidcSignInError('denied', 'the identity provider gave no verified e-mail address')
    }
    if (!this.mayBeOrganiser(email, claims)) {
      this.log.info({ domain: email.split('@')[1] }, 'refused an organiser sign-in the configuration does not allow')
      throw new OidcSignInError('denied', 'this account may not be an organiser here')
    }
    return email
  }

  /** OIDC_ALLOWED_DOMAINS and OIDC_ALLOWED_GROUPS: each one that is set must hold. */
  mayBeOrganiser(email: string, claims: Record<string, unknown>): boolean {
    const domain = email.split('@')[1]
    const domains = this.cfg.allowedDomains
    if (domains.length > 0 && !domains.includes('*') && !domains.includes(domain)) return false
    if (this.cfg.allowedGroups.length > 0) {
      const value = claims[this.cfg.groupsClaim]
      const groups = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[,\s]+/) : []
      if (!groups.some((g) => this.cfg.allowedGroups.includes(g))) return false
    }
    return true
  }

  /** Whether someone with this e-mail could sign in with the provider (for invitations; groups are known only at sign-in). */
  domainAllowed(email: string): boolean {
    const domains = this.cfg.allowedDomains
    return domains.length === 0 || domains.includes('*') || domains.includes(email.split('@')[1])
  }

  private prune(): void {
    const now = Date.now()
    for (const [state, p] of this.pending) {
      if (now - p.at <= PENDING_MS && this.pending.size < PENDING_MAX) break
      this.pending.delete(state)
    }
  }
}
