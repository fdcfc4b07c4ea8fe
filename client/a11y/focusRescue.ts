/**
 * Keeps keyboard focus somewhere sensible when what had it goes away: a
 * button that a click replaces (Starta timer → Pausa, Starta röstning →
 * Avsluta röstningen), a + that is disabled after the last dot, a panel that
 * closes. Without this the browser drops focus on <body> and a keyboard or
 * screen-reader user starts again from the top of the page.
 *
 * It remembers the focused element's ancestors; when focus is lost (the
 * active element is <body>) and that element is gone or disabled, it focuses
 * the first focusable element of the nearest ancestor still on the page
 * (preferring what comes after the lost element's place), or the ancestor
 * itself if it can take focus. Returns the function that removes it.
 */
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function keepFocusInPlace(root: HTMLElement): () => void {
  let last: HTMLElement | null = null
  let ancestors: HTMLElement[] = []
  let scheduled = false

  const usable = (el: HTMLElement) => el.isConnected && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0

  const rescue = () => {
    scheduled = false
    if (document.activeElement !== document.body || !last) return
    if (usable(last)) return // focus left on purpose (a click on something that takes no focus)
    for (const a of ancestors) {
      if (!a.isConnected || !root.contains(a)) continue
      // A container that takes focus itself (the canvas, a dialog) gets it back rather than its first button.
      if (a.hasAttribute('tabindex') && usable(a)) {
        a.focus()
        return
      }
      const candidates = [...a.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(usable)
      // The lost element, if still there, marks the place: what follows it comes first.
      const after = last.isConnected ? candidates.filter((c) => last!.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) : []
      const target = after[0] ?? candidates[0]
      if (target) {
        target.focus()
        return
      }
    }
  }
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(rescue)
  }

  const onFocusIn = (event: FocusEvent) => {
    const el = event.target as HTMLElement
    if (!root.contains(el)) return
    last = el
    ancestors = []
    for (let a = el.parentElement; a && a !== root.parentElement; a = a.parentElement) ancestors.push(a)
  }
  const observer = new MutationObserver(schedule)
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] })
  root.addEventListener('focusin', onFocusIn)
  return () => {
    observer.disconnect()
    root.removeEventListener('focusin', onFocusIn)
  }
}
