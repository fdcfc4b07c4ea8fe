import type { Editor, TLRecord, TLShape } from 'tldraw'
import { whyNot } from '../../workshops/rules/judge'
import { reportLocalRefusal } from '../workshop/localRefusals'

/**
 * A participant's board keeps to the rules the server applies
 * (workshops/rules): what the facilitator locked, pinned template frames
 * (participants cannot move, resize, rename or delete them, while cards go
 * in and out), template content (written in, never deleted), and locks,
 * which only facilitators set. A change that would be refused is not made,
 * and the person is told why, instead of sending it to be taken back.
 * (A locked board is read-only in tldraw itself.)
 */
export function guardByRules(editor: Editor): () => void {
  const who = { role: 'participant' as const, boardLocked: false, get: (id: string) => editor.store.get(id as TLRecord['id']) as TLRecord | undefined }
  const refuse = (reason: ReturnType<typeof whyNot>) => {
    if (reason) reportLocalRefusal(reason)
    return reason
  }
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user') return next
    return refuse(whyNot(who, next.id, next as TLRecord)) ? prev : next
  })
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source === 'user' && refuse(whyNot(who, shape.id, undefined))) return false
  })
  // A pasted or duplicated copy of a locked or template shape arrives as the participant's own: unlocked, no template marks.
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user') return shape
    const meta = { ...(shape.meta as Record<string, unknown>) }
    delete meta.template
    delete meta.pinned
    return { ...shape, isLocked: false, meta } as TLShape
  })
  return () => {
    stopChange()
    stopDelete()
    stopCreate()
  }
}
