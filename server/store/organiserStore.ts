import { randomBytes } from 'node:crypto'
import type { Db } from './database'

/** A person who may create workshops. The e-mail (lower case) is who they are, whether they sign in with a password or the identity provider. */
export interface OrganiserRow {
  id: string
  email: string
  /** scrypt hash (server/auth/passwords.ts); null for someone who signs in only with the identity provider or has not chosen a password yet. */
  passwordHash: string | null
  createdAt: number
  lastSignInAt: number | null
}

/** What a one-time link is for: creating the first organiser, or choosing a password. */
export type TokenPurpose = 'setup' | 'password'

export interface TokenRow {
  purpose: TokenPurpose
  organiserId: string | null
  expiresAt: number
}

interface RawOrganiser {
  id: string
  email: string
  password_hash: string | null
  created_at: number
  last_sign_in_at: number | null
}

const toRow = (r: RawOrganiser): OrganiserRow => ({
  id: r.id,
  email: r.email,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
})

/** E-mail addresses compare without case and surrounding space. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Organiser accounts and their one-time links (tokens are stored as hashes only). */
export class OrganiserStore {
  private readonly insertStmt
  private readonly byEmailStmt
  private readonly byIdStmt
  private readonly listStmt
  private readonly countStmt
  private readonly setPasswordStmt
  private readonly signedInStmt
  private readonly deleteStmt
  private readonly insertTokenStmt
  private readonly tokenStmt
  private readonly deleteTokenStmt
  private readonly deleteTokensOfStmt
  private readonly deleteSetupTokensStmt
  private readonly pruneTokensStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare('INSERT INTO organisers (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)')
    this.byEmailStmt = db.prepare<[string], RawOrganiser>('SELECT * FROM organisers WHERE email = ?')
    this.byIdStmt = db.prepare<[string], RawOrganiser>('SELECT * FROM organisers WHERE id = ?')
    this.listStmt = db.prepare<[], RawOrganiser>('SELECT * FROM organisers ORDER BY email')
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM organisers')
    this.setPasswordStmt = db.prepare('UPDATE organisers SET password_hash = ? WHERE id = ?')
    this.signedInStmt = db.prepare('UPDATE organisers SET last_sign_in_at = ? WHERE id = ?')
    this.deleteStmt = db.prepare('DELETE FROM organisers WHERE id = ?')
    this.insertTokenStmt = db.prepare(
      'INSERT INTO organiser_tokens (token_hash, purpose, organiser_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    )
    this.tokenStmt = db.prepare<[string], { purpose: TokenPurpose; organiser_id: string | null; expires_at: number }>(
      'SELECT purpose, organiser_id, expires_at FROM organiser_tokens WHERE token_hash = ?',
    )
    this.deleteTokenStmt = db.prepare('DELETE FROM organiser_tokens WHERE token_hash = ?')
    this.deleteTokensOfStmt = db.prepare('DELETE FROM organiser_tokens WHERE organiser_id = ?')
    this.deleteSetupTokensStmt = db.prepare("DELETE FROM organiser_tokens WHERE purpose = 'setup'")
    this.pruneTokensStmt = db.prepare('DELETE FROM organiser_tokens WHERE expires_at <= ?')
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0
  }

  byEmail(email: string): OrganiserRow | undefined {
    const raw = this.byEmailStmt.get(normaliseEmail(email))
    return raw ? toRow(raw) : undefined
  }

  byId(id: string): OrganiserRow | undefined {
    const raw = this.byIdStmt.get(id)
    return raw ? toRow(raw) : undefined
  }

  list(): OrganiserRow[] {
    return this.listStmt.all().map(toRow)
  }

  /** A new organiser; throws if the e-mail is taken. */
  create(email: string, passwordHash: string | null, now = Date.now()): OrganiserRow {
    const row: OrganiserRow = { id: randomBytes(12).toString('base64url'), email: normaliseEmail(email), passwordHash, createdAt: now, lastSignInAt: null }
    this.insertStmt.run(row.id, row.email, passwordHash, now)
    return row
  }

  /** The organiser with this e-mail, created (without a password) if there is none. */
  ensure(email: string, now = Date.now()): OrganiserRow {
    return this.byEmail(email) ?? this.create(email, null, now)
  }

  setPassword(id: string, passwordHash: string): void {
    this.setPasswordStmt.run(passwordHash, id)
  }

  markSignedIn(id: string, now = Date.now()): void {
    this.signedInStmt.run(now, id)
  }

  /** Removes the account; its sessions, links and session keys go with it (foreign keys). */
  delete(id: string): void {
    this.deleteStmt.run(id)
  }

  addToken(tokenHash: string, purpose: TokenPurpose, organiserId: string | null, expiresAt: number, now = Date.now()): void {
    this.insertTokenStmt.run(tokenHash, purpose, organiserId, now, expiresAt)
  }

  /** The live token with this hash; an expired one is removed and not returned. */
  token(tokenHash: string, now = Date.now()): TokenRow | undefined {
    const raw = this.tokenStmt.get(tokenHash)
    if (!raw) return undefined
    if (raw.expires_at <= now) {
      this.deleteTokenStmt.run(tokenHash)
      return undefined
    }
    return { purpose: raw.purpose, organiserId: raw.organiser_id, expiresAt: raw.expires_at }
  }

  deleteToken(tokenHash: string): void {
    this.deleteTokenStmt.run(tokenHash)
  }

  deleteTokensOf(organiserId: string): void {
    this.deleteTokensOfStmt.run(organiserId)
  }

  deleteSetupTokens(): void {
    this.deleteSetupTokensStmt.run()
  }

  pruneTokens(now = Date.now()): void {
    this.pruneTokensStmt.run(now)
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }
}
