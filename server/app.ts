import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { Config } from './config'
import { BoardImageStore } from './export/boardImages'
import { WorkshopExporter } from './export/exportWorkshop'
import { ImportedFactsStore, withImportedFacts } from './export/importedFacts'
import { FacilitationService } from './facilitation/facilitationService'
import { createWorkshopFacts } from './facilitation/workshopFacts'
import { createApi } from './http/api'
import { PersonaLibrary } from './personas/personaLibrary'
import { HttpError, sendError } from './http/respond'
import { setSecurityHeaders } from './http/securityHeaders'
import { serveStatic } from './http/staticFiles'
import type { Log } from './log'
import { MediaService } from './media/mediaService'
import { MediaStore, type MediaStoreOptions } from './media/mediaStore'
import { WorkshopArchive } from './media/workshopArchive'
import { IMPORT_BODY_MAX_BYTES } from './http/routes/exportRoutes'
import { loadMethods, type MethodRegistry } from './methods/loadMethods'
import { openDatabase, type Db } from './store/database'
import { DocStore } from './store/docStore'
import { WorkshopStore } from './store/workshopStore'
import { SyncServer } from './sync/syncServer'
import type { WorkshopFacts } from './workshops/facts'
import { WorkshopImporter } from './workshops/importWorkshop'
import { WorkshopService } from './workshops/workshopService'

export interface App {
  readonly server: Server
  readonly sync: SyncServer
  readonly methods: MethodRegistry
  readonly db: Db
  listen(): Promise<number>
  close(): Promise<void>
}

/** Same-origin browsers, listed origins, and clients that send no Origin (scripts) may open the sync endpoint. */
function originPolicy(config: Config) {
  const allowed = new Set(config.allowedOrigins)
  if (config.publicUrl) allowed.add(config.publicUrl)
  return (origin: string | undefined, req: IncomingMessage): boolean => {
    if (origin === undefined) return true
    if (allowed.has(origin)) return true
    const host = req.headers.host
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
  }
}

/**
 * The facilitation state as exports read it (votes, the agenda as run). The
 * server and `npm run export` both take it from here.
 */
export function workshopFactsFor(deps: { db: Db; docs: DocStore; methods: MethodRegistry }): WorkshopFacts {
  return createWorkshopFacts(deps)
}

export interface AppOptions {
  /** Replaces workshopFactsFor (tests pass their own). */
  facts?: WorkshopFacts
  /** Options of the media store (tests put a full disk behind it). */
  media?: MediaStoreOptions
}

/** Builds the whole server; nothing listens until listen(). Throws on a broken workshop definition. */
export function createApp(config: Config, log: Log, options: AppOptions = {}): App {
  const methods = loadMethods({
    builtinDir: resolve(config.rootDir, 'workshops/definitions'),
    builtinPersonaDir: resolve(config.rootDir, 'workshops/personas'),
    extraDir: config.workshopsDir ?? undefined,
  })
  const db = openDatabase(config.dataDir)
  const docs = new DocStore(db)
  const workshopStore = new WorkshopStore(db)
  const sync = new SyncServer(docs, workshopStore, log, {
    maxMessageBytes: config.maxMessageBytes,
    unloadAfterMs: config.unloadAfterMs,
    pingIntervalMs: config.pingIntervalMs,
    isAllowedOrigin: originPolicy(config),
  })
  const personas = new PersonaLibrary(methods, resolve(config.dataDir, 'personas'))
  const mediaStore = new MediaStore(resolve(config.dataDir, 'media'), { limits: config.mediaLimits, ...options.media })
  const workshops = new WorkshopService(workshopStore, docs, methods, personas, sync, mediaStore)
  const facilitation = new FacilitationService(db, sync, log)
  sync.setWriteGuard(facilitation.mayWrite)
  const facts = options.facts ?? workshopFactsFor({ db, docs, methods })
  const importedFacts = new ImportedFactsStore(db)
  const boardImages = new BoardImageStore(db)
  const exporter = new WorkshopExporter({ docs, methods, facts: withImportedFacts(facts, importedFacts), images: boardImages, media: mediaStore })
  const importer = new WorkshopImporter(db, workshopStore, docs, methods, importedFacts)
  const baseUrl = (req: IncomingMessage): string => {
    if (config.publicUrl) return config.publicUrl
    const proto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'
    return `${proto}://${req.headers.host ?? `localhost:${config.port}`}`
  }
  const media = new MediaService(mediaStore, workshopStore, sync, (req) => baseUrl(req).startsWith('https:'), config.maxMediaBytesPerSecond)
  const archive = new WorkshopArchive(mediaStore, exporter, importer, IMPORT_BODY_MAX_BYTES)
  const api = createApi({ config, methods, personas, workshops, docs, sync, facts, exporter, importer, boardImages, facilitation, media, archive, baseUrl })

  const server = createServer(async (req, res) => {
    setSecurityHeaders(res)
    const url = new URL(req.url ?? '/', 'http://localhost')
    try {
      if (await api(req, res, url)) return
      if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(config.clientDir, url.pathname, res)) return
      sendError(res, 404, 'not found')
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error.status, error.message)
      log.error({ err: error, url: url.pathname }, 'request failed')
      if (!res.headersSent) sendError(res, 500, 'internal error')
      else res.destroy()
    }
  })
  // Uploads of films and .zip workshop files may take longer than Node's default 5 minutes; those
  // routes drop a sender that goes quiet instead (UPLOAD_IDLE_MS), and headers still time out.
  server.requestTimeout = 0
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    sync.handleUpgrade(req, socket, head)
  })

  return {
    server,
    sync,
    methods,
    db,
    listen: () =>
      new Promise((ok, fail) => {
        server.once('error', fail)
        server.listen(config.port, config.host, () => ok((server.address() as AddressInfo).port))
      }),
    close: async () => {
      sync.close()
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
      db.close()
    },
  }
}
