import type { ServerActivity } from '../activities/activity'
import { EvaluationService } from './evaluationService'
import { EvaluationStore } from './evaluationStore'
import { evaluationRoutes } from './evaluationRoutes'
import { reportResults } from './evaluationResults'

/** The closing evaluation: anonymous before/after ratings, their results in the report, and the follow-up. */
export const evaluationActivity: ServerActivity = {
  id: 'evaluation',
  start(ctx) {
    const service = new EvaluationService(ctx)
    return { routes: evaluationRoutes(ctx, service) }
  },
  reportFacts({ db, config }) {
    const store = new EvaluationStore(db)
    return { evaluationResults: (workshopId) => reportResults(store, workshopId, config.evaluationMinResponses) }
  },
}
