import * as Y from 'yjs'
import { BOARD_RECORDS } from '../workshops/doc/layout'
import { BOARD_PAGE_ID } from '../workshops/doc/initialRecords'

/** What the bench measures about a card: when it was sent, by which client, which edit. */
export interface BenchCard {
  t: number
  from: number
  i: number
  text: string
}

const PREFIX = 'shape:bench-'

/**
 * The bench's cards as our board holds them: tldraw card records in the
 * `records` array (YKeyValue's layout), about 350 bytes each, the sending
 * time in the record's meta. Each edit is a new card, appended (the way
 * appendRecords writes), so no client walks the array; the same bytes go to
 * the reference server, which keeps them without judging them.
 */
export class BenchCards {
  private readonly array: Y.Array<{ key: string; val: unknown }>
  private count = 0

  constructor(doc: Y.Doc) {
    this.array = doc.getArray(BOARD_RECORDS)
    this.array.observe((event) => {
      for (const item of event.changes.added) {
        for (const entry of item.content.getContent() as Array<{ key?: string }>) if (entry?.key?.startsWith(PREFIX)) this.count++
      }
    })
  }

  get size(): number {
    return this.count
  }

  set(key: string, card: BenchCard): void {
    const record = {
      id: `${PREFIX}${key}`,
      typeName: 'shape',
      type: 'card',
      x: Math.round(Math.random() * 4000),
      y: Math.round(Math.random() * 3000) + 4000,
      rotation: 0,
      index: 'a1',
      parentId: BOARD_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: { t: card.t, from: card.from, i: card.i },
      props: { kind: 'note', text: card.text, author: '', fields: {}, w: 200, h: 140 },
    }
    this.array.push([{ key: record.id, val: record }])
  }

  /** Cards others sent (their key without the prefix), as they arrive. */
  onRemote(listener: (key: string, card: BenchCard) => void): void {
    this.array.observe((event) => {
      if (event.transaction.local) return
      for (const item of event.changes.added) {
        for (const entry of item.content.getContent() as Array<{ key?: string; val?: { meta?: BenchCard; props?: { text?: string } } }>) {
          if (!entry?.key?.startsWith(PREFIX) || !entry.val?.meta) continue
          const { t, from, i } = entry.val.meta
          listener(entry.key.slice(PREFIX.length), { t, from, i, text: entry.val.props?.text ?? '' })
        }
      }
    })
  }

  /** Calls `listener` on any change of the records; returns a function that stops it. */
  onAny(listener: () => void): () => void {
    this.array.observe(listener)
    return () => this.array.unobserve(listener)
  }
}

const BOARD_KINDS = ['insight', 'challenge', 'note'] as const

/**
 * A board's worth of real card records (insights, challenges and notes with
 * a sentence each) in a grid below the templates, as participants leave
 * them: what the client scenario loads into a browser.
 */
export function boardCards(n: number, prefix = 'shape:board-'): Array<Record<string, unknown> & { id: string }> {
  const columns = 40
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    typeName: 'shape',
    type: 'card',
    x: (i % columns) * 220,
    y: 4000 + Math.floor(i / columns) * 160,
    rotation: 0,
    index: 'a1',
    parentId: BOARD_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      kind: BOARD_KINDS[i % BOARD_KINDS.length],
      text: `Kort ${i}: chefer saknar stöd när en medarbetare kommer tillbaka efter sjukskrivning`,
      author: `Deltagare ${i % 12}`,
      w: 200,
      h: 140,
      fields: {},
    },
  }))
}
