import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config'
import type { MethodRegistry } from '../methods/loadMethods'
import type { DocStore } from '../store/docStore'
import type { SyncServer } from '../sync/syncServer'
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
  workshops: WorkshopService
  docs: DocStore
  sync: SyncServer
  /** Origin that links are built from: PUBLIC_URL, or the request's own host. */
  baseUrl(req: IncomingMessage): string
}

/** Workshop ids in URL patterns. */
export const ID = '([A-Za-z0-9_-]{16,64})'
