import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { configFromEnv } from './config'
import { createLog } from './log'

/** The repository root, whether running from server/ (tsx) or dist/server/ (built). */
function findRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  return here.endsWith(`${'dist'}/server`) ? resolve(here, '../..') : resolve(here, '..')
}

const log = createLog()
let app
try {
  const config = configFromEnv(process.env, findRoot())
  app = createApp(config, log)
  const port = await app.listen()
  log.info({ port, dataDir: config.dataDir, licence: config.tldrawLicenseKey ? 'set' : 'none' }, `Samverkstad listens on http://localhost:${port}`)
  const setup = app.firstStartLink()
  // At warn, so it shows at LOG_LEVEL=warn too: nobody can create a workshop until it is used.
  if (setup) log.warn({ setupLink: setup }, `No organiser yet. Open this link to create the first organiser account (valid 24 hours, once): ${setup}`)
} catch (error) {
  // A broken workshop definition names its file, field and problem here; the server does not start.
  console.error(`Samverkstad did not start: ${(error as Error).message}`)
  process.exit(1)
}

const running = app
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0))
  })
}
