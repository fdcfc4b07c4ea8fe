import type { Localized } from '../../workshops/lang'
import type { Group, GroupsState } from '../../workshops/groups/groups'
import type { Role } from '../../workshops/training/types'
import { request } from '../api/http'

export interface MyPlace {
  group: Group | null
  role: Role | null
  exercise: { title: Localized; situation: Localized; instructions: Localized; questions: Localized[] } | null
}

export type GroupsRequest =
  | { size: number; roles?: boolean; by?: string; step?: string }
  | { action: 'rotate' }
  | { action: 'end' }
  | { action: 'move'; userId: string; to: string }
  | { action: 'message'; text: string }

const path = (id: string) => `/api/workshops/${encodeURIComponent(id)}/groups`

export const groupsApi = {
  send: (workshopId: string, key: string, body: GroupsRequest) =>
    request<GroupsState>(path(workshopId), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) }),
  mine: (workshopId: string, key: string, seat: string) =>
    request<MyPlace>(`${path(workshopId)}/mine?seat=${encodeURIComponent(seat)}`, { headers: { authorization: `Bearer ${key}` } }),
}
