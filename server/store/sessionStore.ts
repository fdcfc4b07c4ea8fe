import type { Db } from './database'

/** How an organiser signed in. */
export type SignInMethod = 'password' | 'oidc'

export interface SessionRow {
  idHash: string
  organiserId: string
  email: string
  via: SignInMethod
  createdAt: number
  expiresAt: number
}

/** Signed-in organisers. The cookie holds a random id; only its SHA-256 is stored. */
export class SessionStore {
  private readonly insertStmt
  private readonly getStmt
  private readonly deleteStmt
  private readonly deleteOfStmt
  private readonly pruneStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO sessions (id_hash, organiser_id, via, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    this.getStmt = db.prepare<[string], { id_hash: string; organiser_id: string; email: string; via: SignInMethod; created_at: number; expires_at: number }>(
      `SELECT s.id_hash, s.organiser_id, o.email, s.via, s.created_at, s.expires_at
       FROM sessions s JOIN organisers o ON o.id = s.organiser_id WHERE s.id_hash = ?`,
    )
    this.deleteStmt = db.prepare('DELETE FROM sessions WHERE id_hash = ?')
    this.deleteOfStmt = db.prepare('DELETE FROM sessions WHERE organiser_id = ?')
    this.pruneStmt = db.prepare('DELETE FROM sessions WHERE expires_at <= ?')
  }

  create(idHash: string, organiserId: string, via: SignInMethod, expiresAt: number, now = Date.now()): void {
    this.insertStmt.run(idHash, organiserId, via, now, expiresAt)
  }

  /** The live session with this hash; an expired one is removed (with its facilitator keys) and not returned. */
  get(idHash: string, now = Date.now()): SessionRow | undefined {
    const raw = this.getStmt.get(idHash)
    if (!raw) return undefined
    if (raw.expires_at <= now) {
      this.deleteStmt.run(idHash)
      return undefined
    }
    return { idHash: raw.id_hash, organiserId: raw.organiser_id, email: raw.email, via: raw.via, createdAt: raw.created_at, expiresAt: raw.expires_at }
  }

  delete(idHash: string): void {
    this.deleteStmt.run(idHash)
  }

  deleteAllOf(organiserId: string): void {
    this.deleteOfStmt.run(organiserId)
  }

  /** Removes expired sessions; returns how many. */
  prune(now = Date.now()): number {
    return this.pruneStmt.run(now).changes
  }
}
