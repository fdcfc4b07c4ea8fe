import * as Y from 'yjs'
import type { Db } from './database'

/**
 * Durable Yjs documents: an append-only log of updates per document, folded
 * into one state row by compact(). Every method is synchronous, so an update
 * is on disk before the caller goes on to relay it.
 */
export interface DocStoreOptions {
  /**
   * Brings a loaded document to the current layout (workshops/doc/upgradeBoard.ts);
   * what it changes is stored at once, so every reader after it sees the same.
   */
  upgrade?: (name: string, ydoc: Y.Doc) => void
}

export class DocStore {
  private readonly appendStmt
  private readonly updatesStmt
  private readonly stateStmt
  private readonly upsertStateStmt
  private readonly trimStmt
  private readonly countStmt
  private readonly deleteUpdatesStmt
  private readonly deleteStateStmt

  constructor(
    private readonly db: Db,
    private readonly options: DocStoreOptions = {},
  ) {
    this.appendStmt = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)')
    this.updatesStmt = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq',
    )
    this.stateStmt = db.prepare<[string], { state: Buffer }>('SELECT state FROM doc_states WHERE doc = ?')
    this.upsertStateStmt = db.prepare(
      `INSERT INTO doc_states (doc, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (doc) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    )
    this.trimStmt = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?')
    this.countStmt = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?')
    // substr, not LIKE: ids are base64url and '_' is a LIKE wildcard.
    const ofWorkshop = 'doc = @prefix OR substr(doc, 1, length(@prefix) + 1) = @prefix || \'/\''
    this.deleteUpdatesStmt = db.prepare(`DELETE FROM doc_updates WHERE ${ofWorkshop}`)
    this.deleteStateStmt = db.prepare(`DELETE FROM doc_states WHERE ${ofWorkshop}`)
  }

  /** Appends one update; returns its sequence number. Throws when the store cannot write. */
  append(doc: string, update: Uint8Array): number {
    return Number(this.appendStmt.run(doc, update).lastInsertRowid)
  }

  /** Builds the stored document: the compacted state, then every update after it. */
  load(doc: string): { ydoc: Y.Doc; lastSeq: number; pendingUpdates: number } {
    const ydoc = new Y.Doc({ gc: true })
    const state = this.stateStmt.get(doc)
    if (state) Y.applyUpdate(ydoc, state.state)
    let lastSeq = 0
    let pendingUpdates = 0
    for (const row of this.updatesStmt.iterate(doc)) {
      Y.applyUpdate(ydoc, row.data)
      lastSeq = row.seq
      pendingUpdates++
    }
    if (this.options.upgrade) {
      const made: Uint8Array[] = []
      const keep = (update: Uint8Array) => made.push(update)
      ydoc.on('update', keep)
      try {
        this.options.upgrade(doc, ydoc)
      } finally {
        ydoc.off('update', keep)
      }
      for (const update of made) {
        lastSeq = this.append(doc, update)
        pendingUpdates++
      }
    }
    return { ydoc, lastSeq, pendingUpdates }
  }

  /** Stores `ydoc` as the state row and drops the log up to `uptoSeq`, in one transaction. */
  compact(doc: string, ydoc: Y.Doc, uptoSeq: number): void {
    const state = Y.encodeStateAsUpdate(ydoc)
    this.db.transaction(() => {
      this.upsertStateStmt.run(doc, state, Date.now())
      this.trimStmt.run(doc, uptoSeq)
    })()
  }

  /** Writes a whole new document (used when a workshop is created or imported). */
  create(doc: string, ydoc: Y.Doc): void {
    this.createFromUpdate(doc, Y.encodeStateAsUpdate(ydoc))
  }

  /** The same from an encoded update (an import builds the board in a worker thread and sends the rest as appended updates). */
  createFromUpdate(doc: string, update: Uint8Array): void {
    this.upsertStateStmt.run(doc, update, Date.now())
  }

  updateCount(doc: string): number {
    return this.countStmt.get(doc)?.n ?? 0
  }

  /** Removes a workshop's documents for good: `prefix` and every `prefix/…` document. */
  deleteAll(prefix: string): void {
    this.db.transaction(() => {
      this.deleteUpdatesStmt.run({ prefix })
      this.deleteStateStmt.run({ prefix })
    })()
  }
}
