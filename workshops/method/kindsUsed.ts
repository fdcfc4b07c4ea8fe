import type { CardKind } from '../cards/kinds'
import type { WorkshopDefinition } from './types'

/** The card kinds a workshop's steps use, in the order they first come, with the note (which every workshop has) last. */
export function kindsUsed(definition: Pick<WorkshopDefinition, 'steps'> | null | undefined): CardKind[] {
  const kinds = new Set<CardKind>()
  for (const step of definition?.steps ?? []) for (const kind of step.cardKinds) kinds.add(kind)
  kinds.delete('note')
  return [...kinds, 'note']
}

/** The workshop lays out a training of sessions and blocks (WS5): its boards check the plan's times and needs. */
export function plansSessions(definition: Pick<WorkshopDefinition, 'steps'> | null | undefined): boolean {
  return (definition?.steps ?? []).some((s) => s.cardKinds.includes('session') || s.cardKinds.includes('block'))
}
