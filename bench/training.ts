/**
 * The `training` scenario of `npm run bench` (BENCH_ONLY=training): a
 * 60-person manager-training session on our server (its own process). 60
 * y-websocket clients with presence (a cursor moved twice a second) edit
 * the session's board, 20 edits/s in all, first alone, then while the
 * facilitator splits them into role-play threes (20 groups, 20 frames),
 * swaps roles, messages every group and brings everyone back, and one
 * participant asks for their own role again and again (GET …/groups/mine).
 * Runs alternate alone, with groups, …; the table shows medians. Target: the
 * editors' p99 with groups stays within 2× of alone.
 */
import { WebSocket } from 'ws'
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startProcessServer } from '../test/helpers/processServer'
import { ADMIN_HEADERS } from '../test/helpers/testServer'
import { MSG_NOTICE } from '../workshops/doc/wire'
import { cpuWindow, median, percentile, rssMb, sleep, wallNow } from './measure'
import type { Command, ConnectReply, LoadReply } from './protocol'

export interface TrainingBenchOptions {
  workers: ReadonlyArray<{ request<T>(command: Command): Promise<T> }>
  runs: number
  seconds: number
  editsPerSecond: number
  people?: number
}

interface Run {
  groups: boolean
  p50: number
  p99: number
  max: number
  lost: number
  cpuPct: number
  rssMb: number
  /** ms per facilitator request (split, rotate, message, end) and per own-role request. */
  actionMs: number[]
  splitMs: number
  mineMs: number[]
  groupCount: number
  members: number
}

export interface TrainingBenchResult {
  people: number
  runs: Run[]
  rows: Array<[string, number, number, number]>
  ratio: number
}

/** One participant of our own, to ask for a role with a real seat. */
function probeClient(wsUrl: string, room: string, key: string, userId: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${wsUrl}/sync`, room, doc, { params: { key, notices: '1' }, WebSocketPolyfill: WebSocket as never, disableBc: true })
  let seat: string | null = null
  provider.messageHandlers[MSG_NOTICE] = (_e, decoder) => {
    const notice = JSON.parse(decoding.readVarString(decoder)) as { type: string; seat?: string }
    if (notice.type === 'seat' && notice.seat) seat = notice.seat
  }
  provider.awareness.setLocalStateField('user', { id: userId, name: 'Probe', color: '#1864ab', role: 'participant' })
  return { seat: () => seat, destroy: () => (provider.destroy(), doc.destroy()) }
}

export async function runTrainingBench(opts: TrainingBenchOptions): Promise<TrainingBenchResult> {
  const people = opts.people ?? 60
  const server = await startProcessServer({ env: { LOG_LEVEL: 'warn', UNLOAD_AFTER_MS: '2000' } })
  const runs: Run[] = []
  try {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const t0 = wallNow()
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
      const json = (await res.json()) as any
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`)
      return { ms: wallNow() - t0, json }
    }
    const run = async (withGroups: boolean, label: string): Promise<Run> => {
      // A new training each run: its second session (the role-play) is the room.
      const { json: created } = await post('/api/trainings', { training: 'chefsutbildning', title: `Bench ${label}` }, ADMIN_HEADERS)
      const session = created.sessions[1] as { id: string; facilitatorUrl: string; participantUrl: string }
      const fKey = new URL(session.facilitatorUrl).hash.slice(5)
      const pKey = new URL(session.participantUrl).hash.slice(5)
      const group = `training-${label}`
      const specs = Array.from({ length: people - 1 }, (_, idx) => ({ serverUrl: `${server.wsUrl}/sync`, room: session.id, params: { key: pKey }, idx }))
      await Promise.all(opts.workers.map((w, k) => w.request<ConnectReply>({ cmd: 'connect', group, clients: specs.filter((s) => s.idx % opts.workers.length === k), awareness: true, timeoutMs: 30_000 })))
      const probe = probeClient(server.wsUrl, session.id, pKey, `probe-${label}`)
      await sleep(3000)
      const durationMs = opts.seconds * 1000
      const startAt = wallNow() + 1000
      const cpu = cpuWindow([server.pid])
      const actionMs: number[] = []
      const mineMs: number[] = []
      let splitMs = 0
      let groupCount = 0
      let members = 0
      const facilitator = withGroups
        ? (async () => {
            const groups = (body: unknown) => post(`/api/workshops/${session.id}/groups`, body, { authorization: `Bearer ${fKey}` })
            await sleep(startAt + durationMs / 6 - wallNow())
            const split = await groups({ size: 3, roles: true, step: 'role-play' })
            splitMs = split.ms
            groupCount = split.json.groups.length
            members = split.json.groups.reduce((n: number, g: { members: string[] }) => n + g.members.length, 0)
            // The probe asks for its role while the rounds go on: once every 100 ms.
            const asking = (async () => {
              while (wallNow() < startAt + (durationMs * 5) / 6) {
                const t0 = wallNow()
                const res = await fetch(`${server.url}/api/workshops/${session.id}/groups/mine?seat=${encodeURIComponent(probe.seat() ?? '')}`, { headers: { authorization: `Bearer ${pKey}` } })
                const body = (await res.json()) as { role: string | null }
                if (!res.ok || !body.role) throw new Error(`mine: ${res.status} ${JSON.stringify(body)}`)
                mineMs.push(wallNow() - t0)
                await sleep(100)
              }
            })()
            for (const [at, body] of [
              [2, { action: 'rotate' }],
              [3, { action: 'message', text: 'Två minuter kvar, sedan byter ni roller' }],
              [4, { action: 'rotate' }],
            ] as const) {
              await sleep(startAt + (durationMs * at) / 6 - wallNow())
              actionMs.push((await groups(body)).ms)
            }
            await asking
            actionMs.push((await groups({ action: 'end' })).ms)
          })()
        : Promise.resolve()
      const replies = await Promise.all(
        opts.workers.map((w) => w.request<LoadReply>({ cmd: 'load', group, tag: group, startAt, durationMs, intervalMs: 1000 / opts.editsPerSecond, totalClients: people - 1, graceMs: 2000 })),
      )
      await facilitator
      const used = cpu.stop()
      const rss = rssMb(server.pid)
      probe.destroy()
      await Promise.all(opts.workers.map((w) => w.request({ cmd: 'close', group })))
      await sleep(2000)
      const latency = replies.flatMap((r) => r.latency)
      const sent = replies.reduce((a, r) => a + r.sent, 0)
      const result: Run = {
        groups: withGroups,
        p50: percentile(latency, 50),
        p99: percentile(latency, 99),
        max: Math.max(...latency),
        lost: sent * (people - 2) - latency.length,
        cpuPct: (used.ms[0] / (used.seconds * 1000)) * 100,
        rssMb: rss,
        actionMs,
        splitMs,
        mineMs,
        groupCount,
        members,
      }
      console.log(
        `training ${withGroups ? 'with groups' : 'alone      '} run ${label}: ${people} people, p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)} max ${result.max.toFixed(0)} ms, lost ${result.lost}, server ${result.cpuPct.toFixed(0)} % CPU, RSS ${rss.toFixed(0)} MB` +
          (withGroups ? `; split into ${groupCount} groups (${members} people) in ${splitMs.toFixed(0)} ms, rotate/message/end median ${median(actionMs).toFixed(0)} ms, own role p50 ${percentile(mineMs, 50).toFixed(1)} ms over ${mineMs.length}` : ''),
      )
      return result
    }
    await run(false, 'warmup')
    for (let r = 0; r < opts.runs; r++) {
      runs.push(await run(false, `${r + 1}a`))
      runs.push(await run(true, `${r + 1}b`))
    }
  } finally {
    await server.stop({ removeData: true })
  }
  const pick = (groups: boolean, f: (x: Run) => number) => median(runs.filter((x) => x.groups === groups).map(f))
  const rows: Array<[string, number, number, number]> = [
    ['edit latency p50 (ms)', pick(false, (x) => x.p50), pick(true, (x) => x.p50), 1],
    ['edit latency p99 (ms)', pick(false, (x) => x.p99), pick(true, (x) => x.p99), 1],
    ['edit latency max (ms)', pick(false, (x) => x.max), pick(true, (x) => x.max), 0],
    ['deliveries lost', pick(false, (x) => x.lost), pick(true, (x) => x.lost), 0],
    ['server CPU (% of a core)', pick(false, (x) => x.cpuPct), pick(true, (x) => x.cpuPct), 0],
    ['server RSS after (MB)', pick(false, (x) => x.rssMb), pick(true, (x) => x.rssMb), 0],
    ['split into role-play threes (ms)', 0, pick(true, (x) => x.splitMs), 0],
    ['rotate / message / end, median (ms)', 0, pick(true, (x) => median(x.actionMs)), 0],
    ['own role (GET …/groups/mine) p50 (ms)', 0, pick(true, (x) => percentile(x.mineMs, 50)), 1],
    ['own role p99 (ms)', 0, pick(true, (x) => percentile(x.mineMs, 99)), 1],
  ]
  const ratio = pick(true, (x) => x.p99) / pick(false, (x) => x.p99)
  console.log(`\ntraining (median of ${opts.runs} runs each), ${people} people with presence in one session:\n`)
  console.log('| metric | editing alone | while splitting, rotating, ending |')
  console.log('|---|--:|--:|')
  for (const [metric, a, b, digits] of rows) console.log(`| ${metric} | ${/split|rotate|own role/.test(metric) ? '–' : a.toFixed(digits)} | ${b.toFixed(digits)} |`)
  console.log(`\nTarget: the editors' p99 with groups within 2× of alone: ${ratio <= 2 ? 'ok' : 'MISS'} (${ratio.toFixed(2)}×)`)
  return { people, runs, rows, ratio }
}
