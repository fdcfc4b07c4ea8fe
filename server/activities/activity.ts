import type { LinkSeal } from '../auth/linkSeal'
import type { Config } from '../config'
import type { ReportFacts } from '../export/exportWorkshop'
import type { ApiDeps, Route } from '../http/route'
import type { Log } from '../log'
import type { Db } from '../store/database'

/**
 * A facilitation activity on the server (a dot vote, private writing, the
 * evaluation): its routes, and what it adds to the report. Activities are
 * listed once in registry.ts; app.ts starts them and the API serves their
 * routes, so a new activity edits neither.
 */
export interface ServerActivity {
  id: string
  /** Makes the activity's service and routes for a running server. */
  start(ctx: ActivityContext): ActivityInstance
  /**
   * What it adds to the report's facts, read from the store alone: the
   * export CLI (npm run export) has no running server.
   */
  reportFacts?(deps: { db: Db; config: ActivityConfig }): Partial<ReportFacts>
}

export interface ActivityInstance {
  routes: Route[]
}

/** Everything the API's routes get, and the store, the log and the link seal. */
export type ActivityContext = ApiDeps & { db: Db; log: Log; seal: LinkSeal }

/** The settings activities read from the store-only side. */
export type ActivityConfig = Pick<Config, 'evaluationMinResponses'>
