import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { LinkSeal } from './auth/linkSeal'
import { OidcSignIn } from './auth/oidc'
import { OrganiserAccounts, setupLink } from './auth/organiserAccounts'
import { OrganiserAuth } from './auth/organiserAuth'
import type { Config } from './config'
import { BoardImageStore } from './export/boardImages'
import { WorkshopExporter } from './export/exportWorkshop'
import { ImportedFactsStore, withImportedFacts } from './export/importedFacts'
import { FacilitationService } from './facilitation/facilitationService'
import { licenceWarning } from './licenceWarning'
import { createWorkshopFacts } from './facilitation/workshopFacts'
import { createApi } from './http/api'
import type { ApiDeps } from './http/route'
import { DEFAULT_MIN_RESPONSES } from '../workshops/evaluation/aggregate'
import { activityReportFacts, startActivities } from './activities/registry'
import type { ReportFacts } from './export/exportWorkshop'
import { PersonaLibrary } from './personas/personaLibrary'
import { CarryOverService } from './programmes/carryOverService'
import { ProgrammeExporter } from './programmes/programmeExports'
import { ProgrammeService } from './programmes/programmeService'
import { RateLimits } from './http/rateLimit'
import { HttpError, sendError } from './http/respond'
import { setSecurityHeaders } from './http/securityHeaders'
import { serveStatic } from './http/staticFiles'
import type { Log } from './log'
import { MediaService } from './media/mediaService'
import { MediaStore, type MediaStoreOptions } from './media/mediaStore'
import { WorkshopArchive } from './media/workshopArchive'
import { IMPORT_BODY_MAX_BYTES } from './http/routes/exportRoutes'
import { loadMethods, type MethodRegistry } from './methods/loadMethods'
import { AuditStore } from './store/auditStore'
import { openDatabase, type Db } from './store/database'
import { DocStore } from './store/docStore'
import { upgradeBoardDoc } from '../workshops/doc/upgradeBoard'
import { installCardKinds } from '../workshops/cards/kinds'
import { OrganiserStore } from './store/organiserStore'
import { ProgrammeStore } from './store/programmeStore'
import { SessionStore } from './store/sessionStore'
import { WorkshopAccessStore } from './store/workshopAccessStore'
import { WorkshopStore } from './store/workshopStore'
import { Seats } from './sync/seats'
import { ServerSecrets } from './store/serverSecrets'
import { SyncServer } from './sync/syncServer'
import type { WorkshopFacts } from './workshops/facts'
import { WorkshopImporter } from './workshops/importWorkshop'
import { Retention } from './workshops/retention'
import { WorkshopFactory } from './workshops/workshopFactory'
import { WorkshopService } from './workshops/workshopService'
import { TrainingCatalog, withTrainingSessions } from './trainings/trainingCatalog'
import { TrainingStore } from './trainings/trainingStore'

export interface App {
  readonly server: Server
  readonly sync: SyncServer
  readonly methods: MethodRegistry
  readonly db: Db
  /** Organiser accounts (tests and the first-start link use it). */
  readonly accounts: OrganiserAccounts
  readonly retention: Retention
  /**
   * On a start with no organiser and local sign-in on: the one-time link
   * that creates the first organiser (a new one each start). Null otherwise.
   */
  firstStartLink(): string | null
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
export function workshopFactsFor(deps: { db: Db; docs: DocStore; methods: MethodRegistry; config?: Pick<Config, 'evaluationMinResponses'> }): ReportFacts {
  const config = deps.config ?? { evaluationMinResponses: DEFAULT_MIN_RESPONSES }
  return { ...createWorkshopFacts(deps), ...activityReportFacts(deps.db, config) }
}

export interface AppOptions {
  /** Replaces workshopFactsFor (tests pass their own). */
  facts?: WorkshopFacts
  /** Options of the media store (tests put a full disk behind it). */
  media?: MediaStoreOptions
}

/** Builds the whole server; nothing listens until listen(). Throws on a broken workshop definition. */
export function createApp(config: Config, log: Log, options: AppOptions = {}): App {
  const noLicence = licenceWarning(config)
  if (noLicence) log.warn({ publicUrl: config.publicUrl }, noLicence)
  const method = loadMethods({
    builtinDir: resolve(config.rootDir, 'workshops/definitions'),
    builtinPersonaDir: resolve(config.rootDir, 'workshops/personas'),
    extraDir: config.workshopsDir ?? undefined,
  })
  // A training's sessions are workshops whose definitions are generated from it (server/trainings/).
  const trainings = new TrainingCatalog({
    builtinDir: resolve(config.rootDir, 'workshops/trainings'),
    extraDir: config.workshopsDir ? resolve(config.workshopsDir, 'trainings') : undefined,
    cardKinds: method.cardKinds(),
  })
  const methods = withTrainingSessions(method, trainings)
  // This process's card kinds: the card shape's validators (server rules, reveal, exports) read them from here.
  installCardKinds(methods.cardKinds())
  const db = openDatabase(config.dataDir)
  trainings.useStore(new TrainingStore(db))
  // Boards stored by an older version are upgraded (and the upgrade stored) the first time anything loads them.
  const docs = new DocStore(db, { upgrade: (_name, ydoc) => upgradeBoardDoc(ydoc) })
  const workshopStore = new WorkshopStore(db)
  const sync = new SyncServer(docs, workshopStore, log, {
    maxMessageBytes: config.maxMessageBytes,
    unloadAfterMs: config.unloadAfterMs,
    pingIntervalMs: config.pingIntervalMs,
    isAllowedOrigin: originPolicy(config),
    limits: config.docLimits,
    maxRefusedPerMinute: config.maxRefusedPerMinute,
  }, new Seats(new ServerSecrets(db).get('seats')))
  const personas = new PersonaLibrary(methods, resolve(config.dataDir, 'personas'))
  const access = new WorkshopAccessStore(db)
  const mediaStore = new MediaStore(resolve(config.dataDir, 'media'), { limits: config.mediaLimits, ...options.media })
  const seal = LinkSeal.forDataDir(config.dataDir)
  const factory = new WorkshopFactory({ db, workshops: workshopStore, docs, methods, personas, access, seal })
  const workshops = new WorkshopService(workshopStore, docs, methods, sync, { db, access, seal, factory, media: mediaStore })
  const organisers = new OrganiserStore(db)
  const sessions = new SessionStore(db)
  const audit = new AuditStore(db)
  const accounts = new OrganiserAccounts(organisers, sessions, access)
  const auth = new OrganiserAuth(config, sessions, access, workshops)
  const oidc = config.auth.oidc ? new OidcSignIn(config.auth.oidc, log) : null
  const limits = new RateLimits(config.auth.trustProxy)
  const retention = new Retention(config.retentionDays, { access, workshops, audit, sessions, organisers, log })
  const facilitation = new FacilitationService(db, sync, log, methods)
  sync.setBoardLockReader(facilitation.isBoardLocked)
  const facts = options.facts ?? workshopFactsFor({ db, docs, methods, config })
  const importedFacts = new ImportedFactsStore(db)
  const boardImages = new BoardImageStore(db)
  const exporter = new WorkshopExporter({ docs, methods, facts: withImportedFacts(facts, importedFacts), images: boardImages, media: mediaStore, timeZone: config.timeZone })
  const importer = new WorkshopImporter(factory, methods, importedFacts, config.docLimits)
  const programmeStore = new ProgrammeStore(db)
  const programmes = new ProgrammeService({ db, store: programmeStore, workshops, workshopStore, methods, docs, seal })
  const carryOver = new CarryOverService({ store: programmeStore, workshops: workshopStore, docs, sync, methods, limits: config.docLimits, log })
  const programmeExporter = new ProgrammeExporter({ programmes, workshops: workshopStore, methods, exporter })
  const baseUrl = (req: IncomingMessage): string => {
    if (config.publicUrl) return config.publicUrl
    const proto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'
    return `${proto}://${req.headers.host ?? `localhost:${config.port}`}`
  }
  const media = new MediaService(mediaStore, workshopStore, sync, (req) => baseUrl(req).startsWith('https:'), config.maxMediaBytesPerSecond)
  const archive = new WorkshopArchive(mediaStore, exporter, importer, IMPORT_BODY_MAX_BYTES)
  const apiDeps: ApiDeps = {
    config,
    methods,
    personas,
    workshops,
    docs,
    sync,
    facts,
    exporter,
    importer,
    boardImages,
    facilitation,
    media,
    archive,
    baseUrl,
    auth,
    accounts,
    oidc,
    limits,
    audit,
    access,
    retention,
    programmes,
    carryOver,
    programmeExporter,
    trainings,
    db,
  }
  workshops.onDeleted(() => trainings.forgetUnused())
  const api = createApi(apiDeps, startActivities({ ...apiDeps, db, log, seal }))

  const server = createServer(async (req, res) => {
    setSecurityHeaders(res)
    const url = new URL(req.url ?? '/', 'http://localhost')
    try {
      if (await api(req, res, url)) return
      if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(config.clientDir, url.pathname, res)) return
      sendError(res, 404, 'not found')
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error.status, error.message, error.headers)
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

  let listeningPort: number | null = null
  return {
    server,
    sync,
    methods,
    db,
    accounts,
    retention,
    firstStartLink: () => {
      if (!config.auth.localSignIn) return null
      const token = accounts.setupToken()
      return token ? setupLink(config.publicUrl ?? `http://localhost:${listeningPort ?? config.port}`, token) : null
    },
    listen: () =>
      new Promise((ok, fail) => {
        server.once('error', fail)
        server.listen(config.port, config.host, () => {
          listeningPort = (server.address() as AddressInfo).port
          retention.start()
          ok(listeningPort)
        })
      }),
    close: async () => {
      retention.stop()
      sync.close()
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
      db.close()
    },
  }
}
