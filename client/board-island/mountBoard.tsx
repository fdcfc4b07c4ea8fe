/** @jsxImportSource react */
import { createRoot } from 'react-dom/client'
import {
  atom,
  createTLCurrentUser,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  Box,
  UserRecordType,
  type Editor,
  type TLShapeId,
  type TLUserPreferences,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type { TLRecord } from 'tldraw'
import type { Lang } from '../../workshops/lang'
import type { MediaSession } from '../media/mediaSession'
import { bindPresence } from './bindPresence'
import { privateMode, voteView, workshopKinds, type VoteView } from './boardSignals'
import { downloadBoardImage, uploadBoardImage } from './boardImage'
import { bindStoreToYjs } from './bindStoreToYjs'
import { Board, shapeUtils } from './Board'
import { boardLang } from './boardLang'
import { cardBehaviour } from './cardDefaults'
import { watchLicence, type LicenceProblem } from './licenceWatch'
import { registerLinkCards } from './linkCards'
import { registerPastedTextAsCards } from './pastedText'
import { watchPlanChecks } from './planChecks'
import { guardByRules } from './rulesGuard'
import { createAssetStore } from './media/assetStore'
import { registerMediaHandlers } from './media/mediaHandlers'
import { playForAllAction, type FilmChoice } from './media/PlayForAllButton'
import { exposeForTests } from './testHooks'
import { shortcutsOnlyWhileFocused } from './canvasFocus'

export interface MountBoardOptions {
  records: YKeyValue<TLRecord>
  /** This person's private cards (private writing); written only there until the reveal. */
  privateRecords?: YKeyValue<TLRecord>
  awareness: Awareness
  user: { id: string; name: string; color: string; role: 'facilitator' | 'participant' }
  anonymous: boolean
  licenseKey: string | null
  lang: Lang
  onReloadNeeded: () => void
  onReady: () => void
  /** tldraw will not run the board here (no valid licence key on this address); the outline still works. */
  onLicenceProblem?: (problem: LicenceProblem) => void
  /** Images and films: uploads go to the workshop's media on our server. */
  media: MediaSession
  /** Facilitators: show a film on the board to everyone. */
  onPlayForAll?: (film: FilmChoice) => void
  /** The card kinds the workshop's steps use: the palette offers them first. */
  kinds?: readonly string[]
  /** The workshop plans sessions of blocks: session cards show their time, needs without a block say so. */
  planChecks?: boolean
  /** The frame the view opens at, zoomed to fit (the current step's); without one, tldraw's default. */
  initialFrame?: string | null
}

export type { LicenceProblem }

export interface BoardHandle {
  setLang(lang: Lang): void
  /** Downloads the whole page, or one frame, as PNG or SVG. */
  downloadImage(format: 'png' | 'svg', name: string, frameId?: string): Promise<void>
  /** Sends a PNG of the board to the server for the report. */
  uploadImage(workshopId: string, key: string): Promise<boolean>
  /** Participants cannot change anything while the facilitator has locked the board. */
  setReadonly(readonly: boolean): void
  setPrivateMode(on: boolean): void
  setVoteView(view: VoteView): void
  /** Follows another person's view (their presence user id), or stops following. */
  follow(userId: string | null): void
  /** Moves this view to a frame, or to page bounds. */
  show(target: { frameId?: string; bounds?: { x: number; y: number; w: number; h: number } }): void
  /** Brings a shape into this view when it is not in it (keeping the zoom): a card just added from the outline. */
  reveal(shapeId: string): void
  /** The part of the page this view shows. */
  viewport(): { x: number; y: number; w: number; h: number } | null
  unmount(): void
}

/** Puts the whole frame in view at once (no animation: this is where the board starts). */
function openAtFrame(editor: Editor, frameId: TLShapeId) {
  const bounds = editor.getShapePageBounds(frameId)
  if (bounds) editor.zoomToBounds(bounds, { inset: 40, immediate: true })
}

/**
 * Mounts the tldraw board into `element`. The store is filled from the
 * synced document before the editor mounts; the handle owns the store, the
 * bindings and the React root, and unmount() disposes all of them.
 */
export function mountBoard(element: HTMLElement, opts: MountBoardOptions): BoardHandle {
  boardLang.set(opts.lang)
  workshopKinds.set(opts.kinds ?? [])
  // Ours replace tldraw's defaults of the same type (the embed, the video).
  const ours = new Set<string>(shapeUtils.map((u) => u.type))
  const store = createTLStore({
    shapeUtils: [...defaultShapeUtils.filter((u) => !ours.has(u.type)), ...shapeUtils],
    bindingUtils: defaultBindingUtils,
    assets: createAssetStore(opts.media),
  })
  const binding = bindStoreToYjs(store, opts.records, opts.privateRecords, opts.onReloadNeeded)
  if (!binding.result.ok) {
    opts.onReloadNeeded()
    store.dispose()
    const noop = () => {}
    return {
      setLang: noop,
      downloadImage: async () => {},
      uploadImage: async () => false,
      setReadonly: noop,
      setPrivateMode: noop,
      setVoteView: noop,
      follow: noop,
      show: noop,
      reveal: noop,
      viewport: () => null,
      unmount: noop,
    }
  }
  const stopPresence = bindPresence(store, opts.awareness, opts.user)
  const preferences = atom<TLUserPreferences>('userPreferences', {
    id: opts.user.id,
    name: opts.user.name,
    color: opts.user.color,
    locale: opts.lang,
  })
  const currentUser = createTLCurrentUser({ userPreferences: preferences, setUserPreferences: (p) => preferences.set(p) })
  const disposers: Array<() => void> = []
  let editor: Editor | null = null

  const root = createRoot(element)
  root.render(
    <Board
      store={store}
      licenseKey={opts.licenseKey}
      user={currentUser}
      onMount={(mounted) => {
        editor = mounted
        if (opts.initialFrame) openAtFrame(mounted, opts.initialFrame as TLShapeId)
        disposers.push(cardBehaviour(mounted, { author: opts.user.name, anonymous: opts.anonymous, lang: () => boardLang.get() }))
        registerLinkCards(mounted)
        registerPastedTextAsCards(mounted)
        if (opts.user.role === 'participant') disposers.push(guardByRules(mounted))
        disposers.push(registerMediaHandlers(mounted, opts.media))
        playForAllAction.set(opts.onPlayForAll ?? null)
        if (opts.planChecks) disposers.push(watchPlanChecks(mounted))
        disposers.push(exposeForTests(mounted))
        disposers.push(shortcutsOnlyWhileFocused(mounted, element))
        if (opts.onLicenceProblem) disposers.push(watchLicence(mounted, element, opts.onLicenceProblem))
        opts.onReady()
      }}
    />,
  )

  return {
    setLang(lang) {
      boardLang.set(lang)
      preferences.update((p) => ({ ...p, locale: lang }))
    },
    async downloadImage(format, name, frameId) {
      if (editor) await downloadBoardImage(editor, format, frameId as TLShapeId | undefined, name)
    },
    async uploadImage(workshopId, key) {
      return editor ? uploadBoardImage(editor, workshopId, key) : false
    },
    setReadonly(readonly) {
      editor?.updateInstanceState({ isReadonly: readonly })
    },
    setPrivateMode(on) {
      privateMode.set(on)
    },
    setVoteView(view) {
      voteView.set(view)
    },
    follow(userId) {
      if (!editor) return
      if (userId) editor.startFollowingUser(UserRecordType.createId(userId))
      else if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
    },
    show(target) {
      if (!editor) return
      const bounds = target.frameId
        ? editor.getShapePageBounds(target.frameId as TLShapeId)
        : target.bounds
          ? new Box(target.bounds.x, target.bounds.y, target.bounds.w, target.bounds.h)
          : undefined
      if (bounds) editor.zoomToBounds(bounds, { inset: 40, animation: { duration: 300 } })
    },
    reveal(shapeId) {
      const current = editor
      if (!current) return
      const bring = () => {
        const bounds = current.getShapePageBounds(shapeId as TLShapeId)
        if (!bounds) return false
        if (!current.getViewportPageBounds().contains(bounds)) current.centerOnPoint(bounds.center, { animation: { duration: 200 } })
        return true
      }
      // A card written into the document a moment ago may reach the store on the next frame.
      if (!bring()) requestAnimationFrame(() => void bring())
    },
    viewport() {
      if (!editor) return null
      const b = editor.getViewportPageBounds()
      return { x: b.x, y: b.y, w: b.w, h: b.h }
    },
    unmount() {
      editor = null
      for (const dispose of disposers.splice(0)) dispose()
      root.unmount()
      stopPresence()
      binding.dispose()
      store.dispose()
    },
  }
}
