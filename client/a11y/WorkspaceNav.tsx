import './a11y.css'
import { For, Show } from 'solid-js'
import { t, type MessageKey } from '../i18n/i18n'
import type { PanelLayout, PanelView } from './createPanelLayout'

/** Where each view's focus goes: the board's canvas (so its shortcuts work), a panel's own landmark otherwise. */
const TARGETS: Record<PanelView, string> = {
  board: '#board-region .tl-container, #board-region',
  outline: '#outline-panel',
  tools: '#tools-panel',
}

/** Shows a view and moves focus into it once it is on screen. */
export function goToView(layout: PanelLayout, view: PanelView): void {
  layout.reveal(view)
  requestAnimationFrame(() => {
    // The first of the selectors that is on the page (a list selector would match the outer region first).
    for (const selector of TARGETS[view].split(',')) {
      const el = document.querySelector<HTMLElement>(selector.trim())
      if (el) return el.focus()
    }
  })
}

/** The first Tab stops of the workshop page: past the header straight to the outline, the tools or the board. */
export function SkipLinks(props: { layout: PanelLayout; isFacilitator: boolean }) {
  const link = (view: PanelView, label: MessageKey) => (
    <a
      href={TARGETS[view].split(',')[0].trim().replace(/ .*/, '')}
      onClick={(e) => {
        e.preventDefault()
        goToView(props.layout, view)
      }}
    >
      {t(label)}
    </a>
  )
  return (
    <nav class="skip-links" aria-label={t('a11y.skipLinks')}>
      {link('outline', 'a11y.skipOutline')}
      <Show when={props.isFacilitator}>{link('tools', 'a11y.skipTools')}</Show>
      {link('board', 'a11y.skipBoard')}
    </nav>
  )
}

const VIEWS: Array<[PanelView, MessageKey]> = [
  ['board', 'a11y.tabBoard'],
  ['outline', 'a11y.tabOutline'],
  ['tools', 'a11y.tabTools'],
]

/** At narrow widths one view at a time: these switch between them (pressed = shown). */
export function ViewTabs(props: { layout: PanelLayout }) {
  return (
    <Show when={props.layout.narrow()}>
      <div class="view-tabs" role="group" aria-label={t('a11y.tabsLabel')}>
        <For each={VIEWS}>
          {([view, label]) => (
            <button type="button" class="view-tab" aria-pressed={props.layout.view() === view} onClick={() => props.layout.setView(view)}>
              {t(label)}
            </button>
          )}
        </For>
      </div>
    </Show>
  )
}

/** At desktop widths: shows or hides a side panel (the choice is remembered in this browser). */
export function PanelToggle(props: { layout: PanelLayout; view: 'tools' | 'outline' }) {
  const open = () => (props.view === 'tools' ? props.layout.toolsOpen() : props.layout.outlineOpen())
  return (
    <Show when={!props.layout.narrow()}>
      <button
        type="button"
        class="secondary panel-toggle"
        aria-expanded={open()}
        aria-controls={open() ? (props.view === 'tools' ? 'tools-panel' : 'outline-panel') : undefined}
        onClick={() => (props.view === 'tools' ? props.layout.setToolsOpen(!open()) : props.layout.setOutlineOpen(!open()))}
      >
        {t(props.view === 'tools' ? 'a11y.tabTools' : 'outline.open')}
      </button>
    </Show>
  )
}
