import type { Editor, TLShape } from 'tldraw'

function isPinned(shape: TLShape): boolean {
  return (shape.meta as { pinned?: boolean }).pinned === true
}

/**
 * Template frames that hold participants' cards (journey phases, cause-effect
 * zones, Målbild) cannot be locked, since tldraw lets nothing into a locked
 * frame; they are pinned instead: participants cannot move, resize, rename or
 * delete them, while cards still go in and out. Facilitators can. Nor can
 * participants lock or unlock shapes: what the facilitator locked stays locked.
 */
export function guardPinnedShapes(editor: Editor): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user') return next
    // Locks are the facilitator's: a participant can neither unlock nor lock anything.
    if (prev.isLocked !== next.isLocked) return prev
    if (!isPinned(prev)) return next
    const same =
      prev.x === next.x &&
      prev.y === next.y &&
      prev.rotation === next.rotation &&
      prev.parentId === next.parentId &&
      JSON.stringify(prev.props) === JSON.stringify(next.props)
    return same ? next : prev
  })
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source === 'user' && isPinned(shape)) return false
  })
  return () => {
    stopChange()
    stopDelete()
  }
}
