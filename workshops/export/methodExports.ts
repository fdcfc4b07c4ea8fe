import type { WorkshopDefinition } from '../method/types'

/**
 * The exports of WS4–WS8's own cards, and which card kinds make each one
 * worth offering: the export menu shows a group when the workshop's steps
 * use one of its kinds. The server serves every one for any workshop (an
 * empty plan is still a valid file).
 */
export const METHOD_EXPORTS = [
  { id: 'feedback', kinds: ['feedback'], files: ['feedback.xlsx', 'feedback.md'] },
  { id: 'training-plan', kinds: ['session', 'block'], files: ['training-plan.docx', 'training-plan.xlsx'] },
  { id: 'manuscript', kinds: ['scene', 'line', 'shot'], files: ['manuscript.docx', 'shot-list.xlsx', 'shot-list.csv'] },
  { id: 'exercises', kinds: ['exercise'], files: ['exercises.docx'] },
  { id: 'plans', kinds: ['organisation', 'activity'], files: ['plans.xlsx'] },
] as const

export type MethodExportFile = (typeof METHOD_EXPORTS)[number]['files'][number]

/** The groups whose kinds the workshop's steps use, in menu order. */
export function methodExportsFor(definition: Pick<WorkshopDefinition, 'steps'> | null | undefined): Array<(typeof METHOD_EXPORTS)[number]> {
  const used = new Set((definition?.steps ?? []).flatMap((s) => s.cardKinds))
  return METHOD_EXPORTS.filter((group) => group.kinds.some((kind) => used.has(kind)))
}
