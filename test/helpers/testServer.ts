import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createApp, type App } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { createLog, type Log } from '../../server/log'

export const ROOT = resolve(import.meta.dirname, '../..')

/**
 * The ADMIN_TOKEN every test server gets unless a test passes its own (or
 * ADMIN_TOKEN: '' for none): createWorkshopAt sends it, so tests that only
 * need a workshop need no organiser.
 */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef'

/** Headers that make a request an organiser's on a test server. */
export const ADMIN_HEADERS: Readonly<Record<string, string>> = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }

export interface TestServer {
  app: App
  port: number
  url: string
  wsUrl: string
  dataDir: string
  createWorkshop(body?: Record<string, unknown>): Promise<CreatedWorkshop>
  /** Stops the server; keeps the data directory unless `removeData`. */
  close(opts?: { removeData?: boolean }): Promise<void>
}

export interface CreatedWorkshop {
  id: string
  facilitatorUrl: string
  participantUrl: string
  facilitatorKey: string
  participantKey: string
}

export function keyOf(link: string): string {
  return new URL(link).hash.replace(/^#key=/, '')
}

/** Creates a workshop as an organiser (with `adminToken`, TEST_ADMIN_TOKEN by default). */
export async function createWorkshopAt(url: string, body: Record<string, unknown> = {}, adminToken = TEST_ADMIN_TOKEN): Promise<CreatedWorkshop> {
  const res = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ method: 'ws2', title: 'Testverkstad', ...body }),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  const created = (await res.json()) as Omit<CreatedWorkshop, 'facilitatorKey' | 'participantKey'>
  return { ...created, facilitatorKey: keyOf(created.facilitatorUrl), participantKey: keyOf(created.participantUrl) }
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'samverkstad-test-'))
}

/** A real server in this process on a free port, with its own data directory; `log` receives what it logs. */
export async function startTestServer(env: Record<string, string> = {}, log?: Log): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? tempDataDir()
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', UNLOAD_AFTER_MS: '200', ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env, DATA_DIR: dataDir }, ROOT)
  const app = createApp(config, log ?? createLog(process.env.TEST_LOG_LEVEL ?? 'silent'))
  const port = await app.listen()
  const url = `http://127.0.0.1:${port}`
  return {
    app,
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    dataDir,
    createWorkshop: (body) => createWorkshopAt(url, body, env.ADMIN_TOKEN ?? TEST_ADMIN_TOKEN),
    close: async (opts) => {
      await app.close()
      if (opts?.removeData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
