import { rmSync } from 'node:fs'
import { pino } from 'pino'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createApp } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { licenceWarning } from '../../server/licenceWarning'
import { ROOT, tempDataDir } from '../helpers/testServer'

/** Starts and stops the real server with this environment; returns the JSON lines it logged at warn and above. */
async function startLog(env: Record<string, string>): Promise<Array<{ level: number; msg: string }>> {
  const lines: string[] = []
  const log = pino({ level: 'warn', base: undefined }, { write: (line: string) => void lines.push(line) })
  const dataDir = tempDataDir()
  const app = createApp(configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }, ROOT), log)
  await app.listen()
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
  return lines.map((l) => JSON.parse(l))
}

test('on a public HTTPS address without a tldraw key the server warns at start, in plain words', async () => {
  const lines = await startLog({ PUBLIC_URL: 'https://verkstad.kommun.se' })
  const warning = lines.find((l) => l.level === 40 && l.msg.includes('TLDRAW_LICENSE_KEY'))
  assert.ok(warning, `a warning was logged: ${JSON.stringify(lines)}`)
  assert.match(warning!.msg, /https:\/\/verkstad\.kommun\.se/)
  assert.match(warning!.msg, /outline/)
})

test('no warning with a key, on plain HTTP, on localhost, or without PUBLIC_URL', async () => {
  const envs: Array<Record<string, string>> = [
    { PUBLIC_URL: 'https://verkstad.kommun.se', TLDRAW_LICENSE_KEY: 'tldraw-abc' },
    { PUBLIC_URL: 'http://verkstad.kommun.se' },
    { PUBLIC_URL: 'https://localhost:8443' },
    { PUBLIC_URL: 'https://127.0.0.1' },
    { PUBLIC_URL: 'https://app.localhost' },
    {},
  ]
  for (const env of envs) {
    assert.equal(await startLog(env), [], JSON.stringify(env))
  }
  assert.is(licenceWarning({ publicUrl: 'https://[::1]:8443', tldrawLicenseKey: null }), null)
})

test.run()
