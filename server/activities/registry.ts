import type { ReportFacts } from '../export/exportWorkshop'
import type { Db } from '../store/database'
import { evaluationActivity } from '../evaluation/activity'
import type { ActivityConfig, ActivityContext, ServerActivity } from './activity'
import { privateWritingActivity } from './privateWriting'
import { voteActivity } from './vote'
import { groupsActivity } from '../groups/activity'

/** Every facilitation activity of the server, once. A new activity adds one line here. */
export const SERVER_ACTIVITIES: readonly ServerActivity[] = [voteActivity, privateWritingActivity, evaluationActivity, groupsActivity]

/** Starts every activity; their routes join the HTTP API. */
export function startActivities(ctx: ActivityContext) {
  return SERVER_ACTIVITIES.map((a) => a.start(ctx))
}

/** What the activities add to the report's facts, from the store alone. */
export function activityReportFacts(db: Db, config: ActivityConfig): Partial<ReportFacts> {
  return Object.assign({}, ...SERVER_ACTIVITIES.map((a) => a.reportFacts?.({ db, config }) ?? {})) as Partial<ReportFacts>
}
