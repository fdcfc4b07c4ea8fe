import type { Card } from '../chain/cards'
import type { Lang } from '../lang'

/** What the small groups wrote, for the report: each group's frame (in the order they were made) and its cards. */
export interface GroupsReport {
  groups: Array<{ name: string; cards: string[] }>
}

export const GROUPS_REPORT_LABELS: Record<Lang, { heading: string; empty: string }> = {
  sv: { heading: 'Vad grupperna skrev', empty: 'Inga lappar.' },
  en: { heading: 'What the groups wrote', empty: 'No cards.' },
}

/** Frames the groups route made (meta.group) and the cards in them; null when the workshop had no groups. */
export function groupsReport(records: readonly unknown[], cards: readonly Card[]): GroupsReport | null {
  const frames = records.filter(
    (r): r is { id: string; index: string; props: { name?: string }; meta: { group?: unknown } } =>
      !!r && typeof r === 'object' && (r as { type?: string }).type === 'frame' && typeof (r as { meta?: { group?: unknown } }).meta?.group === 'string',
  )
  if (frames.length === 0) return null
  const ordered = [...frames].sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
  return {
    groups: ordered.map((f) => ({
      name: typeof f.props?.name === 'string' && f.props.name.trim() ? f.props.name : f.id,
      cards: cards.filter((c) => c.frameId === f.id).map((c) => c.text).filter((t) => t.trim() !== ''),
    })),
  }
}
