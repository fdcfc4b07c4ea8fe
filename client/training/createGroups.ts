import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import type { GroupsState } from '../../workshops/groups/groups'
import { readGroups } from '../../workshops/groups/groupsDoc'
import type { ActivityProps } from '../activities/activity'
import { groupsApi, type MyPlace } from './groupsApi'

/** The groups in the control document, read again whenever it changes. */
export function groupsOf(props: ActivityProps): Accessor<GroupsState | null> {
  return createMemo(() => {
    props.control.state()
    return readGroups(props.control.doc)
  })
}

type Bounds = { x: number; y: number; w: number; h: number }

/** The page bounds of frames on the page (group frames and step frames sit on the page itself). */
export function framesBounds(records: readonly TLRecord[], ids: readonly string[]): Bounds | null {
  const frames = records.filter((r): r is TLRecord & { x: number; y: number; props: { w: number; h: number } } => ids.includes(r.id) && r.typeName === 'shape')
  if (frames.length === 0) return null
  const x = Math.min(...frames.map((f) => f.x))
  const y = Math.min(...frames.map((f) => f.y))
  return { x, y, w: Math.max(...frames.map((f) => f.x + f.props.w)) - x, h: Math.max(...frames.map((f) => f.y + f.props.h)) - y }
}

/**
 * This participant's place: asked of the server with this page's seat
 * whenever the groups change (so the role's text reaches no one else), and
 * the view moved to the group's frame, and back to everyone's when the
 * facilitator brings everyone back.
 */
export function createMyPlace(props: ActivityProps, groups: Accessor<GroupsState | null>): Accessor<MyPlace | null> {
  const [place, setPlace] = createSignal<MyPlace | null>(null)
  const me = () => props.userId ?? ''
  const myGroup = () => groups()?.groups.find((g) => g.members.includes(me())) ?? null
  // What changes my place: a new split, a new round, being moved, the end.
  const key = () => {
    const g = groups()
    return g ? `${g.id}/${g.round}/${myGroup()?.id ?? '-'}/${g.endedAt ?? ''}/${myGroup()?.members.join(',') ?? ''}` : ''
  }
  let asked = 0
  createEffect(
    on([key, () => props.seat?.() ?? null], async ([k, seat]) => {
      const mine = ++asked
      if (!k || !seat || !myGroup() || groups()?.endedAt !== null) return setPlace(null)
      try {
        const answer = await groupsApi.mine(props.workshopId, props.workshopKey, seat)
        if (mine === asked) setPlace(answer)
      } catch {
        if (mine === asked) setPlace(null)
      }
    }),
  )
  // Move the view once per split, move and end, not on every change of the document.
  let shown = ''
  createEffect(() => {
    const g = groups()
    if (!g || props.isFacilitator) return
    const group = myGroup()
    const target = g.endedAt !== null ? `end/${g.id}` : group ? `${g.id}/${group.id}` : ''
    if (!target || target === shown) return
    // The frames come with the board document, maybe a moment after the groups: wait for them.
    if (group && g.endedAt === null && !props.records().some((r) => r.id === group.frameId)) return
    shown = target
    if (g.endedAt !== null) {
      const bounds = framesBounds(props.records(), [...(g.plenaryFrameId ? [g.plenaryFrameId] : []), ...g.groups.map((x) => x.frameId)])
      if (bounds) props.show?.({ bounds })
      else if (g.plenaryFrameId) props.show?.({ frameId: g.plenaryFrameId })
    } else if (group) props.show?.({ frameId: group.frameId })
  })
  return place
}
