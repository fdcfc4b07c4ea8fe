import { createHash, randomBytes } from 'node:crypto'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { readCards } from '../../workshops/chain/cards'
import { appendRecords, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { CONTROL_CHANNEL, PRIVATE_CHANNEL } from '../../workshops/doc/wire'
import type { MyDotsAnswer, RevealAnswer } from '../../workshops/facilitation/api'
import { isAnonymous, readAgenda, readLocks, readSettings, readVote, writeReveal, writeVote, writeVoteResult } from '../../workshops/facilitation/control'
import { boardRecordsUpdate } from '../../workshops/facilitation/docEdit'
import { planReveal, type RevealTarget } from '../../workshops/facilitation/revealCards'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { frameOfStep } from '../../workshops/templates/placeTemplates'
import {
  canCastDot,
  canRemoveDot,
  countVotes,
  dotsLeft,
  dotsOf,
  rankCounts,
  type DotRefusal,
  type VotableCard,
  type VoteResult,
  type VoteRules,
  type VoteState,
} from '../../workshops/facilitation/votes'
import { HttpError } from '../http/respond'
import type { Log } from '../log'
import type { Db } from '../store/database'
import type { WorkshopRow } from '../store/workshopStore'
import type { SyncServer } from '../sync/syncServer'
import { VoteStore } from './voteStore'

const REFUSALS: Record<DotRefusal, [number, string]> = {
  'not-a-card': [404, 'there is no such card on the board'],
  'not-in-vote': [409, 'that card is not part of this vote'],
  'no-dots-left': [409, 'you have no dots left'],
  'already-on-card': [409, 'this vote allows one dot per card'],
}

/** Voter ids are random, but only their hash is stored: the table never holds what a browser could present. */
function voterHash(voter: string): string {
  return createHash('sha256').update(voter, 'utf8').digest('hex')
}

/**
 * What the server does for facilitation beyond relaying the control
 * document: dot votes (secret until closed), the reveal of private cards,
 * and refusing participants' board edits while the board is locked.
 * Server-made edits go through SyncServer.applyServerUpdate, so they are
 * stored and relayed like a client's.
 */
export class FacilitationService {
  readonly votes: VoteStore
  private readonly privateDocsStmt

  constructor(
    db: Db,
    private readonly sync: SyncServer,
    private readonly log: Log,
    /** The method's definitions: a step may work in a template's or another step's frame (frameOfStep). */
    private readonly definitions?: { get(id: string): WorkshopDefinition | undefined },
  ) {
    this.votes = new VoteStore(db)
    // A range on the name uses the index: every "<id>/private/…" sorts between "<id>/private/" and "<id>/private0".
    this.privateDocsStmt = db.prepare<{ lo: string; hi: string }, { doc: string }>(
      `SELECT doc FROM doc_states WHERE doc >= @lo AND doc < @hi
       UNION SELECT DISTINCT doc FROM doc_updates WHERE doc >= @lo AND doc < @hi
       ORDER BY doc`,
    )
  }

  /**
   * For the sync server's guards: whether the facilitator has locked the
   * board. If the control document cannot be read, the board counts as
   * locked, so a participant's edit is refused rather than let through.
   */
  isBoardLocked = (workshopId: string): boolean => {
    try {
      return this.sync.withDoc(workshopId, CONTROL_CHANNEL, readLocks).board
    } catch (error) {
      this.log.error({ workshopId, err: error }, 'could not read the board lock; refusing participant edits')
      return true
    }
  }

  // Votes

  openVote(workshopId: string, rules: VoteRules): VoteState {
    if (this.votes.openVote(workshopId)) throw new HttpError(409, 'a vote is already open; close it first')
    if (rules.target.frameId !== undefined) {
      const frameId = rules.target.frameId
      const isFrame = this.sync.withDoc(workshopId, 'board', (doc) =>
        readBoardRecords(doc).some((r) => r.id === frameId && r.typeName === 'shape' && r.type === 'frame'),
      )
      if (!isFrame) throw new HttpError(400, `target.frameId: there is no frame ${frameId} on the board`)
    }
    const vote: VoteState = {
      id: randomBytes(9).toString('base64url'),
      status: 'open',
      target: rules.target,
      dotsPerPerson: rules.dotsPerPerson,
      allowStacking: rules.allowStacking,
      openedAt: Date.now(),
      closedAt: null,
    }
    this.votes.open(workshopId, vote)
    try {
      this.editControl(workshopId, (doc) => writeVote(doc, vote))
    } catch (error) {
      this.votes.forget(workshopId, vote.id)
      throw error
    }
    return vote
  }

  closeVote(workshopId: string): { vote: VoteState; result: VoteResult } {
    const open = this.votes.openVote(workshopId)
    if (!open) throw new HttpError(409, 'no vote is open')
    const dots = this.votes.dots(workshopId, open.id)
    const counts = countVotes(dots, open)
    const boardOrder = this.sync.withDoc(workshopId, 'board', (doc) => readCards(readBoardRecords(doc)).map((c) => c.id))
    const closedAt = Date.now()
    const { counts: _none, ...state } = open
    const vote: VoteState = { ...state, status: 'closed', closedAt }
    const result: VoteResult = {
      voteId: open.id,
      target: open.target,
      dotsPerPerson: open.dotsPerPerson,
      allowStacking: open.allowStacking,
      openedAt: open.openedAt,
      closedAt,
      counts,
      ranked: rankCounts(counts, boardOrder),
      voters: new Set(dots.map((d) => d.voter)).size,
    }
    // Not one SQL transaction: the control edit appends to the store itself and is relayed at once.
    this.votes.close(workshopId, open.id, closedAt, counts)
    try {
      this.editControl(workshopId, (doc) => {
        writeVote(doc, vote)
        writeVoteResult(doc, result)
      })
    } catch (error) {
      this.votes.reopen(workshopId, open.id)
      throw error
    }
    return { vote, result }
  }

  /** Puts or takes back one dot for `voter` in the open vote; answers only that voter's own dots. */
  castDot(workshopId: string, voter: string, cardId: string, action: 'add' | 'remove'): MyDotsAnswer {
    const vote = this.votes.openVote(workshopId)
    if (!vote) throw new HttpError(409, 'no vote is open')
    this.requireSeat(workshopId, voter)
    const hashed = voterHash(voter)
    const mine = this.votes.dotsOf(workshopId, vote.id, hashed)
    if (action === 'add') {
      const card = this.sync.withDoc(workshopId, 'board', (doc) => findCard(doc, cardId))
      const check = canCastDot(mine, hashed, cardId, vote, card)
      if (!check.ok) {
        const [status, message] = REFUSALS[check.reason]
        throw new HttpError(status, message)
      }
      this.votes.addDot(workshopId, vote.id, hashed, cardId)
    } else {
      if (!canRemoveDot(mine, hashed, cardId)) throw new HttpError(409, 'you have no dot on that card')
      this.votes.removeDot(workshopId, vote.id, hashed, cardId)
    }
    this.publishVoterCount(workshopId, vote)
    return this.myDots(workshopId, voter)
  }

  /**
   * A voter is a seat the server issued to an open board connection: made-up
   * ids, or seats whose connection is gone, get no dots.
   */
  private requireSeat(workshopId: string, voter: string): void {
    if (!this.sync.isSeatOnline(workshopId, voter)) {
      throw new HttpError(403, 'voter: not a seat of an open board connection of this workshop')
    }
  }

  /** Lets everyone see how many have voted so far ("4 av 6 har röstat"), never who or where. */
  private publishVoterCount(workshopId: string, vote: VoteState): void {
    const voters = new Set(this.votes.dots(workshopId, vote.id).map((d) => d.voter)).size
    if (this.sync.withDoc(workshopId, CONTROL_CHANNEL, readVote)?.voters === voters) return
    const { counts: _none, ...state } = vote as VoteState & { counts?: unknown }
    this.editControl(workshopId, (doc) => writeVote(doc, { ...state, voters }))
  }

  myDots(workshopId: string, voter: string): MyDotsAnswer {
    const vote = this.votes.openVote(workshopId)
    if (!vote) return { voteId: null, myDots: {}, left: 0 }
    this.requireSeat(workshopId, voter)
    const hashed = voterHash(voter)
    const mine = this.votes.dotsOf(workshopId, vote.id, hashed)
    return { voteId: vote.id, myDots: dotsOf(mine, hashed), left: dotsLeft(mine, hashed, vote) }
  }

  // Private writing

  /** Names ("<id>/private/<hash>") of every private document of a workshop that holds anything. */
  privateDocNames(workshopId: string): string[] {
    const lo = `${workshopId}/${PRIVATE_CHANNEL}/`
    const hi = `${workshopId}/${PRIVATE_CHANNEL}0`
    return this.privateDocsStmt.all({ lo, hi }).map((r) => r.doc)
  }

  /**
   * Places every private card on the board for everyone, then empties the
   * private documents. The server makes new cards of them (new ids, never
   * locked, valid, text within the limit), laid out in the current step's
   * frame, one row per person, below what the frame holds. In an anonymous
   * workshop the author is dropped.
   */
  reveal(workshop: WorkshopRow): RevealAnswer {
    const workshopId = workshop.id
    const channels = this.privateDocNames(workshopId).map((name) => name.slice(workshopId.length + 1))
    const found: Array<{ channel: string; cards: TLRecord[] }> = []
    for (const channel of channels) {
      const cards = this.sync.withDoc(workshopId, channel, (doc) => readBoardRecords(doc).filter(isCardRecord))
      if (cards.length > 0) found.push({ channel, cards })
    }
    const control = this.sync.withDoc(workshopId, CONTROL_CHANNEL, (doc) => ({ settings: readSettings(doc), stepId: readAgenda(doc).stepId }))
    const anonymous = isAnonymous(workshop.settings.anonymous === true, control.settings)
    let placed: TLRecord[] = []
    if (found.length > 0) {
      this.sync.editAsServer(workshopId, 'board', (doc) => {
        const byId = new Map(readBoardRecords(doc).map((r) => [r.id as string, r]))
        const board = { get: (id: string) => byId.get(id), values: () => byId.values() }
        const stepFrame = control.stepId ? frameOfStep(this.definitions?.get(workshop.method), control.stepId) : null
        const target = revealTarget(byId, stepFrame, found[0].cards[0])
        const plan = planReveal({ groups: found.map((f) => f.cards), target, board, anonymous })
        const frame = plan.frame && byId.get(plan.frame.id)
        const grown = frame ? [{ ...frame, props: { ...(frame as { props: object }).props, h: plan.frame!.h } } as TLRecord] : []
        placed = plan.cards
        appendRecords(doc, [...plan.cards, ...grown])
      })
      // Only empty the private documents once the board really holds the cards (the store may have refused them).
      const onBoard = this.sync.withDoc(workshopId, 'board', (doc) => new Set(readBoardRecords(doc).map((r) => r.id as string)))
      if (!placed.every((c) => onBoard.has(c.id))) throw new Error('the revealed cards did not reach the board')
      for (const { channel, cards } of found) {
        const clear = this.sync.withDoc(workshopId, channel, (doc) => boardRecordsUpdate(doc, [], cards.map((c) => c.id)))
        this.sync.applyServerUpdate(workshopId, channel, clear)
      }
    }
    this.editControl(workshopId, (doc) => writeReveal(doc, { at: Date.now(), count: placed.length }))
    this.log.info({ workshopId, cards: placed.length, authors: found.length }, 'revealed private cards')
    return { revealed: placed.length, authors: found.length }
  }

  /** A server-made edit of the control document, stored and relayed to every connection. */
  private editControl(workshopId: string, edit: (doc: Y.Doc) => void): void {
    this.sync.editAsServer(workshopId, CONTROL_CHANNEL, edit)
  }
}

function isCardRecord(record: TLRecord): boolean {
  const r = record as unknown as Record<string, unknown>
  return (
    r.typeName === 'shape' &&
    r.type === 'card' &&
    typeof r.id === 'string' &&
    r.id.startsWith('shape:') &&
    !!r.props &&
    typeof r.props === 'object'
  )
}

/**
 * Where revealed cards go: the current step's frame; else the frame the
 * first private card was written in; else the page, right of everything.
 */
function revealTarget(byId: ReadonlyMap<string, TLRecord>, stepFrame: string | null, firstCard: TLRecord | undefined): RevealTarget {
  const frameOf = (id: string | undefined) => {
    const r = id ? byId.get(id) : undefined
    return r && r.typeName === 'shape' && r.type === 'frame' ? r : undefined
  }
  const frame = frameOf(stepFrame ?? undefined) ?? frameOf((firstCard as { parentId?: string } | undefined)?.parentId)
  if (frame) {
    const { w, h } = frame.props as { w: number; h: number }
    return { frameId: frame.id, w, h }
  }
  let right = 0
  for (const r of byId.values()) if (r.typeName === 'shape' && r.parentId === BOARD_PAGE_ID) right = Math.max(right, r.x + ((r.props as { w?: number }).w ?? 0))
  return { pageId: BOARD_PAGE_ID, x: right + 80, y: 0, w: 5 * 220 + 20 }
}

function findCard(doc: Y.Doc, cardId: string): VotableCard | null {
  const card = readCards(readBoardRecords(doc)).find((c) => c.id === cardId)
  return card ? { id: card.id, kind: card.kind, frameId: card.frameId } : null
}
