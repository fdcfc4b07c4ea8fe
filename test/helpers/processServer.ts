import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { createWorkshopAt, ROOT, TEST_ADMIN_TOKEN, tempDataDir, type CreatedWorkshop } from './testServer'

/** How many output lines of the server process are kept (for failure messages and log checks). */
const KEEP_LINES = 500

/** The real server as its own process (`node --import tsx server/main.ts`), for kill -9 and restart tests. */
export interface ProcessServer {
  readonly port: number
  readonly url: string
  readonly wsUrl: string
  readonly dataDir: string
  /** Pid of the running process (changes on restart). */
  readonly pid: number
  /** Whether the current process has exited. */
  readonly exited: boolean
  /** Its last output lines, stdout and stderr together (JSON log lines at LOG_LEVEL=warn and up). */
  readonly output: readonly string[]
  createWorkshop(body?: Record<string, unknown>): Promise<CreatedWorkshop>
  /** Resident set size of the process in bytes, from /proc/<pid>/status. */
  rssBytes(): number
  /** SIGKILL; resolves once the process is gone. */
  kill(): Promise<void>
  /** Starts the server again on the same port and DATA_DIR; waits for /healthz. */
  restart(): Promise<void>
  /** SIGTERM (SIGKILL after a while); removes the data directory if asked. */
  stop(opts?: { removeData?: boolean }): Promise<void>
}

export interface ProcessServerOptions {
  dataDir?: string
  /** Extra environment (UNLOAD_AFTER_MS, MAX_MESSAGE_BYTES, …). */
  env?: Record<string, string>
  port?: number
  startTimeoutMs?: number
  /** Extra node flags before the script (e.g. --cpu-prof). */
  nodeArgs?: string[]
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => ok(port))
    })
  })
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(match[1]) * 1024
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function startProcessServer(opts: ProcessServerOptions = {}): Promise<ProcessServer> {
  const dataDir = opts.dataDir ?? tempDataDir()
  const port = opts.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const output: string[] = []
  let child: ChildProcess | null = null
  let exited = true
  let exitPromise: Promise<void> = Promise.resolve()
  // If the test process dies first, the server must not outlive it.
  const killOnExit = () => child?.kill('SIGKILL')

  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue
      output.push(line)
      if (output.length > KEEP_LINES) output.splice(0, output.length - KEEP_LINES)
    }
  }

  async function launch(): Promise<void> {
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        ...opts.env,
        PORT: String(port),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = proc
    exited = false
    exitPromise = new Promise<void>((ok) => {
      proc.once('exit', () => {
        exited = true
        ok()
      })
    })
    proc.stdout?.on('data', keep)
    proc.stderr?.on('data', keep)
    process.on('exit', killOnExit)

    const deadline = Date.now() + (opts.startTimeoutMs ?? 20_000)
    while (Date.now() < deadline) {
      if (exited) throw new Error(`server exited during start-up:\n${output.slice(-20).join('\n')}`)
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
        if (res.ok) return
      } catch {
        // not listening yet
      }
      await sleep(50)
    }
    proc.kill('SIGKILL')
    throw new Error(`server did not answer /healthz within the start timeout:\n${output.slice(-20).join('\n')}`)
  }

  async function signalAndWait(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    if (!child || exited) return
    child.kill(signal)
    const done = await Promise.race([exitPromise.then(() => true), sleep(timeoutMs).then(() => false)])
    if (!done) {
      child.kill('SIGKILL')
      await exitPromise
    }
    process.off('exit', killOnExit)
  }

  await launch()

  return {
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    dataDir,
    get pid() {
      return child?.pid ?? -1
    },
    get exited() {
      return exited
    },
    output,
    createWorkshop: (body) => createWorkshopAt(url, body, opts.env?.ADMIN_TOKEN ?? TEST_ADMIN_TOKEN),
    rssBytes: () => rssOf(child?.pid ?? -1),
    kill: () => signalAndWait('SIGKILL', 5000),
    restart: async () => {
      if (!exited) throw new Error('restart() while the server still runs: kill() or stop() it first')
      await launch()
    },
    stop: async (stopOpts) => {
      await signalAndWait('SIGTERM', 5000)
      if (stopOpts?.removeData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
