import type { Localized } from '../../workshops/lang'
import { request } from '../api/http'

export interface ListedTraining {
  id: string
  title: Localized
  goal: Localized
  sessions: Array<{ id: string; title: Localized; minutes: number; blocks: Array<{ id: string; title: Localized; type: string; minutes: number }> }>
}

export interface CreatedTraining {
  id: string
  title: string
  sessions: Array<{ id: string; session: string; title: Localized; facilitatorUrl: string; participantUrl: string }>
}

export const trainingApi = {
  list: () => request<ListedTraining[]>('/api/trainings'),
  create: (body: { training: string; title: string } | { fromWorkshop: string; title: string }) =>
    request<CreatedTraining>('/api/trainings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
}
