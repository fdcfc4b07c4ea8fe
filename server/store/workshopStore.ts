import type { Db } from './database'

export interface WorkshopSettings {
  anonymous?: boolean
  personaId?: string
}

export interface WorkshopRow {
  id: string
  method: string
  title: string
  createdAt: number
  facilitatorKeyHash: string
  participantKeyHash: string
  settings: WorkshopSettings
}

interface RawRow {
  id: string
  method: string
  title: string
  created_at: number
  facilitator_key_hash: string
  participant_key_hash: string
  settings: string
}

export class WorkshopStore {
  private readonly insertStmt
  private readonly getStmt
  private readonly setParticipantStmt
  private readonly setSettingsStmt
  private readonly deleteStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO workshops (id, method, title, created_at, facilitator_key_hash, participant_key_hash, settings)
       VALUES (@id, @method, @title, @createdAt, @facilitatorKeyHash, @participantKeyHash, @settings)`,
    )
    this.getStmt = db.prepare<[string], RawRow>('SELECT * FROM workshops WHERE id = ?')
    this.setParticipantStmt = db.prepare('UPDATE workshops SET participant_key_hash = ? WHERE id = ?')
    this.setSettingsStmt = db.prepare('UPDATE workshops SET settings = ? WHERE id = ?')
    this.deleteStmt = db.prepare('DELETE FROM workshops WHERE id = ?')
  }

  insert(row: WorkshopRow): void {
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
    }
  }

  setParticipantKeyHash(id: string, hash: string): void {
    this.setParticipantStmt.run(hash, id)
  }

  setSettings(id: string, settings: WorkshopSettings): void {
    this.setSettingsStmt.run(JSON.stringify(settings), id)
  }

  delete(id: string): void {
    this.deleteStmt.run(id)
  }
}
