import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config'
import type { FacilitationService } from '../facilitation/facilitationService'
import type { BoardImageStore } from '../export/boardImages'
import type { WorkshopExporter } from '../export/exportWorkshop'
import type { MethodRegistry } from '../methods/loadMethods'
import type { MediaService } from '../media/mediaService'
import type { WorkshopArchive } from '../media/workshopArchive'
import type { PersonaLibrary } from '../personas/personaLibrary'
import type { DocStore } from '../store/docStore'
import type { SyncServer } from '../sync/syncServer'
import type { WorkshopFacts } from '../workshops/facts'
import type { WorkshopImporter } from '../workshops/importWorkshop'
import type { WorkshopService } from '../workshops/workshopService'

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, params: string[]) => Promise<void> | void

/** One HTTP endpoint. Route modules under routes/ each return a list of these. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  pattern: RegExp
  handler: Handler
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
}

/** Workshop ids in URL patterns. */
export const ID = '([A-Za-z0-9_-]{16,64})'
