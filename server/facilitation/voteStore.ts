import type { Db } from '../store/database'
import type { Dot, VoteRules, VoteState, VoteStatus } from '../../workshops/facilitation/votes'

export interface StoredVote extends VoteState {
  /** Dots per card, frozen when the vote closed; null while open. */
  counts: Record<string, number> | null
}

interface RawVote {
  id: string
  status: VoteStatus
  rules: string
  opened_at: number
  closed_at: number | null
  counts: string | null
}

function fromRaw(raw: RawVote): StoredVote {
  const rules = JSON.parse(raw.rules) as VoteRules
  return {
    id: raw.id,
    status: raw.status,
    target: rules.target,
    dotsPerPerson: rules.dotsPerPerson,
    allowStacking: rules.allowStacking,
    openedAt: raw.opened_at,
    closedAt: raw.closed_at,
    counts: raw.counts === null ? null : (JSON.parse(raw.counts) as Record<string, number>),
  }
}

/**
 * Votes and dots in SQLite. Dots are secret until the vote closes, so they
 * live here and never in a shared document. `voter` is whatever the caller
 * passes (the service passes a hash of the browser's random id).
 */
export class VoteStore {
  private readonly insertStmt
  private readonly openStmt
  private readonly closeStmt
  private readonly closedStmt
  private readonly dotsStmt
  private readonly votersDotsStmt
  private readonly addStmt
  private readonly decrementStmt
  private readonly dropEmptyStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO votes (workshop_id, id, status, rules, opened_at) VALUES (@workshopId, @id, 'open', @rules, @openedAt)`,
    )
    this.openStmt = db.prepare<[string], RawVote>(`SELECT * FROM votes WHERE workshop_id = ? AND status = 'open'`)
    this.closeStmt = db.prepare(
      `UPDATE votes SET status = 'closed', closed_at = @closedAt, counts = @counts WHERE workshop_id = @workshopId AND id = @id`,
    )
    this.closedStmt = db.prepare<[string], RawVote>(
      `SELECT * FROM votes WHERE workshop_id = ? AND status = 'closed' ORDER BY closed_at, id`,
    )
    this.dotsStmt = db.prepare<[string, string], { voter: string; card_id: string; dots: number }>(
      'SELECT voter, card_id, dots FROM vote_dots WHERE workshop_id = ? AND vote_id = ? ORDER BY voter, card_id',
    )
    this.votersDotsStmt = db.prepare<[string, string, string], { card_id: string; dots: number }>(
      'SELECT card_id, dots FROM vote_dots WHERE workshop_id = ? AND vote_id = ? AND voter = ? ORDER BY card_id',
    )
    this.addStmt = db.prepare(
      `INSERT INTO vote_dots (workshop_id, vote_id, voter, card_id, dots) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (workshop_id, vote_id, voter, card_id) DO UPDATE SET dots = dots + 1`,
    )
    this.decrementStmt = db.prepare(
      'UPDATE vote_dots SET dots = dots - 1 WHERE workshop_id = ? AND vote_id = ? AND voter = ? AND card_id = ? AND dots > 1',
    )
    this.dropEmptyStmt = db.prepare(
      'DELETE FROM vote_dots WHERE workshop_id = ? AND vote_id = ? AND voter = ? AND card_id = ? AND dots = 1',
    )
  }

  open(workshopId: string, vote: VoteState): void {
    const rules: VoteRules = { target: vote.target, dotsPerPerson: vote.dotsPerPerson, allowStacking: vote.allowStacking }
    this.insertStmt.run({ workshopId, id: vote.id, rules: JSON.stringify(rules), openedAt: vote.openedAt })
  }

  /** Undoes open() when the vote could not be announced. */
  forget(workshopId: string, voteId: string): void {
    this.db.prepare('DELETE FROM votes WHERE workshop_id = ? AND id = ?').run(workshopId, voteId)
  }

  /** The workshop's open vote, if any (there is at most one). */
  openVote(workshopId: string): StoredVote | undefined {
    const raw = this.openStmt.get(workshopId)
    return raw && fromRaw(raw)
  }

  close(workshopId: string, voteId: string, closedAt: number, counts: Record<string, number>): void {
    this.closeStmt.run({ workshopId, id: voteId, closedAt, counts: JSON.stringify(counts) })
  }

  /** Undoes close() when the result could not be announced. */
  reopen(workshopId: string, voteId: string): void {
    this.db
      .prepare(`UPDATE votes SET status = 'open', closed_at = NULL, counts = NULL WHERE workshop_id = ? AND id = ?`)
      .run(workshopId, voteId)
  }

  closedVotes(workshopId: string): StoredVote[] {
    return this.closedStmt.all(workshopId).map(fromRaw)
  }

  /** Every dot of a vote, one entry per dot. */
  dots(workshopId: string, voteId: string): Dot[] {
    const dots: Dot[] = []
    for (const row of this.dotsStmt.iterate(workshopId, voteId)) {
      for (let i = 0; i < row.dots; i++) dots.push({ voter: row.voter, cardId: row.card_id })
    }
    return dots
  }

  /** One voter's dots in a vote, one entry per dot. */
  dotsOf(workshopId: string, voteId: string, voter: string): Dot[] {
    const dots: Dot[] = []
    for (const row of this.votersDotsStmt.iterate(workshopId, voteId, voter)) {
      for (let i = 0; i < row.dots; i++) dots.push({ voter, cardId: row.card_id })
    }
    return dots
  }

  addDot(workshopId: string, voteId: string, voter: string, cardId: string): void {
    this.addStmt.run(workshopId, voteId, voter, cardId)
  }

  removeDot(workshopId: string, voteId: string, voter: string, cardId: string): void {
    this.db.transaction(() => {
      if (this.decrementStmt.run(workshopId, voteId, voter, cardId).changes === 0) {
        this.dropEmptyStmt.run(workshopId, voteId, voter, cardId)
      }
    })()
  }
}
