import type { Db } from './database'

/** A stored activity time is renewed at most this often: one write a minute per busy workshop, not one per request. */
const TOUCH_EVERY_MS = 60_000
/** Facilitator keys one organiser's session keeps per workshop (one per open tab or device, roughly). */
const KEYS_PER_SESSION = 5

/** One workshop as "Mina workshoppar" lists it. */
export interface OrganisedWorkshop {
  id: string
  title: string
  method: string
  createdAt: number
  /** The latest of: created, any use of a link on the HTTP API, a stored board edit, an organiser's action. */
  lastActivityAt: number
  organisers: string[]
  participantKeySealed: string | null
}

export interface OrganiserKey {
  hash: string
  email: string
}

/*
 * A workshop's last activity. Board edits reach doc_states.updated_at when a
 * room is compacted (every few hundred edits, and when the last person
 * leaves); everything that goes through the HTTP API touches
 * workshop_activity. The private documents are <id>/…, found by range on
 * doc_states' key ('0' follows '/').
 */
const LAST_ACTIVITY = `MAX(
  w.created_at,
  COALESCE(a.last_activity_at, 0),
  COALESCE((SELECT d.updated_at FROM doc_states d WHERE d.doc = w.id), 0),
  COALESCE((SELECT MAX(d.updated_at) FROM doc_states d WHERE d.doc >= w.id || '/' AND d.doc < w.id || '0'), 0)
)`

const LISTED = `SELECT w.id, w.title, w.method, w.created_at, ${LAST_ACTIVITY} AS last_activity_at,
    (SELECT json_group_array(o2.email) FROM workshop_organisers o2 WHERE o2.workshop_id = w.id) AS organisers,
    l.participant_key_sealed
  FROM workshops w
  LEFT JOIN workshop_activity a ON a.workshop_id = w.id
  LEFT JOIN workshop_links l ON l.workshop_id = w.id`

interface RawListed {
  id: string
  title: string
  method: string
  created_at: number
  last_activity_at: number
  organisers: string
  participant_key_sealed: string | null
}

const toListed = (r: RawListed): OrganisedWorkshop => ({
  id: r.id,
  title: r.title,
  method: r.method,
  createdAt: r.created_at,
  lastActivityAt: r.last_activity_at,
  organisers: (JSON.parse(r.organisers) as string[]).sort(),
  participantKeySealed: r.participant_key_sealed,
})

/**
 * Who organises which workshop, the facilitator keys organisers' sessions
 * hold, the participant link kept (sealed) for "Mina workshoppar", and when
 * each workshop was last used. Every table here goes with its workshop.
 */
export class WorkshopAccessStore {
  private readonly addOrganiserStmt
  private readonly removeOrganiserStmt
  private readonly isOrganiserStmt
  private readonly organisersStmt
  private readonly removeEmailStmt
  private readonly listOfStmt
  private readonly listAllStmt
  private readonly oneStmt
  private readonly idleStmt
  private readonly addKeyStmt
  private readonly trimKeysStmt
  private readonly removeKeysOfStmt
  private readonly removeKeysOfEmailStmt
  private readonly setLinkStmt
  private readonly touchStmt

  constructor(private readonly db: Db) {
    this.addOrganiserStmt = db.prepare(
      'INSERT INTO workshop_organisers (workshop_id, email, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    )
    this.removeOrganiserStmt = db.prepare('DELETE FROM workshop_organisers WHERE workshop_id = ? AND email = ?')
    this.isOrganiserStmt = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM workshop_organisers WHERE workshop_id = ? AND email = ?')
    this.organisersStmt = db.prepare<[string], { email: string }>('SELECT email FROM workshop_organisers WHERE workshop_id = ? ORDER BY email')
    this.removeEmailStmt = db.prepare('DELETE FROM workshop_organisers WHERE email = ?')
    this.listOfStmt = db.prepare<[string], RawListed>(
      `${LISTED} WHERE w.id IN (SELECT workshop_id FROM workshop_organisers WHERE email = ?) ORDER BY last_activity_at DESC`,
    )
    this.listAllStmt = db.prepare<[], RawListed>(`${LISTED} ORDER BY last_activity_at DESC`)
    this.oneStmt = db.prepare<[string], RawListed>(`${LISTED} WHERE w.id = ?`)
    this.idleStmt = db.prepare<[number], { id: string }>(
      `SELECT id FROM (SELECT w.id, ${LAST_ACTIVITY} AS last FROM workshops w LEFT JOIN workshop_activity a ON a.workshop_id = w.id) WHERE last < ?`,
    )
    this.addKeyStmt = db.prepare('INSERT INTO organiser_keys (key_hash, workshop_id, session_hash, email, created_at) VALUES (?, ?, ?, ?, ?)')
    this.trimKeysStmt = db.prepare(
      `DELETE FROM organiser_keys WHERE workshop_id = @w AND session_hash = @s AND key_hash NOT IN
         (SELECT key_hash FROM organiser_keys WHERE workshop_id = @w AND session_hash = @s ORDER BY created_at DESC, rowid DESC LIMIT ${KEYS_PER_SESSION})`,
    )
    this.removeKeysOfStmt = db.prepare('DELETE FROM organiser_keys WHERE workshop_id = ? AND email = ?')
    this.removeKeysOfEmailStmt = db.prepare('DELETE FROM organiser_keys WHERE email = ?')
    this.setLinkStmt = db.prepare(
      `INSERT INTO workshop_links (workshop_id, participant_key_sealed) VALUES (?, ?)
       ON CONFLICT (workshop_id) DO UPDATE SET participant_key_sealed = excluded.participant_key_sealed`,
    )
    this.touchStmt = db.prepare(
      `INSERT INTO workshop_activity (workshop_id, last_activity_at) VALUES (@id, @now)
       ON CONFLICT (workshop_id) DO UPDATE SET last_activity_at = excluded.last_activity_at
       WHERE excluded.last_activity_at - workshop_activity.last_activity_at >= ${TOUCH_EVERY_MS}`,
    )
  }

  addOrganiser(workshopId: string, email: string, addedBy: string | null, now = Date.now()): void {
    this.addOrganiserStmt.run(workshopId, email, addedBy, now)
  }

  /** Takes `email` off the workshop, with the facilitator keys their sessions held for it. */
  removeOrganiser(workshopId: string, email: string): void {
    this.db.transaction(() => {
      this.removeOrganiserStmt.run(workshopId, email)
      this.removeKeysOfStmt.run(workshopId, email)
    })()
  }

  /** Takes `email` off every workshop (the account was removed). */
  removeEverywhere(email: string): void {
    this.db.transaction(() => {
      this.removeEmailStmt.run(email)
      this.removeKeysOfEmailStmt.run(email)
    })()
  }

  isOrganiser(workshopId: string, email: string): boolean {
    return this.isOrganiserStmt.get(workshopId, email) !== undefined
  }

  organisersOf(workshopId: string): string[] {
    return this.organisersStmt.all(workshopId).map((r) => r.email)
  }

  /** The workshops `email` organises, the most recently active first. */
  listOf(email: string): OrganisedWorkshop[] {
    return this.listOfStmt.all(email).map(toListed)
  }

  listAll(): OrganisedWorkshop[] {
    return this.listAllStmt.all().map(toListed)
  }

  one(workshopId: string): OrganisedWorkshop | undefined {
    const raw = this.oneStmt.get(workshopId)
    return raw ? toListed(raw) : undefined
  }

  /** Workshops with no activity since `before`. */
  idleSince(before: number): string[] {
    return this.idleStmt.all(before).map((r) => r.id)
  }

  /** Stores a facilitator key for one organiser's session; the session keeps only its latest few per workshop. */
  addOrganiserKey(keyHash: string, workshopId: string, sessionHash: string, email: string, now = Date.now()): void {
    this.db.transaction(() => {
      this.addKeyStmt.run(keyHash, workshopId, sessionHash, email, now)
      this.trimKeysStmt.run({ w: workshopId, s: sessionHash })
    })()
  }

  setSealedParticipantKey(workshopId: string, sealed: string): void {
    this.setLinkStmt.run(workshopId, sealed)
  }

  /** Marks the workshop as used now (at most one write a minute). */
  touch(workshopId: string, now = Date.now()): void {
    this.touchStmt.run({ id: workshopId, now })
  }
}
