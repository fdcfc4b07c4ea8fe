import type * as Y from 'yjs'
import { CONTROL_GROUPS, GROUPS_CURRENT } from '../facilitation/controlLayout'
import type { Group, GroupsState } from './groups'

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max

function readGroup(value: unknown): Group | null {
  if (!value || typeof value !== 'object') return null
  const g = value as Record<string, unknown>
  if (!isText(g.id, 40) || !isText(g.frameId) || !Array.isArray(g.members)) return null
  return { id: g.id, frameId: g.frameId, members: g.members.filter((m): m is string => isText(m, 64)) }
}

/** The groups in the control document; null when there are none. Accepts anything (old or broken documents). */
export function readGroups(doc: Y.Doc): GroupsState | null {
  const value = doc.getMap<unknown>(CONTROL_GROUPS).get(GROUPS_CURRENT)
  if (!value || typeof value !== 'object') return null
  const s = value as Record<string, unknown>
  if (!isText(s.id, 64) || !Array.isArray(s.groups)) return null
  const message = s.message && typeof s.message === 'object' ? (s.message as Record<string, unknown>) : null
  return {
    id: s.id,
    stepId: isText(s.stepId, 64) ? s.stepId : null,
    roles: s.roles === true,
    round: typeof s.round === 'number' && Number.isInteger(s.round) && s.round >= 0 ? s.round : 0,
    groups: s.groups.map(readGroup).filter((g): g is Group => g !== null),
    message: message && isText(message.text, 1000) && typeof message.at === 'number' ? { text: message.text, at: message.at } : null,
    endedAt: typeof s.endedAt === 'number' ? s.endedAt : null,
    plenaryFrameId: isText(s.plenaryFrameId) ? s.plenaryFrameId : null,
  }
}

/** Replaces the groups whole (the server's one writer). */
export function writeGroups(doc: Y.Doc, state: GroupsState): void {
  doc.getMap<unknown>(CONTROL_GROUPS).set(GROUPS_CURRENT, JSON.parse(JSON.stringify(state)))
}
