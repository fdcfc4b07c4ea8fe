import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { judgeRecordChange } from '../../../workshops/rules/judge'
import type { DocLimits } from '../../../workshops/rules/limits'
import type { BoardState, RecordChange } from '../../../workshops/rules/recordChange'
import type { Role } from '../../auth/roles'
import type { DocPolicy } from './docPolicy'
import { effectsOf, rootOf, rootTypes } from './effects'
import { deleteEntry, deleteItem, entriesOf, holdsValues, isLive, rightmost, type Entry, type EntryId } from './entries'
import { jsonBytes, RecordIndex } from './recordIndex'
import { RefusalSet } from './refusalSet'

/** Who made an edit: a connection with its role, or the server itself (reveal, import, carry-over). */
export type Writer = Role | 'server'

export interface GuardDeps {
  workshopId: string
  limits: DocLimits
  /** Whether the facilitator has locked the board; asked only when a participant's edit changes records. */
  boardLocked: () => boolean
}

const sameEntry = (a: EntryId | undefined, b: EntryId | undefined) => !!a && !!b && a.client === b.client && a.clock === b.clock

/**
 * The one place that decides what of an update may stay in a document. It
 * runs inside the transaction that applied the update, reads what the
 * transaction changed (records added, changed, removed; anything on other
 * roots), judges each changed record with the method's rules, and takes back
 * what is refused in the same transaction: refused new entries are deleted,
 * a refused deletion is written again. So every client, the sender included,
 * converges on the judged state, and nothing refused is stored or relayed in
 * readable form. The cost is proportional to what the update changed.
 */
export class DocGuard {
  private index: RecordIndex | null = null
  private readonly recordsRoot: string | null

  constructor(
    private readonly doc: Y.Doc,
    private readonly policy: DocPolicy,
    private readonly deps: GuardDeps,
  ) {
    this.recordsRoot = Object.entries(policy.roots).find(([, r]) => r.kind === 'records')?.[0] ?? null
  }

  /** The board's records as judged; null for a document without records. */
  records(): RecordIndex | null {
    return this.index
  }

  /**
   * Reads the loaded document before any edit is judged: builds the record
   * index and deletes, as a server edit, what a document from before these
   * rules may hold (older duplicates of a key, slots that are not records).
   * Call once, with the document's update listeners in place.
   */
  init(): void {
    // A loaded document's roots are untyped until something asks; the guard reads them as what they are.
    for (const [name, rule] of Object.entries(this.policy.roots)) {
      if (rule.kind === 'records' || rule.type === 'array') this.doc.getArray(name)
      else this.doc.getMap(name)
    }
    if (!this.recordsRoot || this.index) return
    const { index, junk } = RecordIndex.build(this.doc.getArray(this.recordsRoot))
    this.index = index
    if (junk.length === 0) return
    Y.transact(this.doc, (tr) => {
      for (const id of junk) deleteEntry(tr, id)
    }, 'server')
  }

  /** Judges the transaction `tr` made by `writer` and takes back what it refuses. */
  review(tr: Y.Transaction, writer: Writer): RefusalSet {
    const refused = new RefusalSet()
    const { inserted, deleted } = effectsOf(tr)
    if (inserted.length === 0 && deleted.length === 0) return refused
    const roots = rootTypes(this.doc, Object.keys(this.policy.roots))
    const newRecords: Y.Item[] = []
    const goneRecords: Y.Item[] = []

    for (const item of inserted) {
      const root = rootOf(roots, item)
      const rule = root === null ? undefined : this.policy.roots[root]
      if (rule?.kind === 'records') {
        if (item.parentSub === null && holdsValues(item)) newRecords.push(item)
        else this.take(tr, writer, item, refused, 'invalid-record')
      } else if (writer !== 'server') {
        if (!rule || rule.kind === 'server' || !rule.by.includes(writer)) this.take(tr, writer, item, refused, rule ? 'server-only' : 'invalid-record')
        else if (!holdsValues(item)) this.take(tr, writer, item, refused, 'invalid-record')
        else if (jsonBytes(item.content.getContent()) > this.deps.limits.maxRecordBytes) this.take(tr, writer, item, refused, 'record-too-large')
      }
    }
    for (const item of deleted) {
      const root = rootOf(roots, item)
      const rule = root === null ? undefined : this.policy.roots[root]
      if (rule?.kind === 'records') {
        if (item.parentSub === null && holdsValues(item)) goneRecords.push(item)
      } else if (writer !== 'server' && rule && (rule.kind === 'server' || (rule.kind === 'writable' && !rule.by.includes(writer)))) {
        this.restoreMapValue(tr, item, refused)
      }
    }
    if (newRecords.length > 0 || goneRecords.length > 0) this.reviewRecords(tr, writer, newRecords, goneRecords, refused)
    return refused
  }

  private take(tr: Y.Transaction, writer: Writer, item: Y.Item, refused: RefusalSet, reason: Parameters<RefusalSet['add']>[0]): void {
    if (writer === 'server') return
    deleteItem(tr, item)
    refused.add(reason)
  }

  /** A value of a root that only others write was deleted: put it back, unless the update also wrote a value there we kept. */
  private restoreMapValue(tr: Y.Transaction, item: Y.Item, refused: RefusalSet): void {
    const map = item.parent
    if (!(map instanceof Y.Map) || item.parentSub === null || !holdsValues(item)) return
    if (map.get(item.parentSub) !== undefined) return
    const values = item.content.getContent()
    const key = item.parentSub
    writeAsServer(tr, () => map.set(key, values[values.length - 1]))
    refused.add('server-only')
  }

  private reviewRecords(tr: Y.Transaction, writer: Writer, added: Y.Item[], gone: Y.Item[], refused: RefusalSet): void {
    const index = this.records()!
    const store = this.doc.store
    const fresh = new Map<string, Entry[]>()
    for (const item of added) {
      entriesOf(item).forEach((entry, i) => {
        if (entry) {
          const list = fresh.get(entry.key)
          if (list) list.push(entry)
          else fresh.set(entry.key, [entry])
        } else if (writer !== 'server') {
          deleteEntry(tr, { client: item.id.client, clock: item.id.clock + i })
          refused.add('invalid-record')
        }
      })
    }
    const lostWinner = new Set<string>()
    for (const item of gone) {
      for (const entry of entriesOf(item)) if (entry && sameEntry(index.get(entry.key), entry)) lostWinner.add(entry.key)
    }

    const staged = new Map<string, TLRecord | undefined>()
    let recordCount = index.count
    let docBytes = index.bytes
    let boardLocked: boolean | undefined
    const deps = this.deps
    const board: BoardState = {
      channel: this.policy.channel === 'private' ? 'private' : 'board',
      workshopId: deps.workshopId,
      role: writer === 'server' ? 'facilitator' : writer,
      get boardLocked() {
        return (boardLocked ??= deps.boardLocked())
      },
      limits: deps.limits,
      get: (id) => (staged.has(id) ? staged.get(id) : index.get(id)?.val),
      get recordCount() {
        return recordCount
      },
      get docBytes() {
        return docBytes
      },
    }

    const reinsert: Array<{ key: string; val: TLRecord; bytes: number }> = []
    for (const key of new Set([...fresh.keys(), ...lostWinner])) {
      const before = index.get(key)
      const beforeLive = !!before && !lostWinner.has(key)
      const newEntries = (fresh.get(key) ?? []).filter((e) => isLive(store, e))
      const candidates: EntryId[] = [...[...newEntries].reverse(), ...(beforeLive ? [before!] : [])]
      const winner = candidates.length > 0 ? rightmost(store, candidates) : null
      if (beforeLive && winner === before) {
        // The update's entries for this key lose to the one already there (a concurrent write): drop them, as YKeyValue does.
        for (const e of newEntries) deleteEntry(tr, e)
        if (newEntries.length > 0) refused.adjusted = true
        continue
      }
      const winning = winner && newEntries.find((e) => e === winner)
      const change: RecordChange = {
        id: key,
        before: before?.val,
        after: winning ? winning.val : undefined,
        beforeBytes: before?.bytes ?? 0,
        afterBytes: winning ? jsonBytes(winning.val) : 0,
      }
      const reason = candidates.length > 0 && !winner ? 'invalid-record' : writer === 'server' ? null : safeJudge(change, board)
      if (reason === null) {
        for (const c of candidates) {
          if (c === winner) continue
          deleteEntry(tr, c)
          refused.adjusted = true
        }
        if (winning) index.set(key, { client: winning.client, clock: winning.clock, val: winning.val as TLRecord, bytes: change.afterBytes })
        else index.delete(key)
        staged.set(key, change.after as TLRecord | undefined)
        recordCount += (winning ? 1 : 0) - (before ? 1 : 0)
        docBytes += change.afterBytes - change.beforeBytes
      } else {
        for (const e of newEntries) deleteEntry(tr, e)
        if (before && !beforeLive) reinsert.push({ key, val: before.val, bytes: before.bytes })
        refused.add(reason, key)
      }
    }
    if (reinsert.length > 0) this.writeBack(tr, reinsert, index)
  }

  /** Writes refused deletions back as new entries at the end of the array, where they win. */
  private writeBack(tr: Y.Transaction, records: Array<{ key: string; val: TLRecord; bytes: number }>, index: RecordIndex): void {
    const client = this.doc.clientID
    const start = Y.getState(this.doc.store, client)
    const array = this.doc.getArray(this.recordsRoot!)
    writeAsServer(tr, () => array.push(records.map(({ key, val }) => ({ key, val }))))
    records.forEach(({ key, val, bytes }, i) => index.set(key, { client, clock: start + i, val, bytes }))
  }
}

/**
 * Server writes inside a transaction that applied a client's update. Yjs
 * marks such a transaction remote, and a remote transaction that grows the
 * document's own client id makes Yjs think another client uses that id (it
 * picks a new one and warns). So the transaction is marked local once the
 * server writes; Yjs then keeps the arrays' position caches, so those are
 * cleared here, as it would have done for a remote transaction.
 */
function writeAsServer(tr: Y.Transaction, write: () => void): void {
  for (const type of tr.changed.keys()) if (type._searchMarker) type._searchMarker.length = 0
  tr.local = true
  write()
}

/** A rule that throws on a strange record refuses it rather than letting it through. */
function safeJudge(change: RecordChange, board: BoardState) {
  try {
    return judgeRecordChange(change, board)
  } catch {
    return 'invalid-record' as const
  }
}
