import type { Answers, Round } from '../../workshops/evaluation/answers'
import type { EvaluationQuestion } from '../../workshops/evaluation/questions'
import type { Db } from '../store/database'

export interface EvaluationRow {
  workshopId: string
  /** The questions as asked, kept from the first opening: the follow-up asks the same. */
  questions: EvaluationQuestion[]
  status: 'open' | 'closed'
  openedAt: number
  closedAt: number | null
  linkKeyHash: string
  linkKeySealed: string
  followUp: {
    date: string
    opensAt: number
    closedAt: number | null
    keyHash: string
    keySealed: string
  } | null
}

interface Raw {
  workshop_id: string
  questions: string
  status: 'open' | 'closed'
  opened_at: number
  closed_at: number | null
  link_key_hash: string
  link_key_sealed: string
  follow_up_date: string | null
  follow_up_opens_at: number | null
  follow_up_closed_at: number | null
  follow_up_key_hash: string | null
  follow_up_key_sealed: string | null
}

function fromRaw(r: Raw): EvaluationRow {
  return {
    workshopId: r.workshop_id,
    questions: JSON.parse(r.questions) as EvaluationQuestion[],
    status: r.status,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    linkKeyHash: r.link_key_hash,
    linkKeySealed: r.link_key_sealed,
    followUp:
      r.follow_up_date !== null && r.follow_up_opens_at !== null && r.follow_up_key_hash !== null && r.follow_up_key_sealed !== null
        ? { date: r.follow_up_date, opensAt: r.follow_up_opens_at, closedAt: r.follow_up_closed_at, keyHash: r.follow_up_key_hash, keySealed: r.follow_up_key_sealed }
        : null,
  }
}

/**
 * The evaluation in SQLite: one per workshop, the response tokens the server
 * issued (hashes), and one row of answers per token. Nothing here names a
 * person: no key, seat, address, user id or time goes with a token or a
 * response. Deleting the workshop deletes all three (ON DELETE CASCADE).
 */
export class EvaluationStore {
  private readonly getStmt
  private readonly insertStmt
  private readonly statusStmt
  private readonly followUpStmt
  private readonly followUpClosedStmt
  private readonly issueStmt
  private readonly hasTokenStmt
  private readonly tokensStmt
  private readonly upsertStmt
  private readonly responseStmt
  private readonly responsesStmt
  private readonly countStmt

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], Raw>('SELECT * FROM evaluations WHERE workshop_id = ?')
    this.insertStmt = db.prepare(
      `INSERT INTO evaluations (workshop_id, questions, status, opened_at, link_key_hash, link_key_sealed)
       VALUES (@workshopId, @questions, 'open', @openedAt, @keyHash, @keySealed)`,
    )
    this.statusStmt = db.prepare('UPDATE evaluations SET status = @status, closed_at = @closedAt WHERE workshop_id = @workshopId')
    this.followUpStmt = db.prepare(
      `UPDATE evaluations SET follow_up_date = @date, follow_up_opens_at = @opensAt, follow_up_closed_at = NULL,
         follow_up_key_hash = COALESCE(follow_up_key_hash, @keyHash), follow_up_key_sealed = COALESCE(follow_up_key_sealed, @keySealed)
       WHERE workshop_id = @workshopId`,
    )
    this.followUpClosedStmt = db.prepare('UPDATE evaluations SET follow_up_closed_at = ? WHERE workshop_id = ?')
    this.issueStmt = db.prepare('INSERT INTO evaluation_tokens (workshop_id, round, token_hash) VALUES (?, ?, ?)')
    this.hasTokenStmt = db.prepare<[string, string, string], { one: number }>(
      'SELECT 1 AS one FROM evaluation_tokens WHERE workshop_id = ? AND round = ? AND token_hash = ?',
    )
    this.tokensStmt = db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM evaluation_tokens WHERE workshop_id = ? AND round = ?')
    this.upsertStmt = db.prepare(
      `INSERT INTO evaluation_responses (workshop_id, round, token_hash, answers) VALUES (?, ?, ?, ?)
       ON CONFLICT (workshop_id, round, token_hash) DO UPDATE SET answers = excluded.answers`,
    )
    this.responseStmt = db.prepare<[string, string, string], { answers: string }>(
      'SELECT answers FROM evaluation_responses WHERE workshop_id = ? AND round = ? AND token_hash = ?',
    )
    this.responsesStmt = db.prepare<[string, string], { answers: string }>(
      'SELECT answers FROM evaluation_responses WHERE workshop_id = ? AND round = ?',
    )
    this.countStmt = db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM evaluation_responses WHERE workshop_id = ? AND round = ?')
  }

  get(workshopId: string): EvaluationRow | null {
    const raw = this.getStmt.get(workshopId)
    return raw ? fromRaw(raw) : null
  }

  create(workshopId: string, questions: readonly EvaluationQuestion[], openedAt: number, keyHash: string, keySealed: string): void {
    this.insertStmt.run({ workshopId, questions: JSON.stringify(questions), openedAt, keyHash, keySealed })
  }

  setStatus(workshopId: string, status: 'open' | 'closed', closedAt: number | null): void {
    this.statusStmt.run({ workshopId, status, closedAt })
  }

  /** Sets (or moves) the follow-up; its link's key is made once and kept when the date moves. */
  setFollowUp(workshopId: string, date: string, opensAt: number, keyHash: string, keySealed: string): void {
    this.followUpStmt.run({ workshopId, date, opensAt, keyHash, keySealed })
  }

  setFollowUpClosed(workshopId: string, closedAt: number | null): void {
    this.followUpClosedStmt.run(closedAt, workshopId)
  }

  issueToken(workshopId: string, round: Round, tokenHash: string): void {
    this.issueStmt.run(workshopId, round, tokenHash)
  }

  hasToken(workshopId: string, round: Round, tokenHash: string): boolean {
    return this.hasTokenStmt.get(workshopId, round, tokenHash) !== undefined
  }

  tokensIssued(workshopId: string, round: Round): number {
    return this.tokensStmt.get(workshopId, round)!.n
  }

  /** Stores a token's answers; true when they replaced earlier ones. One transaction: a replace never adds. */
  putResponse(workshopId: string, round: Round, tokenHash: string, answers: Answers): boolean {
    return this.db.transaction(() => {
      const existed = this.responseStmt.get(workshopId, round, tokenHash) !== undefined
      this.upsertStmt.run(workshopId, round, tokenHash, JSON.stringify(answers))
      return existed
    })()
  }

  responseOf(workshopId: string, round: Round, tokenHash: string): Answers | null {
    const row = this.responseStmt.get(workshopId, round, tokenHash)
    return row ? (JSON.parse(row.answers) as Answers) : null
  }

  responses(workshopId: string, round: Round): Answers[] {
    return this.responsesStmt.all(workshopId, round).map((r) => JSON.parse(r.answers) as Answers)
  }

  responseCount(workshopId: string, round: Round): number {
    return this.countStmt.get(workshopId, round)!.n
  }
}
