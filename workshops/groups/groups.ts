import { ROLES, type Role } from '../training/types'

/**
 * Small groups, pure: splitting people into groups, moving a person, and
 * the roles of a role-play round. The state lives in the control document
 * (root `groups`, written by the server only; groupsDoc.ts).
 */

export interface Group {
  /** "g1", "g2" … within one split. */
  id: string
  /** Presence user ids, in the order roles are dealt. */
  members: string[]
  /** The frame the group works in (made by the server). */
  frameId: string
}

export interface GroupsState {
  /** A new id for every split: clients move their view once per split. */
  id: string
  stepId: string | null
  roles: boolean
  /** Role-play rounds: 0 for the first; "Byt roller" adds one. */
  round: number
  groups: Group[]
  /** The facilitator's last message to all groups. */
  message: { text: string; at: number } | null
  /** Server ms of "Alla tillbaka"; null while the groups work. */
  endedAt: number | null
  /** Where everyone is brought back to (the plenary frame). */
  plenaryFrameId: string | null
}

export const MAX_GROUP_MESSAGE = 280
/** The people one split may hold (far above a 60-person training). */
export const MAX_PEOPLE = 500
export const MAX_FIELD_VALUE = 60

export interface Person {
  id: string
  /** The join field's value (e.g. the organisation), for splitting by field. */
  field?: string
}

/** Fisher–Yates with the caller's random (a seeded one in tests). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/**
 * How many groups `n` people make at `size`: at most `size` each (open
 * discussion), or, for role-play, at least `size` each so every group has
 * all three roles (a fourth person is a second observer).
 */
export function groupCount(n: number, size: number, roles: boolean): number {
  if (n === 0) return 0
  return Math.max(1, roles ? Math.floor(n / size) : Math.ceil(n / size))
}

function deal<T>(people: readonly T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => [])
  people.forEach((p, i) => groups[i % count].push(p))
  return groups
}

/**
 * People in groups whose sizes are within one of each other. With `byField`,
 * people with the same field value are grouped together (each value split on
 * its own, so sizes are within one inside each value); people without a value
 * form one more set.
 */
export function splitIntoGroups(people: readonly Person[], size: number, opts: { roles: boolean; byField: boolean; random: () => number }): string[][] {
  const unique = [...new Map(people.map((p) => [p.id, p])).values()]
  if (!opts.byField) return deal(shuffled(unique, opts.random).map((p) => p.id), groupCount(unique.length, size, opts.roles))
  const byValue = new Map<string, string[]>()
  for (const p of unique) {
    const value = (p.field ?? '').trim().toLocaleLowerCase('sv')
    byValue.set(value, [...(byValue.get(value) ?? []), p.id])
  }
  const values = [...byValue.keys()].sort()
  return values.flatMap((v) => {
    const ids = shuffled(byValue.get(v)!, opts.random)
    return deal(ids, groupCount(ids.length, size, opts.roles))
  })
}

/** The groups with `userId` moved to group `to` (or added there, for someone who joined late). Unknown `to`: unchanged. */
export function moveMember(groups: readonly Group[], userId: string, to: string): Group[] {
  if (!groups.some((g) => g.id === to)) return groups.map((g) => ({ ...g, members: [...g.members] }))
  return groups.map((g) => {
    const members = g.members.filter((m) => m !== userId)
    return { ...g, members: g.id === to ? [...members, userId] : members }
  })
}

/** The role of the member at `index` in `round`: everyone in a group plays each role over three rounds. */
export function roleOf(index: number, round: number): Role {
  return ROLES[(((index + round) % ROLES.length) + ROLES.length) % ROLES.length]
}

/** Where one person is: their group and, in role-play, their role. */
export function placeOf(state: GroupsState | null, userId: string): { group: Group; role: Role | null } | null {
  if (!state || state.endedAt !== null) return null
  for (const group of state.groups) {
    const index = group.members.indexOf(userId)
    if (index >= 0) return { group, role: state.roles ? roleOf(index, state.round) : null }
  }
  return null
}
