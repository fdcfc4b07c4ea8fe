import type { Db } from '../store/database'

/** Trainings made from WS5 boards, kept while any of their session workshops exists. */
export class TrainingStore {
  private readonly insertStmt
  private readonly linkStmt
  private readonly getStmt
  private readonly deleteUnusedStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO made_trainings (id, definition, created_at) VALUES (?, ?, ?)')
    this.linkStmt = db.prepare('INSERT INTO made_training_workshops (training_id, workshop_id) VALUES (?, ?)')
    this.getStmt = db.prepare<[string], { definition: string }>('SELECT definition FROM made_trainings WHERE id = ?')
    this.deleteUnusedStmt = db.prepare('DELETE FROM made_trainings WHERE NOT EXISTS (SELECT 1 FROM made_training_workshops w WHERE w.training_id = made_trainings.id)')
  }

  insert(id: string, definition: unknown): void {
    this.insertStmt.run(id, JSON.stringify(definition), Date.now())
  }

  link(trainingId: string, workshopId: string): void {
    this.linkStmt.run(trainingId, workshopId)
  }

  get(id: string): unknown {
    const row = this.getStmt.get(id)
    return row ? JSON.parse(row.definition) : undefined
  }

  deleteUnused(): void {
    this.deleteUnusedStmt.run()
  }
}
