import type { WorkshopRow } from '../store/workshopStore'
import { keyMatches } from './keys'

export type Role = 'facilitator' | 'participant'

/** Who holds a key: its role, and the organiser when it is a facilitator key of an organiser's own session. */
export interface KeyHolder {
  role: Role
  organiser: string | null
  /** The key is the workshop's programme's, which opens every workshop in it with the same role. */
  viaProgramme?: boolean
}

/** What a key grants in a workshop, or null for a wrong key. */
export function holderOfKey(workshop: WorkshopRow, key: string): KeyHolder | null {
  if (keyMatches(key, workshop.facilitatorKeyHash)) return { role: 'facilitator', organiser: null }
  if (keyMatches(key, workshop.participantKeyHash)) return { role: 'participant', organiser: null }
  for (const own of workshop.organiserKeys) if (keyMatches(key, own.hash)) return { role: 'facilitator', organiser: own.email }
  const programme = workshop.programme
  if (programme) {
    if (keyMatches(key, programme.facilitatorKeyHash)) return { role: 'facilitator', organiser: null, viaProgramme: true }
    if (keyMatches(key, programme.participantKeyHash)) return { role: 'participant', organiser: null, viaProgramme: true }
  }
  return null
}

/** Which role a key grants in a workshop, or null for a wrong key. */
export function roleForKey(workshop: WorkshopRow, key: string): Role | null {
  return holderOfKey(workshop, key)?.role ?? null
}
