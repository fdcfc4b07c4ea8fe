import type { WorkshopRow } from '../store/workshopStore'
import { keyMatches } from './keys'

export type Role = 'facilitator' | 'participant'

/** Which role a key grants in a workshop, or null for a wrong key. */
export function roleForKey(workshop: WorkshopRow, key: string): Role | null {
  if (keyMatches(key, workshop.facilitatorKeyHash)) return 'facilitator'
  if (keyMatches(key, workshop.participantKeyHash)) return 'participant'
  return null
}
