import { createSignal, onCleanup, type Accessor } from 'solid-js'

export type PanelView = 'board' | 'outline' | 'tools'

export interface PanelLayout {
  /** Too narrow for three columns (a phone, or 200 % zoom): one view at a time, chosen with tabs. */
  narrow: Accessor<boolean>
  view: Accessor<PanelView>
  setView(view: PanelView): void
  /** Side panels at desktop widths; remembered in this browser. */
  toolsOpen: Accessor<boolean>
  setToolsOpen(open: boolean): void
  outlineOpen: Accessor<boolean>
  setOutlineOpen(open: boolean): void
  /** Whether a view is on screen now, whatever the width. */
  shows(view: PanelView): boolean
  /** Puts a view on screen (a tab, or an expanded panel). */
  reveal(view: PanelView): void
}

/** 760 CSS px: a 1280 px screen at 200 % zoom is 640, a phone 320–430. */
export const NARROW_QUERY = '(max-width: 760px)'
const STORAGE_KEY = 'samverkstad.panels'

function stored(): { tools: boolean; outline: boolean } {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>
    return { tools: v.tools !== false, outline: v.outline !== false }
  } catch {
    return { tools: true, outline: true }
  }
}

/** Which of the workshop page's panels are shown; owned by the workshop room. */
export function createPanelLayout(): PanelLayout {
  const query = window.matchMedia(NARROW_QUERY)
  const [narrow, setNarrow] = createSignal(query.matches)
  const onQuery = () => setNarrow(query.matches)
  query.addEventListener('change', onQuery)
  onCleanup(() => query.removeEventListener('change', onQuery))

  const initial = stored()
  const [view, setView] = createSignal<PanelView>('board')
  const [toolsOpen, setTools] = createSignal(initial.tools)
  const [outlineOpen, setOutline] = createSignal(initial.outline)
  const save = () => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ tools: toolsOpen(), outline: outlineOpen() }))
    } catch {
      // Private mode: the choice lasts for this page.
    }
  }
  const layout: PanelLayout = {
    narrow,
    view,
    setView,
    toolsOpen,
    setToolsOpen: (open) => {
      setTools(open)
      save()
    },
    outlineOpen,
    setOutlineOpen: (open) => {
      setOutline(open)
      save()
    },
    shows: (v) => (narrow() ? view() === v : v === 'board' || (v === 'tools' ? toolsOpen() : outlineOpen())),
    reveal: (v) => {
      if (narrow()) setView(v)
      else if (v === 'tools') layout.setToolsOpen(true)
      else if (v === 'outline') layout.setOutlineOpen(true)
    },
  }
  return layout
}
