import type { Log } from '../log'
import type { AuditStore } from '../store/auditStore'
import type { OrganiserStore } from '../store/organiserStore'
import type { SessionStore } from '../store/sessionStore'
import type { WorkshopAccessStore } from '../store/workshopAccessStore'
import type { WorkshopService } from './workshopService'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/** RETENTION_DAYS in milliseconds; null when workshops are kept for ever (0). */
export function retentionMs(days: number): number | null {
  return days > 0 ? days * DAY_MS : null
}

/**
 * Deletes workshops that nobody has used for RETENTION_DAYS, for good, as
 * DELETE /api/workshops/<id> does, and clears expired sessions, links and
 * audit entries older than the same period. Runs at start and then every
 * hour (more often with a retention shorter than ten hours, for tests).
 */
export class Retention {
  private timer: NodeJS.Timeout | null = null
  private readonly keepMs: number | null

  constructor(
    days: number,
    private readonly deps: {
      access: WorkshopAccessStore
      workshops: WorkshopService
      audit: AuditStore
      sessions: SessionStore
      organisers: OrganiserStore
      log: Log
    },
  ) {
    this.keepMs = retentionMs(days)
  }

  /** When a workshop last active at `lastActivityAt` will be deleted; null when workshops are kept for ever. */
  deletesAt(lastActivityAt: number): number | null {
    return this.keepMs === null ? null : lastActivityAt + this.keepMs
  }

  start(): void {
    this.sweep()
    const every = this.keepMs === null ? HOUR_MS : Math.min(HOUR_MS, Math.max(1000, this.keepMs / 10))
    this.timer = setInterval(() => this.sweep(), every)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** One pass; returns the ids of the workshops it deleted. */
  sweep(now = Date.now()): string[] {
    const { access, workshops, audit, sessions, organisers, log } = this.deps
    const deleted: string[] = []
    try {
      sessions.prune(now)
      organisers.pruneTokens(now)
      if (this.keepMs === null) return deleted
      deleted.push(...access.idleSince(now - this.keepMs))
      workshops.deleteMany(deleted)
      for (const id of deleted) audit.record(id, 'deleted', { kind: 'system' }, 'retention', { now })
      audit.prune(now - this.keepMs)
      if (deleted.length > 0) log.info({ workshops: deleted.length }, 'deleted workshops without activity for RETENTION_DAYS')
    } catch (error) {
      log.error({ err: error }, 'retention pass failed; it is tried again at the next pass')
    }
    return deleted
  }
}
