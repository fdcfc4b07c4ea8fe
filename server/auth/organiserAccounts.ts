import { randomBytes } from 'node:crypto'
import { HttpError } from '../http/respond'
import { normaliseEmail, type OrganiserRow, type OrganiserStore, type TokenPurpose } from '../store/organiserStore'
import type { SessionStore } from '../store/sessionStore'
import type { WorkshopAccessStore } from '../store/workshopAccessStore'
import { hashKey } from './keys'
import { hashPassword, passwordProblem, verifyPassword } from './passwords'

/** The first-start link is valid this long, or until used. */
export const SETUP_LINK_HOURS = 24
/** A link to choose a password (`npm run organisers -- add`, an invitation) is valid this long, or until used. */
export const PASSWORD_LINK_DAYS = 7

const EMAIL_MAX = 254
const EMAIL_PATTERN = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/

/** The e-mail in a form we store, or a 400. */
export function checkedEmail(value: unknown): string {
  if (typeof value !== 'string') throw new HttpError(400, 'email: expected an e-mail address')
  const email = normaliseEmail(value)
  if (email.length > EMAIL_MAX || !EMAIL_PATTERN.test(email)) throw new HttpError(400, 'email: expected an e-mail address like namn@kommun.se')
  return email
}

/** The page a one-time link opens; the token is in the fragment, so it never reaches a log or a referrer. */
export function setupLink(baseUrl: string, token: string): string {
  return `${baseUrl}/setup#token=${token}`
}

export const LINK_USED_OR_EXPIRED = 'this link has been used or has expired; ask for a new one'

/**
 * Organiser accounts with passwords: the first organiser from the one-time
 * setup link, more from `npm run organisers -- add` or an invitation (a
 * one-time link to choose a password), signing in, removing. Shared by the
 * server and the command line.
 */
export class OrganiserAccounts {
  constructor(
    private readonly organisers: OrganiserStore,
    private readonly sessions: SessionStore,
    private readonly access: WorkshopAccessStore,
  ) {}

  get count(): number {
    return this.organisers.count()
  }

  /**
   * On a start with no organiser: a new setup token (replacing any earlier
   * one, so only the link printed last works). Null once an organiser exists.
   */
  setupToken(now = Date.now()): string | null {
    if (this.organisers.count() > 0) return null
    const token = randomBytes(32).toString('base64url')
    this.organisers.transaction(() => {
      this.organisers.deleteSetupTokens()
      this.organisers.addToken(hashKey(token), 'setup', null, now + SETUP_LINK_HOURS * 3600_000, now)
    })
    return token
  }

  /** A one-time link to choose a password for `email`, creating the account if there is none (earlier links of theirs stop working). */
  passwordToken(email: string, now = Date.now()): { token: string; organiser: OrganiserRow; created: boolean } {
    const token = randomBytes(32).toString('base64url')
    return this.organisers.transaction(() => {
      const existing = this.organisers.byEmail(email)
      const organiser = existing ?? this.organisers.create(email, null, now)
      this.organisers.deleteTokensOf(organiser.id)
      this.organisers.addToken(hashKey(token), 'password', organiser.id, now + PASSWORD_LINK_DAYS * 86_400_000, now)
      return { token, organiser, created: !existing }
    })
  }

  /** What a link is for, or null when it is unknown, used or expired. */
  inspect(token: string): { purpose: TokenPurpose; email: string | null } | null {
    const row = this.organisers.token(hashKey(token))
    if (!row) return null
    if (row.purpose === 'setup' && this.organisers.count() > 0) return null
    const email = row.organiserId ? (this.organisers.byId(row.organiserId)?.email ?? null) : null
    if (row.purpose === 'password' && !email) return null
    return { purpose: row.purpose, email }
  }

  /** Uses a one-time link: creates the first organiser (setup) or sets a password. 410 when used or expired. */
  async useToken(token: string, input: { email?: unknown; password: unknown }): Promise<OrganiserRow> {
    const problem = passwordProblem(input.password)
    if (problem) throw new HttpError(400, problem)
    const found = this.inspect(token)
    if (!found) throw new HttpError(410, LINK_USED_OR_EXPIRED)
    const email = found.purpose === 'setup' ? checkedEmail(input.email) : found.email!
    const hash = await hashPassword(input.password as string)
    return this.organisers.transaction(() => {
      // Checked again inside the transaction: two browsers may use one link at the same moment.
      if (!this.inspect(token)) throw new HttpError(410, LINK_USED_OR_EXPIRED)
      this.organisers.deleteToken(hashKey(token))
      if (found.purpose === 'setup') {
        this.organisers.deleteSetupTokens()
        return this.organisers.create(email, hash)
      }
      const organiser = this.organisers.byEmail(email)!
      this.organisers.setPassword(organiser.id, hash)
      // A new password signs out every other session (someone may have known the old one).
      this.sessions.deleteAllOf(organiser.id)
      return { ...organiser, passwordHash: hash }
    })
  }

  /** The organiser when the password is right; null for a wrong password and for an unknown e-mail alike, in the same time. */
  async signIn(email: string, password: string): Promise<OrganiserRow | null> {
    const organiser = this.organisers.byEmail(email)
    const ok = await verifyPassword(password, organiser?.passwordHash ?? null)
    if (!ok || !organiser) return null
    this.organisers.markSignedIn(organiser.id)
    return organiser
  }

  /** The organiser signing in with the identity provider: the same account as a local one with that e-mail. */
  signedInWithProvider(email: string): OrganiserRow {
    const organiser = this.organisers.ensure(email)
    this.organisers.markSignedIn(organiser.id)
    return organiser
  }

  find(email: string): OrganiserRow | undefined {
    return this.organisers.byEmail(email)
  }

  list(): OrganiserRow[] {
    return this.organisers.list()
  }

  /** Removes the account, its sessions and links, and takes it off every workshop. False when there was none. */
  remove(email: string): boolean {
    const organiser = this.organisers.byEmail(email)
    if (!organiser) return false
    this.organisers.transaction(() => {
      this.access.removeEverywhere(organiser.email)
      this.organisers.delete(organiser.id)
    })
    return true
  }
}
