import { createEffect, createMemo, createSignal, For, onCleanup, onMount, type Accessor, type JSX } from 'solid-js'

/** Below this many cards the whole list is rendered (it costs less than a millisecond, and the browser's find works on all of it). */
const VIRTUAL_FROM = 100
/** Rendered beyond the visible part, above and below, in pixels. */
const MARGIN_PX = 800
const FIRST_GUESS_PX = 90

export interface CardListItem {
  id: string
  /** 1-based position and the list's size, for assistive technology (aria-posinset/-setsize). */
  position: number
  size: number
  /** The list's one Tab stop. */
  tabIndex: 0 | -1
  ref: (el: HTMLElement) => void
}

export interface CardListControl {
  /** Moves focus to a card (rendering and scrolling to it first). */
  focusCard(id: string): void
  /** Focus to the list itself, when there is no card left to focus. */
  focusList(): void
}

function scrollParentOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p)
    if (/(auto|scroll)/.test(style.overflowY)) return p
  }
  return null
}

/**
 * The list of all cards, rendered only where it can be seen (plus a margin)
 * once it is long, with one Tab stop: arrow keys, Home and End move between
 * cards, Enter (or the menu key) moves into the card's actions, arrows move
 * between them and Escape goes back to the card. Items measure themselves;
 * the unrendered rest is padding of the estimated height.
 */
export function VirtualCardList(props: {
  ids: Accessor<readonly string[]>
  labelledBy: string
  describedBy?: string
  control?: (c: CardListControl) => void
  children: (item: CardListItem) => JSX.Element
}) {
  let list!: HTMLUListElement
  let box!: HTMLDivElement
  let gap = 0
  let scroller: HTMLElement | null = null
  const heights = new Map<string, number>()
  const [active, setActive] = createSignal<string | null>(null)
  const [view, setView] = createSignal({ top: 0, height: 2000 })
  const [measured, setMeasured] = createSignal(0)

  const estimate = () => {
    measured()
    if (heights.size === 0) return FIRST_GUESS_PX
    let sum = 0
    for (const h of heights.values()) sum += h
    return sum / heights.size
  }
  const heightOf = (id: string, guess: number) => heights.get(id) ?? guess

  const range = createMemo(
    () => {
      const ids = props.ids()
      if (ids.length <= VIRTUAL_FROM) return { start: 0, end: ids.length, before: 0, after: 0 }
      const guess = estimate()
      const { top, height } = view()
      const from = top - MARGIN_PX
      const to = top + height + MARGIN_PX
      let y = 0
      let start = 0
      while (start < ids.length && y + heightOf(ids[start], guess) < from) y += heightOf(ids[start++], guess)
      const before = y
      let end = start
      while (end < ids.length && y < to) y += heightOf(ids[end++], guess)
      let after = 0
      for (let i = end; i < ids.length; i++) after += heightOf(ids[i], guess)
      return { start, end, before, after }
    },
    undefined,
    { equals: (a, b) => a.start === b.start && a.end === b.end && Math.abs(a.before - b.before) < 1 && Math.abs(a.after - b.after) < 1 },
  )
  const positions = createMemo(() => new Map(props.ids().map((id, i) => [id, i])))
  // The card with the Tab stop stays rendered even when the window moves away from it (a re-estimated window, a scroll by mouse): focus is never dropped to the page.
  const visible = createMemo(
    () => {
      const { start, end } = range()
      const shown = props.ids().slice(start, end)
      const keep = active()
      const at = keep === null ? undefined : positions().get(keep)
      if (keep === null || at === undefined || (at >= start && at < end)) return shown
      return at < start ? [keep, ...shown] : [...shown, keep]
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) },
  )
  /** The card that holds the Tab stop: the last one focused, else the first shown. */
  const tabStop = createMemo(() => {
    const a = active()
    return a !== null && positions().has(a) ? a : (visible()[0] ?? null)
  })

  let frame = 0
  const readView = () => {
    frame = 0
    if (!scroller) return
    const listTop = box.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
    setView({ top: scroller.scrollTop - listTop, height: scroller.clientHeight })
  }
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(readView)
  }
  const sizes = new ResizeObserver((entries) => {
    let changed = false
    for (const entry of entries) {
      const el = entry.target as HTMLElement
      const id = el.dataset.cardId
      const h = el.getBoundingClientRect().height + gap
      if (id && h > 0 && heights.get(id) !== h) {
        heights.set(id, h)
        changed = true
      }
    }
    if (changed) setMeasured((n) => n + 1)
  })
  onMount(() => {
    gap = parseFloat(getComputedStyle(list).rowGap) || 0
    scroller = scrollParentOf(list)
    scroller?.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onScroll)
    readView()
  })
  onCleanup(() => {
    scroller?.removeEventListener('scroll', onScroll)
    window.removeEventListener('resize', onScroll)
    if (frame) cancelAnimationFrame(frame)
    sizes.disconnect()
  })

  /** A card to focus once it is rendered (after a scroll, the window renders it in a later update). */
  let pendingFocus: string | null = null
  const tryPendingFocus = () => {
    if (pendingFocus === null) return
    const el = itemEl(pendingFocus)
    if (!el) return
    pendingFocus = null
    el.focus()
    el.scrollIntoView({ block: 'nearest' })
  }
  createEffect(() => {
    visible()
    queueMicrotask(tryPendingFocus)
  })
  const itemEl = (id: string) => list.querySelector<HTMLElement>(`li[data-card-id="${CSS.escape(id)}"]`)
  /** Whether a card is rendered in its own place (the kept Tab stop may be rendered just outside the window, out of place). */
  const inWindow = (id: string) => {
    const at = positions().get(id)
    const { start, end } = range()
    return at !== undefined && at >= start && at < end
  }
  const focusCard = (id: string) => {
    pendingFocus = null
    const ids = props.ids()
    const at = ids.indexOf(id)
    if (inWindow(id) || at < 0 || !scroller) {
      setActive(id)
      const found = itemEl(id)
      found?.focus()
      found?.scrollIntoView({ block: 'nearest' })
      return
    }
    // Not in the window: scroll to where it will be first, so the list renders it in its place, then focus it.
    const guess = estimate()
    let y = 0
    for (let i = 0; i < at; i++) y += heightOf(ids[i], guess)
    const listTop = box.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
    scroller.scrollTop = listTop + y - scroller.clientHeight / 3
    readView()
    setActive(id)
    pendingFocus = id
    tryPendingFocus()
  }
  props.control?.({ focusCard, focusList: () => list.focus() })

  const move = (from: string, step: number | 'first' | 'last') => {
    const ids = props.ids()
    if (ids.length === 0) return
    const at = positions().get(from) ?? 0
    const next = step === 'first' ? 0 : step === 'last' ? ids.length - 1 : Math.max(0, Math.min(ids.length - 1, at + step))
    focusCard(ids[next])
  }
  const tools = (li: HTMLElement) => [...li.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button, .outline-links button')].filter((b) => !b.disabled)

  const onKeyDown: JSX.EventHandler<HTMLUListElement, KeyboardEvent> = (e) => {
    const target = e.target as HTMLElement
    const li = target.closest<HTMLElement>('li[data-card-id]')
    if (!li || !list.contains(li)) return
    const id = li.dataset.cardId!
    if (target === li) {
      const keys: Record<string, number | 'first' | 'last'> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: 'first', End: 'last' }
      if (e.key in keys && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault()
        move(id, keys[e.key])
      } else if (e.key === 'Enter' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        e.preventDefault()
        tools(li)[0]?.focus()
      }
      return
    }
    if (target.closest('[role="toolbar"], .outline-links')) {
      const buttons = tools(li)
      const at = buttons.indexOf(target as HTMLButtonElement)
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
        e.preventDefault()
        buttons[(at + 1) % buttons.length]?.focus()
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
        e.preventDefault()
        buttons[(at - 1 + buttons.length) % buttons.length]?.focus()
      } else if (e.key === 'Escape') {
        e.preventDefault()
        li.focus()
      }
    }
  }

  return (
    // The padding stands for the cards above and below that are not rendered.
    <div ref={box} style={{ 'padding-top': `${range().before}px`, 'padding-bottom': `${range().after}px` }}>
    <ul
      ref={list}
      class="outline-cards"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocusIn={(e) => {
        const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-card-id]')
        if (li?.dataset.cardId) setActive(li.dataset.cardId)
      }}
    >
      <For each={visible()}>
        {(id) =>
          props.children({
            id,
            get position() {
              return (positions().get(id) ?? 0) + 1
            },
            get size() {
              return props.ids().length
            },
            get tabIndex() {
              return tabStop() === id ? 0 : -1
            },
            ref: (el) => {
              sizes.observe(el)
              onCleanup(() => sizes.unobserve(el))
            },
          })
        }
      </For>
    </ul>
    </div>
  )
}
