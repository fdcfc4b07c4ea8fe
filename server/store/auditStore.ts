import type { Db } from './database'

/** What happened to a workshop. */
export type AuditAction =
  | 'created'
  | 'imported'
  | 'opened'
  | 'exported'
  | 'link-replaced'
  | 'deleted'
  | 'organiser-added'
  | 'organiser-removed'

/**
 * Who did it: an organiser (signed in, or through their own facilitator
 * key), a script with ADMIN_TOKEN, someone holding a workshop link (a key
 * role, never a name), or the server itself (retention).
 */
export type Actor =
  | { kind: 'organiser'; email: string }
  | { kind: 'admin-token' }
  | { kind: 'facilitator-link' }
  | { kind: 'participant-link' }
  | { kind: 'system' }

export interface AuditEntry {
  at: number
  workshopId: string | null
  action: AuditAction
  actor: Actor
  /** A format, a link kind, an invited e-mail, "retention": never card text or titles. */
  detail: string | null
}

interface Raw {
  at: number
  workshop_id: string | null
  action: AuditAction
  actor_kind: Actor['kind']
  actor_email: string | null
  detail: string | null
}

function actorOf(raw: Raw): Actor {
  if (raw.actor_kind === 'organiser') return { kind: 'organiser', email: raw.actor_email ?? '' }
  return { kind: raw.actor_kind } as Actor
}

/**
 * The audit log: who did what to which workshop, and when. Entries outlive
 * the workshop (its deletion is an entry too) and are pruned by age with the
 * same retention as workshops.
 */
export class AuditStore {
  private readonly insertStmt
  private readonly lastStmt
  private readonly ofWorkshopStmt
  private readonly pruneStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (at, workshop_id, action, actor_kind, actor_email, detail) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.lastStmt = db.prepare<[string], Raw>('SELECT * FROM audit_log WHERE workshop_id = ? ORDER BY seq DESC LIMIT 1')
    this.ofWorkshopStmt = db.prepare<[string, number], Raw>('SELECT * FROM audit_log WHERE workshop_id = ? ORDER BY seq DESC LIMIT ?')
    this.pruneStmt = db.prepare('DELETE FROM audit_log WHERE at < ?')
  }

  /**
   * Adds an entry. With `coalesceMs`, an entry that repeats the workshop's
   * last one (same action, actor and detail) within that time is not added
   * again: a facilitator reloading the board is one "opened", not twenty.
   */
  record(workshopId: string | null, action: AuditAction, actor: Actor, detail: string | null = null, opts: { coalesceMs?: number; now?: number } = {}): void {
    const now = opts.now ?? Date.now()
    const email = actor.kind === 'organiser' ? actor.email : null
    if (opts.coalesceMs && workshopId) {
      const last = this.lastStmt.get(workshopId)
      if (last && last.action === action && last.actor_kind === actor.kind && last.actor_email === email && last.detail === detail && now - last.at < opts.coalesceMs) return
    }
    this.insertStmt.run(now, workshopId, action, actor.kind, email, detail)
  }

  /** The workshop's entries, newest first. */
  ofWorkshop(workshopId: string, limit = 200): AuditEntry[] {
    return this.ofWorkshopStmt.all(workshopId, limit).map((raw) => ({
      at: raw.at,
      workshopId: raw.workshop_id,
      action: raw.action,
      actor: actorOf(raw),
      detail: raw.detail,
    }))
  }

  /** Drops entries older than `before`; returns how many. */
  prune(before: number): number {
    return this.pruneStmt.run(before).changes
  }
}
