import type { IncomingMessage, ServerResponse } from 'node:http'
import type { OidcSignIn } from '../auth/oidc'
import type { OrganiserAccounts } from '../auth/organiserAccounts'
import type { OrganiserAuth } from '../auth/organiserAuth'
import type { Config } from '../config'
import type { FacilitationService } from '../facilitation/facilitationService'
import type { BoardImageStore } from '../export/boardImages'
import type { WorkshopExporter } from '../export/exportWorkshop'
import type { MethodRegistry } from '../methods/loadMethods'
import type { MediaService } from '../media/mediaService'
import type { WorkshopArchive } from '../media/workshopArchive'
import type { PersonaLibrary } from '../personas/personaLibrary'
import type { CarryOverService } from '../programmes/carryOverService'
import type { ProgrammeExporter } from '../programmes/programmeExports'
import type { ProgrammeService } from '../programmes/programmeService'
import type { AuditStore } from '../store/auditStore'
import type { DocStore } from '../store/docStore'
import type { WorkshopAccessStore } from '../store/workshopAccessStore'
import type { SyncServer } from '../sync/syncServer'
import type { WorkshopFacts } from '../workshops/facts'
import type { WorkshopImporter } from '../workshops/importWorkshop'
import type { Retention } from '../workshops/retention'
import type { WorkshopService } from '../workshops/workshopService'
import type { RateLimits } from './rateLimit'
import type { TrainingCatalog } from '../trainings/trainingCatalog'
import type { Db } from '../store/database'

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, params: string[]) => Promise<void> | void

/** One HTTP endpoint. Route modules under routes/ each return a list of these. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  pattern: RegExp
  handler: Handler
  /**
   * Needs no workshop key (sign-in, lists, creating with a session): each
   * request counts against the per-address limit in rateLimit.ts.
   */
  public?: boolean
}

/** What route handlers may use. */
export interface ApiDeps {
  config: Config
  methods: MethodRegistry
  personas: PersonaLibrary
  workshops: WorkshopService
  docs: DocStore
  sync: SyncServer
  /** Votes and the agenda as run, from the facilitation state. */
  facts: WorkshopFacts
  /** Builds the export files (pairs, report, workshop file). */
  exporter: WorkshopExporter
  /** Creates workshops from workshop files. */
  importer: WorkshopImporter
  /** The latest board image per workshop, for the report. */
  boardImages: BoardImageStore
  /** Dot votes, the reveal of private cards, the board lock. */
  facilitation: FacilitationService
  /** Images and films: uploads, media sessions, serving files. */
  media: MediaService
  /** The .zip workshop file with its media, and imports of either workshop file. */
  archive: WorkshopArchive
  /** Origin that links are built from: PUBLIC_URL, or the request's own host. */
  baseUrl(req: IncomingMessage): string
  /** Who the organiser of a request is (server/auth/organiserAuth.ts): `auth.requireOrganiser(req)` on every creating endpoint. */
  auth: OrganiserAuth
  accounts: OrganiserAccounts
  /** Null unless OIDC_ISSUER is set. */
  oidc: OidcSignIn | null
  limits: RateLimits
  audit: AuditStore
  /** Organisers of workshops, their keys, kept participant links, activity. */
  access: WorkshopAccessStore
  retention: Retention
  /** Programmes: workshops run as one, with keys that open each of them. */
  programmes: ProgrammeService
  /** What a workshop of a programme takes from the earlier ones. */
  carryOver: CarryOverService
  /** A programme's traceability and report. */
  programmeExporter: ProgrammeExporter
  /** Trainings (their files and the ones made from WS5); their sessions are workshops of generated definitions. */
  trainings: TrainingCatalog
  db: Db
}

/** Workshop ids in URL patterns. */
export const ID = '([A-Za-z0-9_-]{16,64})'
