import { randomBytes } from 'node:crypto'
import type { Db } from './database'

/**
 * Secrets the server makes for itself on first use and keeps in its
 * database (so they survive restarts and go with a backup), e.g. the key that
 * signs seats. Never sent anywhere.
 */
export class ServerSecrets {
  private readonly getStmt
  private readonly insertStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: Buffer }>('SELECT value FROM server_secrets WHERE name = ?')
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO server_secrets (name, value, created_at) VALUES (?, ?, ?)')
  }

  /** The secret `name` (32 random bytes), made the first time it is asked for. */
  get(name: string): Buffer {
    const found = this.getStmt.get(name)
    if (found) return found.value
    this.insertStmt.run(name, randomBytes(32), Date.now())
    return this.getStmt.get(name)!.value
  }
}
