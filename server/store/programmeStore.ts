import type { Db } from './database'
import type { WorkshopSettings } from './workshopStore'

export interface ProgrammeRow {
  id: string
  /** The programme method it was made from ("kupo"). */
  method: string
  title: string
  createdAt: number
  facilitatorKeyHash: string
  participantKeyHash: string
  participantKeySealed: string | null
  settings: WorkshopSettings
}

/** A workshop's place in its programme, and when it was first given what it takes from the earlier ones. */
export interface ProgrammePlace {
  programmeId: string
  workshopId: string
  position: number
  carriedAt: number | null
}

interface RawProgramme {
  id: string
  method: string
  title: string
  created_at: number
  facilitator_key_hash: string
  participant_key_hash: string
  participant_key_sealed: string | null
  settings: string
}

interface RawPlace {
  programme_id: string
  workshop_id: string
  position: number
  carried_at: number | null
}

const toRow = (r: RawProgramme): ProgrammeRow => ({
  id: r.id,
  method: r.method,
  title: r.title,
  createdAt: r.created_at,
  facilitatorKeyHash: r.facilitator_key_hash,
  participantKeyHash: r.participant_key_hash,
  participantKeySealed: r.participant_key_sealed,
  settings: JSON.parse(r.settings) as WorkshopSettings,
})

const toPlace = (r: RawPlace): ProgrammePlace => ({ programmeId: r.programme_id, workshopId: r.workshop_id, position: r.position, carriedAt: r.carried_at })

/**
 * Programmes, which workshops are in each (and in what order), who
 * organises them, and which earlier cards each workshop was given (by id:
 * the text is on the boards). Rows go with their workshops (ON DELETE
 * CASCADE); a programme left without workshops goes too (deleteEmpty).
 */
export class ProgrammeStore {
  private readonly insertStmt
  private readonly getStmt
  private readonly addWorkshopStmt
  private readonly placesStmt
  private readonly placeStmt
  private readonly carriedAtStmt
  private readonly addOrganiserStmt
  private readonly isOrganiserStmt
  private readonly listOfStmt
  private readonly listAllStmt
  private readonly carriedStmt
  private readonly addCarriedStmt
  private readonly deleteEmptyStmt
  private readonly setSealedStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO programmes (id, method, title, created_at, facilitator_key_hash, participant_key_hash, participant_key_sealed, settings)
       VALUES (@id, @method, @title, @createdAt, @facilitatorKeyHash, @participantKeyHash, @participantKeySealed, @settings)`,
    )
    this.getStmt = db.prepare<[string], RawProgramme>('SELECT * FROM programmes WHERE id = ?')
    this.addWorkshopStmt = db.prepare('INSERT INTO programme_workshops (workshop_id, programme_id, position) VALUES (?, ?, ?)')
    this.placesStmt = db.prepare<[string], RawPlace>('SELECT * FROM programme_workshops WHERE programme_id = ? ORDER BY position')
    this.placeStmt = db.prepare<[string], RawPlace>('SELECT * FROM programme_workshops WHERE workshop_id = ?')
    this.carriedAtStmt = db.prepare('UPDATE programme_workshops SET carried_at = ? WHERE workshop_id = ?')
    this.addOrganiserStmt = db.prepare('INSERT INTO programme_organisers (programme_id, email) VALUES (?, ?) ON CONFLICT DO NOTHING')
    this.isOrganiserStmt = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM programme_organisers WHERE programme_id = ? AND email = ?')
    this.listOfStmt = db.prepare<[string], RawProgramme>(
      'SELECT p.* FROM programmes p JOIN programme_organisers o ON o.programme_id = p.id WHERE o.email = ? ORDER BY p.created_at DESC',
    )
    this.listAllStmt = db.prepare<[], RawProgramme>('SELECT * FROM programmes ORDER BY created_at DESC')
    this.carriedStmt = db.prepare<[string], { origin: string }>('SELECT origin FROM carried_cards WHERE workshop_id = ?')
    this.addCarriedStmt = db.prepare('INSERT INTO carried_cards (workshop_id, origin) VALUES (?, ?) ON CONFLICT DO NOTHING')
    this.deleteEmptyStmt = db.prepare('DELETE FROM programmes WHERE NOT EXISTS (SELECT 1 FROM programme_workshops w WHERE w.programme_id = programmes.id)')
    this.setSealedStmt = db.prepare('UPDATE programmes SET participant_key_sealed = ? WHERE id = ?')
  }

  insert(row: ProgrammeRow): void {
    this.insertStmt.run({ ...row, settings: JSON.stringify(row.settings) })
  }

  get(id: string): ProgrammeRow | undefined {
    const raw = this.getStmt.get(id)
    return raw ? toRow(raw) : undefined
  }

  setSealedParticipantKey(id: string, sealed: string): void {
    this.setSealedStmt.run(sealed, id)
  }

  addWorkshop(programmeId: string, workshopId: string, position: number): void {
    this.addWorkshopStmt.run(workshopId, programmeId, position)
  }

  /** The programme's workshops in order. */
  places(programmeId: string): ProgrammePlace[] {
    return this.placesStmt.all(programmeId).map(toPlace)
  }

  /** Where a workshop sits in its programme; undefined for a workshop of its own. */
  placeOf(workshopId: string): ProgrammePlace | undefined {
    const raw = this.placeStmt.get(workshopId)
    return raw ? toPlace(raw) : undefined
  }

  markCarried(workshopId: string, at = Date.now()): void {
    this.carriedAtStmt.run(at, workshopId)
  }

  addOrganiser(programmeId: string, email: string): void {
    this.addOrganiserStmt.run(programmeId, email)
  }

  isOrganiser(programmeId: string, email: string): boolean {
    return this.isOrganiserStmt.get(programmeId, email) !== undefined
  }

  listOf(email: string): ProgrammeRow[] {
    return this.listOfStmt.all(email).map(toRow)
  }

  listAll(): ProgrammeRow[] {
    return this.listAllStmt.all().map(toRow)
  }

  /** "<workshop>|<card>" of every earlier card the workshop was given. */
  carriedInto(workshopId: string): Set<string> {
    return new Set(this.carriedStmt.all(workshopId).map((r) => r.origin))
  }

  addCarried(workshopId: string, origins: readonly string[]): void {
    this.db.transaction(() => {
      for (const origin of origins) this.addCarriedStmt.run(workshopId, origin)
    })()
  }

  /** Removes programmes none of whose workshops is left (called where workshops are deleted, in the same transaction). */
  deleteEmpty(): void {
    this.deleteEmptyStmt.run()
  }
}
