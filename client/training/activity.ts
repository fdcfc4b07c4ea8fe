import type { ClientActivity } from '../activities/activity'
import { GroupsPanel } from './GroupsPanel'

/** Small groups and role-play in threes (server/groups). */
export const groupsActivity: ClientActivity = { id: 'groups', Panel: GroupsPanel }
