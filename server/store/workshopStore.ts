import type { Db } from './database'
import type { OrganiserKey } from './workshopAccessStore'

export interface WorkshopSettings {
  anonymous?: boolean
  personaId?: string
}

/** The keys of the programme a workshop belongs to: they open it too, with the same roles (server/auth/roles.ts). */
export interface ProgrammeKeys {
  id: string
  facilitatorKeyHash: string
  participantKeyHash: string
}

export interface WorkshopRow {
  id: string
  method: string
  title: string
  createdAt: number
  facilitatorKeyHash: string
  participantKeyHash: string
  settings: WorkshopSettings
  /** Facilitator keys of organisers' sessions ("Öppna som processledare"), besides the shared facilitator link. */
  organiserKeys: OrganiserKey[]
  /** Null for a workshop of its own. */
  programme: ProgrammeKeys | null
}

interface RawRow {
  id: string
  method: string
  title: string
  created_at: number
  facilitator_key_hash: string
  participant_key_hash: string
  settings: string
  programme_id: string | null
  programme_facilitator_key_hash: string | null
  programme_participant_key_hash: string | null
}

export class WorkshopStore {
  private readonly insertStmt
  private readonly getStmt
  private readonly setParticipantStmt
  private readonly setFacilitatorStmt
  private readonly organiserKeysStmt
  private readonly setSettingsStmt
  private readonly deleteStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO workshops (id, method, title, created_at, facilitator_key_hash, participant_key_hash, settings)
       VALUES (@id, @method, @title, @createdAt, @facilitatorKeyHash, @participantKeyHash, @settings)`,
    )
    this.getStmt = db.prepare<[string], RawRow>(
      `SELECT w.*, p.id AS programme_id, p.facilitator_key_hash AS programme_facilitator_key_hash, p.participant_key_hash AS programme_participant_key_hash
       FROM workshops w
       LEFT JOIN programme_workshops pw ON pw.workshop_id = w.id
       LEFT JOIN programmes p ON p.id = pw.programme_id
       WHERE w.id = ?`,
    )
    this.setParticipantStmt = db.prepare('UPDATE workshops SET participant_key_hash = ? WHERE id = ?')
    this.setFacilitatorStmt = db.prepare('UPDATE workshops SET facilitator_key_hash = ? WHERE id = ?')
    this.organiserKeysStmt = db.prepare<[string], OrganiserKey>('SELECT key_hash AS hash, email FROM organiser_keys WHERE workshop_id = ?')
    this.setSettingsStmt = db.prepare('UPDATE workshops SET settings = ? WHERE id = ?')
    this.deleteStmt = db.prepare('DELETE FROM workshops WHERE id = ?')
  }

  insert(row: Omit<WorkshopRow, 'organiserKeys' | 'programme'>): void {
    this.insertStmt.run({ ...row, settings: JSON.stringify(row.settings) })
  }

  get(id: string): WorkshopRow | undefined {
    const raw = this.getStmt.get(id)
    if (!raw) return undefined
    return {
      id: raw.id,
      method: raw.method,
      title: raw.title,
      createdAt: raw.created_at,
      facilitatorKeyHash: raw.facilitator_key_hash,
      participantKeyHash: raw.participant_key_hash,
      settings: JSON.parse(raw.settings) as WorkshopSettings,
      organiserKeys: this.organiserKeysStmt.all(id),
      programme:
        raw.programme_id && raw.programme_facilitator_key_hash && raw.programme_participant_key_hash
          ? { id: raw.programme_id, facilitatorKeyHash: raw.programme_facilitator_key_hash, participantKeyHash: raw.programme_participant_key_hash }
          : null,
    }
  }

  setParticipantKeyHash(id: string, hash: string): void {
    this.setParticipantStmt.run(hash, id)
  }

  setFacilitatorKeyHash(id: string, hash: string): void {
    this.setFacilitatorStmt.run(hash, id)
  }

  setSettings(id: string, settings: WorkshopSettings): void {
    this.setSettingsStmt.run(JSON.stringify(settings), id)
  }

  delete(id: string): void {
    this.deleteStmt.run(id)
  }
}
