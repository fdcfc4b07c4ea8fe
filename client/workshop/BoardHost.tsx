import { createEffect, onCleanup, onMount, Show, createSignal } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import type { TLRecord } from '@tldraw/tlschema'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type { BoardRecords } from './createBoardRecords'
import type { BoardHandle, LicenceProblem } from '../board-island/mountBoard'
import { kindsUsed, plansSessions } from '../../workshops/method/kindsUsed'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { lang, t } from '../i18n/i18n'
import type { MediaSession } from '../media/mediaSession'
import type { AwarenessUser } from './awarenessState'
import { LicenceNotice } from './LicenceNotice'
import './licence.css'

export interface BoardHostProps {
  board: BoardRecords
  privateRecords?: YKeyValue<TLRecord>
  awareness: Awareness
  user: AwarenessUser
  anonymous: boolean
  licenseKey: string | null
  /** Receives the mounted board's handle (for exports), and null when it goes. */
  onHandle?: (handle: BoardHandle | null) => void
  /** tldraw will not run the board on this server: the outline is the way on. */
  onLicenceProblem?: () => void
  media: MediaSession
  onPlayForAll?: (film: { shapeId: string; src: string; title: string }) => void
  definition?: WorkshopDefinition | null
  /** The frame the board opens at (the current step's), asked for just before it mounts. */
  openingFrame?: () => Promise<string | null>
}

/**
 * Mounts the tldraw island (React) into a Solid-owned element. The island's
 * code is loaded only here, so the start page stays small.
 */
export function BoardHost(props: BoardHostProps) {
  let host!: HTMLDivElement
  let handle: BoardHandle | undefined
  let disposed = false
  const [reloadNeeded, setReloadNeeded] = createSignal(false)
  const [ready, setReady] = createSignal(false)
  const [licence, setLicence] = createSignal<LicenceProblem | null>(null)

  onMount(async () => {
    const [{ mountBoard }, initialFrame] = await Promise.all([import('../board-island/mountBoard'), props.openingFrame?.() ?? null])
    if (disposed) return
    handle = mountBoard(host, {
      records: props.board.kv,
      privateRecords: props.privateRecords,
      awareness: props.awareness,
      user: props.user,
      anonymous: props.anonymous,
      licenseKey: props.licenseKey,
      lang: lang(),
      media: props.media,
      onPlayForAll: props.onPlayForAll,
      kinds: props.definition ? kindsUsed(props.definition) : undefined,
      planChecks: plansSessions(props.definition),
      initialFrame,
      onReloadNeeded: () => setReloadNeeded(true),
      onLicenceProblem: (problem) => {
        setLicence(problem)
        props.onLicenceProblem?.()
      },
      onReady: () => {
        setReady(true)
        props.onHandle?.(handle ?? null)
      },
    })
  })
  createEffect(() => {
    // Read the language first: with `handle?.setLang(lang())` an effect that ran before the board mounted tracked nothing.
    const next = lang()
    handle?.setLang(next)
  })
  onCleanup(() => {
    disposed = true
    props.onHandle?.(null)
    handle?.unmount()
  })

  return (
    <section class="board-area" id="board-region" aria-label={t('a11y.boardRegion')}>
      <Show when={reloadNeeded()}>
        <div role="alert" class="banner">
          {t('workshop.reloadNeeded')} <button onClick={() => location.reload()}>{t('workshop.reload')}</button>
        </div>
      </Show>
      <Show when={licence()}>{(problem) => <LicenceNotice problem={problem()} isFacilitator={props.user.role === 'facilitator'} />}</Show>
      <Show when={!ready() && !reloadNeeded()}>
        <p class="board-loading">{t('board.loading')}</p>
      </Show>
      <div class="board-host" ref={host} data-testid="board" />
    </section>
  )
}
