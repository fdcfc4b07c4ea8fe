import type { Editor } from 'tldraw'

/**
 * tldraw listens for its single-letter shortcuts whenever its editor thinks
 * it has focus, and it keeps thinking so after focus has moved to the
 * sidebar or the outline ("d" there switched to the draw tool). This ties
 * the editor's focus to the page's: focused while focus is inside the
 * board's element, blurred as soon as it is anywhere else.
 */
export function shortcutsOnlyWhileFocused(editor: Editor, element: HTMLElement): () => void {
  const sync = (target: EventTarget | null) => {
    const inside = target instanceof Node && element.contains(target)
    const focused = editor.getInstanceState().isFocused
    if (inside && !focused) editor.focus({ focusContainer: false })
    else if (!inside && focused) editor.blur({ blurContainer: false })
  }
  const onFocusIn = (event: FocusEvent) => sync(event.target)
  document.addEventListener('focusin', onFocusIn)
  // tldraw focuses itself on mount; the page's focus may be elsewhere (the heading after joining).
  sync(document.activeElement)
  return () => document.removeEventListener('focusin', onFocusIn)
}
