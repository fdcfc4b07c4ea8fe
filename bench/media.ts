/**
 * `npm run bench:media`: does showing a film disturb the people editing?
 * One workshop on our server (its own process) holds a 200 MB film; 50
 * y-websocket clients with presence edit its board (20 edits/s in all, the
 * same load and measurement as `npm run bench`), first alone (baseline),
 * then while 20 viewers stream the film in 4 MB byte ranges as fast as the
 * server gives them (bench/mediaFetcher.ts, a process of its own). Runs
 * alternate baseline, film, baseline, film …; the table shows medians.
 * Target: the editors' p99 with the film stays within 2× of the baseline.
 *
 * Knobs: BENCH_SECONDS (15), BENCH_RUNS (3), BENCH_EDITORS (50),
 * BENCH_VIEWERS (20), BENCH_FILM_MB (200), and the server's
 * MAX_MEDIA_BYTES_PER_SECOND (its default, 32 MiB/s, unless set). Results also in .tmp/bench-media.json.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { createReadStream, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { cpus, loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import { startProcessServer } from '../test/helpers/processServer'
import { cpuWindow, median, percentile, sleep, wallNow } from './measure'
import type { Command, ConnectReply, LoadReply, Reply } from './protocol'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback)
const CONFIG = {
  seconds: num('BENCH_SECONDS', 15),
  runs: num('BENCH_RUNS', 3),
  editors: num('BENCH_EDITORS', 50),
  viewers: num('BENCH_VIEWERS', 20),
  filmMb: num('BENCH_FILM_MB', 200),
  workers: 2,
  editsPerSecond: 20,
}

const children: ChildProcess[] = []
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
})

/** A load-generating process of the main bench (bench/worker.ts), spoken to over IPC. */
class LoadWorker {
  private next = 1
  private readonly pending = new Map<number, (r: Reply) => void>()
  readonly ready: Promise<void>
  constructor(readonly child: ChildProcess) {
    let ready = () => {}
    this.ready = new Promise((ok) => (ready = ok))
    child.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) return ready()
      this.pending.get(m.id)?.(m)
      this.pending.delete(m.id)
    })
  }
  request<T>(command: Command): Promise<T> {
    const id = this.next++
    return new Promise((ok, fail) => {
      this.pending.set(id, (r) => (r.ok ? ok(r.data as T) : fail(new Error(r.error))))
      this.child.send({ ...command, id })
    })
  }
}

async function startLoadWorker(): Promise<LoadWorker> {
  const child = fork(join(HERE, 'worker.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  children.push(child)
  const w = new LoadWorker(child)
  await w.ready
  // Put the worker on this process's clock.
  let best = { rtt: Infinity, offset: 0 }
  for (let i = 0; i < 20; i++) {
    const t0 = wallNow()
    const { now } = await w.request<{ now: number }>({ cmd: 'clock' })
    const t1 = wallNow()
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: now - (t0 + t1) / 2 }
  }
  await w.request({ cmd: 'setOffset', offset: best.offset })
  return w
}

function uploadFilm(url: string, key: string, path: string, size: number): Promise<{ url: string }> {
  return new Promise((ok, fail) => {
    const req = request(`${url}/assets`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-length': String(size) } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => (res.statusCode === 201 ? ok(JSON.parse(body) as { url: string }) : fail(new Error(`upload: ${res.statusCode} ${body}`))))
    })
    req.on('error', fail)
    createReadStream(path).pipe(req)
  })
}

interface RunResult {
  withFilm: boolean
  p50: number
  p99: number
  max: number
  lost: number
  serverCpuPct: number
  filmMBps: number
  rangeRequests: number
  rangeErrors: number
}

async function main() {
  console.log(`bench:media: ${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}, ${new Date().toISOString()}`)
  console.log(`config: ${JSON.stringify(CONFIG)}`)
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine shows in both columns)`)
  const rate = process.env.MAX_MEDIA_BYTES_PER_SECOND
  const server = await startProcessServer({ env: { LOG_LEVEL: 'warn', UNLOAD_AFTER_MS: '2000', ...(rate ? { MAX_MEDIA_BYTES_PER_SECOND: rate } : {}) } })
  const tmp = join(ROOT, '.tmp')
  mkdirSync(tmp, { recursive: true })
  const filmPath = join(tmp, 'bench-film.mp4')
  const size = CONFIG.filmMb * 1024 * 1024
  const film = randomBytes(size)
  Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')]).copy(film, 0)
  writeFileSync(filmPath, film)
  const workers = await Promise.all(Array.from({ length: CONFIG.workers }, startLoadWorker))
  try {
    const w = await server.createWorkshop({ title: 'Bench film' })
    const base = `${server.url}/api/workshops/${w.id}`
    const uploaded = await uploadFilm(base, w.facilitatorKey, filmPath, size)
    const session = await fetch(`${base}/media-session`, { method: 'POST', headers: { authorization: `Bearer ${w.participantKey}` } })
    const cookie = session.headers.get('set-cookie')!.split(';')[0]
    console.log(`film uploaded: ${CONFIG.filmMb} MB at ${uploaded.url}`)

    const results: RunResult[] = []
    const run = async (withFilm: boolean, label: string): Promise<RunResult> => {
      const group = `media-${label}`
      const specs = Array.from({ length: CONFIG.editors }, (_, idx) => ({ serverUrl: `${server.wsUrl}/sync`, room: w.id, params: { key: w.participantKey }, idx }))
      await Promise.all(
        workers.map((wk, k) => wk.request<ConnectReply>({ cmd: 'connect', group, clients: specs.filter((s) => s.idx % workers.length === k), awareness: true, timeoutMs: 30_000 })),
      )
      await sleep(3000)
      const durationMs = CONFIG.seconds * 1000
      const startAt = wallNow() + 1000
      let viewers: Promise<{ bytes: number; requests: number; errors: number; seconds: number }> | null = null
      if (withFilm) {
        // The viewers start a second before the edits, so the measured window is all under the film's load.
        const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'mediaFetcher.ts'), `${server.url}${uploaded.url}`, cookie, String(size), String(CONFIG.viewers), String(CONFIG.seconds + 2), String(startAt - 1000)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
        children.push(child)
        viewers = new Promise((ok, fail) => {
          let out = ''
          child.stdout!.on('data', (d) => (out += d))
          child.on('exit', (code) => (code === 0 ? ok(JSON.parse(out.trim().split('\n').pop()!)) : fail(new Error(`fetcher exited ${code}`))))
        })
      }
      await sleep(startAt - wallNow())
      const cpu = cpuWindow([server.pid])
      const replies = await Promise.all(
        workers.map((wk) =>
          wk.request<LoadReply>({ cmd: 'load', group, tag: group, startAt, durationMs, intervalMs: 1000 / CONFIG.editsPerSecond, totalClients: CONFIG.editors, graceMs: 2000 }),
        ),
      )
      const used = cpu.stop()
      const seen = viewers ? await viewers : null
      await Promise.all(workers.map((wk) => wk.request({ cmd: 'close', group })))
      await sleep(2000)
      const latency = replies.flatMap((r) => r.latency)
      const sent = replies.reduce((a, r) => a + r.sent, 0)
      const result: RunResult = {
        withFilm,
        p50: percentile(latency, 50),
        p99: percentile(latency, 99),
        max: Math.max(...latency),
        lost: sent * (CONFIG.editors - 1) - latency.length,
        serverCpuPct: (used.ms[0] / (used.seconds * 1000)) * 100,
        filmMBps: seen ? seen.bytes / 1024 / 1024 / seen.seconds : 0,
        rangeRequests: seen?.requests ?? 0,
        rangeErrors: seen?.errors ?? 0,
      }
      console.log(
        `${withFilm ? 'with film' : 'baseline '} run ${label}: p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)} max ${result.max.toFixed(0)} ms, lost ${result.lost}, server ${result.serverCpuPct.toFixed(0)} % CPU${seen ? `, film ${result.filmMBps.toFixed(0)} MB/s in ${seen.requests} ranges (${seen.errors} errors)` : ''}`,
      )
      return result
    }
    await run(false, 'warmup')
    for (let r = 0; r < CONFIG.runs; r++) {
      results.push(await run(false, `${r + 1}`))
      results.push(await run(true, `${r + 1}`))
    }
    const pick = (withFilm: boolean, f: (x: RunResult) => number) => median(results.filter((x) => x.withFilm === withFilm).map(f))
    const rows: Array<[string, number, number, number]> = [
      ['edit latency p50 (ms)', pick(false, (x) => x.p50), pick(true, (x) => x.p50), 1],
      ['edit latency p99 (ms)', pick(false, (x) => x.p99), pick(true, (x) => x.p99), 1],
      ['edit latency max (ms)', pick(false, (x) => x.max), pick(true, (x) => x.max), 0],
      ['deliveries lost', pick(false, (x) => x.lost), pick(true, (x) => x.lost), 0],
      ['server CPU (% of a core)', pick(false, (x) => x.serverCpuPct), pick(true, (x) => x.serverCpuPct), 0],
      ['film served (MB/s, all viewers)', 0, pick(true, (x) => x.filmMBps), 0],
      ['range requests answered', 0, pick(true, (x) => x.rangeRequests), 0],
      ['range requests failed', 0, pick(true, (x) => x.rangeErrors), 0],
    ]
    const ratio = pick(true, (x) => x.p99) / pick(false, (x) => x.p99)
    console.log(`\nResults (median of ${CONFIG.runs} runs each), ${CONFIG.editors} editors, ${CONFIG.viewers} viewers of a ${CONFIG.filmMb} MB film:\n`)
    console.log('| metric | editors alone | editors while 20 stream the film |')
    console.log('|---|--:|--:|')
    for (const [metric, a, b, digits] of rows) console.log(`| ${metric} | ${metric.startsWith('film') || metric.startsWith('range') ? '–' : a.toFixed(digits)} | ${b.toFixed(digits)} |`)
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
    console.log(`\nTarget: editors' p99 with the film within 2× of the baseline: ${ratio <= 2 ? 'ok' : 'MISS'} (${ratio.toFixed(2)}×)`)
    writeFileSync(join(tmp, 'bench-media.json'), JSON.stringify({ config: CONFIG, results, rows, ratio, date: new Date().toISOString() }, null, 2))
  } finally {
    for (const wk of workers) wk.child.kill('SIGKILL')
    await server.stop({ removeData: true })
    rmSync(filmPath, { force: true })
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
