import { createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js'
import { methodExportsFor, type MethodExportFile } from '../../workshops/export/methodExports'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { lang, t, type MessageKey } from '../i18n/i18n'
import './ExportMenu.css'

export interface ExportMenuProps {
  workshopId: string
  /** The facilitator key; sent as a header, never put into a URL. */
  workshopKey: string
  /** Downloads the board as an image through tldraw's export (the board island does it). */
  onBoardImage: (format: 'png' | 'svg') => void
  /** Sends a fresh board image to the server before a report is made, so the report shows the board as it is now. */
  uploadBoardImage?: () => Promise<unknown>
  /** The workshop's method: WS4–WS8 offer the exports of their own cards (training plan, manuscript …). */
  definition?: WorkshopDefinition | null
}

type ServerFile = 'pairs.xlsx' | 'pairs.csv' | 'pairs.md' | 'pairs.json' | 'report.docx' | 'report.md' | 'workshop.json' | 'workshop.zip' | MethodExportFile

type Item = { label: MessageKey; file: ServerFile } | { label: MessageKey; image: 'png' | 'svg' }

const METHOD_LABELS: Record<MethodExportFile, MessageKey> = {
  'feedback.xlsx': 'export.feedbackXlsx',
  'feedback.md': 'export.feedbackMd',
  'training-plan.docx': 'export.trainingPlanDocx',
  'training-plan.xlsx': 'export.trainingPlanXlsx',
  'manuscript.docx': 'export.manuscriptDocx',
  'shot-list.xlsx': 'export.shotListXlsx',
  'shot-list.csv': 'export.shotListCsv',
  'exercises.docx': 'export.exercisesDocx',
  'plans.xlsx': 'export.plansXlsx',
}

const GROUPS: Item[][] = [
  [
    { label: 'export.pairsXlsx', file: 'pairs.xlsx' },
    { label: 'export.pairsCsv', file: 'pairs.csv' },
    { label: 'export.pairsMd', file: 'pairs.md' },
    { label: 'export.pairsJson', file: 'pairs.json' },
  ],
  [
    { label: 'export.reportDocx', file: 'report.docx' },
    { label: 'export.reportMd', file: 'report.md' },
  ],
  [
    { label: 'export.boardPng', image: 'png' },
    { label: 'export.boardSvg', image: 'svg' },
  ],
  [
    { label: 'export.workshopZip', file: 'workshop.zip' },
    { label: 'export.workshopFile', file: 'workshop.json' },
  ],
]

/** The file name the server chose: RFC 5987 `filename*` first (keeps åäö), then `filename`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // A malformed encoding: use the plain name below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition)
  return plain?.[1] || fallback
}

export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

/**
 * The facilitator's export menu: a disclosure button that opens a list of
 * downloads. Files come from the server with the key in the Authorization
 * header and are saved from a blob, so the key never appears in a URL.
 */
export function ExportMenu(props: ExportMenuProps) {
  const [open, setOpen] = createSignal(false)
  // The workshop's own results first (what a working group hands on), then the pairs, report, image and file.
  const groups = (): Item[][] => [
    ...methodExportsFor(props.definition).map((group) => group.files.map((file): Item => ({ label: METHOD_LABELS[file], file }))),
    ...GROUPS,
  ]
  const [busy, setBusy] = createSignal<MessageKey | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const listId = createUniqueId()
  let root!: HTMLDivElement
  let toggle!: HTMLButtonElement
  let list: HTMLUListElement | undefined

  const close = (focusToggle: boolean) => {
    setOpen(false)
    if (focusToggle) toggle.focus()
  }
  const openMenu = () => {
    setError(null)
    setOpen(true)
    queueMicrotask(() => list?.querySelector<HTMLButtonElement>('button')?.focus())
  }

  const onPointerDown = (event: PointerEvent) => {
    if (open() && !root.contains(event.target as Node)) close(false)
  }
  document.addEventListener('pointerdown', onPointerDown)
  onCleanup(() => document.removeEventListener('pointerdown', onPointerDown))

  async function download(item: Item & { file: ServerFile }) {
    if (item.file.startsWith('report.') && props.uploadBoardImage) {
      // The report still comes without a fresh image if this fails (it then holds the last one uploaded).
      await props.uploadBoardImage().catch(() => undefined)
    }
    const res = await fetch(`/api/workshops/${encodeURIComponent(props.workshopId)}/export/${item.file}?lang=${lang()}`, {
      headers: { authorization: `Bearer ${props.workshopKey}` },
    })
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string }
      throw new Error(body.error ?? res.statusText)
    }
    saveBlob(await res.blob(), fileNameFrom(res.headers.get('content-disposition'), item.file))
  }

  async function choose(item: Item) {
    if (busy()) return
    setError(null)
    if ('image' in item) {
      props.onBoardImage(item.image)
      close(true)
      return
    }
    setBusy(item.label)
    try {
      await download(item)
      close(true)
    } catch (e) {
      setError(t('export.failed', { error: (e as Error).message }))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div
      class="export-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open()) {
          event.preventDefault()
          event.stopPropagation()
          close(true)
        }
      }}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null
        if (open() && next && !root.contains(next)) close(false)
      }}
    >
      <button
        type="button"
        class="export-menu-toggle"
        ref={toggle}
        aria-expanded={open()}
        aria-controls={listId}
        onClick={() => (open() ? close(false) : openMenu())}
        data-testid="export-menu"
      >
        {t('export.button')}
      </button>
      <ul
        id={listId}
        class="export-menu-list"
        aria-label={t('export.menuLabel')}
        aria-busy={busy() !== null}
        hidden={!open()}
        ref={list}
      >
        <For each={groups()}>
          {(group, g) => (
            <>
              <For each={group}>
                {(item, i) => (
                  // A group starts with a line above it: a separator element would be a non-item inside the list.
                  <li classList={{ 'export-menu-group-start': g() > 0 && i() === 0 }}>
                    <button
                      type="button"
                      class="export-menu-item"
                      data-export={'file' in item ? item.file : `board.${item.image}`}
                      onClick={() => void choose(item)}
                    >
                      {t(item.label)}
                    </button>
                  </li>
                )}
              </For>
            </>
          )}
        </For>
      </ul>
      <span role="status" class="export-menu-status">
        {busy() ? t('export.busy', { name: t(busy()!) }) : ''}
      </span>
      <Show when={error()}>
        {(message) => (
          <p role="alert" class="export-menu-error">
            {message()}
          </p>
        )}
      </Show>
    </div>
  )
}
