/**
 * A load-generating process: many real y-websocket clients (with the `ws`
 * polyfill), driven by the orchestrator over IPC. Started by bench/run.ts.
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { BenchCards, type BenchCard } from './benchCards'
import type { ClientSpec, Command, ConnectReply, LoadReply, Reply, Request } from './protocol'

// Each provider adds a process 'exit' listener.
process.setMaxListeners(0)

let offset = 0
/** Wall clock in ms with sub-ms resolution, shifted onto the orchestrator's clock. */
const now = () => performance.timeOrigin + performance.now() - offset
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)))

/** A card with a sentence on it, and when and by whom it was sent. */
function makeCard(t: number, from: number, i: number): BenchCard {
  return { t, from, i, text: `Kunden vet inte vem som äger ärendet efter första samtalet (${i})`.padEnd(100, '.') }
}

interface Client {
  idx: number
  doc: Y.Doc
  provider: WebsocketProvider
  cards: BenchCards
  timers: NodeJS.Timeout[]
}

const groups = new Map<string, Map<number, Client>>()

/** The measured run, if any: arrivals of its edits are recorded. */
let active: { prefix: string; sentAt: number[]; latency: number[]; perEdit: Map<number, [number, number]> } | null = null

function createClient(spec: ClientSpec, awareness: boolean): Client {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(spec.serverUrl, spec.room, doc, {
    params: spec.params,
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 1000,
  })
  const cards = new BenchCards(doc)
  cards.onRemote((key, card) => {
    const run = active
    if (!run || !key.startsWith(run.prefix)) return
    const latency = now() - card.t
    run.sentAt.push(card.t)
    run.latency.push(latency)
    const seen = run.perEdit.get(card.i)
    if (seen) {
      seen[0]++
      if (latency > seen[1]) seen[1] = latency
    } else run.perEdit.set(card.i, [1, latency])
  })
  const timers: NodeJS.Timeout[] = []
  if (awareness) {
    provider.awareness.setLocalState({
      // An id as the browser sends one: small groups are split by it (bench/training.ts).
      user: { id: `bench-${spec.room}-${spec.idx}`, name: `Deltagare ${spec.idx}`, color: '#e0a030' },
      cursor: { x: Math.random() * 2000, y: Math.random() * 1500 },
    })
    // Moves the cursor twice a second, at a random phase.
    timers.push(
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            provider.awareness.setLocalStateField('cursor', { x: Math.random() * 2000, y: Math.random() * 1500 })
          }, 500),
        )
      }, Math.random() * 500),
    )
  } else {
    provider.awareness.setLocalState(null)
  }
  return { idx: spec.idx, doc, provider, cards, timers }
}

function destroyClient(c: Client): void {
  for (const t of c.timers) clearTimeout(t)
  c.provider.destroy()
  c.doc.destroy()
}

function waitSynced(c: Client, deadline: number, expectCards = 0): Promise<boolean> {
  return new Promise((ok) => {
    const check = () => c.provider.synced && c.cards.size >= expectCards
    if (check()) return ok(true)
    let done = false
    const onChange = () => {
      if (check()) finish(true)
    }
    const finish = (result: boolean) => {
      if (done) return
      done = true
      clearTimeout(timer)
      c.provider.off('sync', onChange)
      stop()
      ok(result)
    }
    c.provider.on('sync', onChange)
    const stop = c.cards.onAny(onChange)
    const timer = setTimeout(() => finish(check()), Math.max(0, deadline - now()))
  })
}

function groupOf(name: string): Map<number, Client> {
  let g = groups.get(name)
  if (!g) groups.set(name, (g = new Map()))
  return g
}

async function connect(c: Extract<Command, { cmd: 'connect' }>): Promise<ConnectReply> {
  const g = groupOf(c.group)
  let lastSyncedAt = 0
  const results = await Promise.all(
    c.clients.map(async (spec) => {
      await sleep((spec.startAt ?? 0) - now())
      const client = createClient(spec, c.awareness)
      g.set(spec.idx, client)
      const t0 = now()
      const ok = await waitSynced(client, t0 + c.timeoutMs)
      const t1 = now()
      if (ok && t1 > lastSyncedAt) lastSyncedAt = t1
      return ok ? t1 - t0 : -1
    }),
  )
  const syncMs = results.filter((ms) => ms >= 0)
  return { synced: syncMs.length, failed: results.length - syncMs.length, syncMs, lastSyncedAt }
}

async function load(c: Extract<Command, { cmd: 'load' }>): Promise<LoadReply> {
  const g = groupOf(c.group)
  const prefix = `${c.tag}:`
  const run = { prefix, sentAt: [] as number[], latency: [] as number[], perEdit: new Map<number, [number, number]>() }
  active = run
  const total = Math.floor(c.durationMs / c.intervalMs)
  let sent = 0
  for (let i = 0; i < total; i++) {
    const client = g.get(i % c.totalClients)
    if (!client) continue
    // Behind schedule (a flooded event loop) the due edits go out at once rather than one per loop turn.
    const wait = c.startAt + i * c.intervalMs - now()
    if (wait > 0) await sleep(wait)
    client.cards.set(`${prefix}${i}`, makeCard(now(), client.idx, i))
    sent++
  }
  await sleep(c.startAt + c.durationMs + c.graceMs - now())
  active = null
  return {
    sent,
    sentAt: run.sentAt,
    latency: run.latency,
    perEdit: [...run.perEdit].map(([i, [count, max]]) => [i, count, max]),
  }
}

async function fill(c: Extract<Command, { cmd: 'fill' }>): Promise<number> {
  const g = groupOf(c.group)
  const writers = c.idx === undefined ? [...g.values()] : [g.get(c.idx)].filter((x): x is Client => x !== undefined)
  let written = 0
  for (const w of writers) {
    for (let i = 0; i < c.count; i++) {
      w.cards.set(`${c.tag}:${w.idx}:${i}`, makeCard(now(), w.idx, i))
      written++
      // Lets the socket drain now and then.
      if (written % 100 === 0) await sleep(0)
    }
  }
  return written
}

async function join(c: Extract<Command, { cmd: 'join' }>): Promise<{ ms: number }> {
  const t0 = now()
  const client = createClient(c.client, false)
  try {
    const ok = await waitSynced(client, t0 + c.timeoutMs, c.expectCards)
    if (!ok) throw new Error(`join did not sync within ${c.timeoutMs} ms (${client.cards.size} cards)`)
    return { ms: now() - t0 }
  } finally {
    destroyClient(client)
  }
}

async function handle(r: Request): Promise<unknown> {
  switch (r.cmd) {
    case 'clock':
      return { now: now() }
    case 'setOffset':
      offset = r.offset
      return null
    case 'connect':
      return connect(r)
    case 'load':
      return load(r)
    case 'fill':
      return fill(r)
    case 'edit': {
      const client = groupOf(r.group).get(r.idx)
      client?.cards.set(r.key, makeCard(now(), r.idx, -1))
      return null
    }
    case 'join':
      return join(r)
    case 'close': {
      const g = groupOf(r.group)
      for (const c of g.values()) destroyClient(c)
      groups.delete(r.group)
      return null
    }
    case 'exit':
      for (const g of groups.values()) for (const c of g.values()) destroyClient(c)
      groups.clear()
      setTimeout(() => process.exit(0), 10)
      return null
  }
}

process.on('message', (message: Request) => {
  handle(message).then(
    (data) => process.send?.({ id: message.id, ok: true, data } satisfies Reply),
    (err: unknown) => process.send?.({ id: message.id, ok: false, error: (err as Error).stack ?? String(err) } satisfies Reply),
  )
})
// The orchestrator went away: nothing left to do.
process.on('disconnect', () => process.exit(0))
process.send?.({ ready: true })
