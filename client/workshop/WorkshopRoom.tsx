import { createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js'
import type { WorkshopInfo } from '../api/http'
import type { BoardHandle } from '../board-island/mountBoard'
import { ActivityOverlays } from '../activities/ActivityParts'
import { createBoardBridge } from '../facilitation/createBoardBridge'
import { createControl } from '../facilitation/createControl'
import { createVoting } from '../facilitation/createVoting'
import { FacilitationSidebar } from '../facilitation/FacilitationSidebar'
import { privateWritingOn } from '../facilitation/currentStep'
import { privateToken } from '../facilitation/secrets'
import { createServerClock } from '../facilitation/serverClock'
import { localized, t, type MessageKey } from '../i18n/i18n'
import { LanguageSwitch } from '../LanguageSwitch'
import { openMediaSession } from '../media/mediaSession'
import { createFilmShowing } from '../playback/createFilmShowing'
import { FilmPanel } from '../playback/FilmPanel'
import { SharedFilm } from '../playback/SharedFilm'
import { boardRecordStore } from '../../workshops/doc/boardDoc'
import { BoardWorkspace } from './BoardWorkspace'
import { createBoardRecords } from './createBoardRecords'
import { createPresence } from './createPresence'
import { createWorkshopSync, type SyncStatus } from './createWorkshopSync'
import { createPermissions } from './permissions'
import { ExportMenu } from './ExportMenu'
import { colourFor, userId } from './identity'
import { PresenceList } from './PresenceList'
import { CarryOverPanel } from '../programme/CarryOverPanel'
import { ProgrammeBadge } from '../programme/ProgrammeBadge'
import { RefusalToast } from './RefusalToast'
import { createPanelLayout } from '../a11y/createPanelLayout'
import { keepFocusInPlace } from '../a11y/focusRescue'
import { LiveAnnouncements } from '../a11y/LiveAnnouncements'
import { PanelToggle, SkipLinks, ViewTabs } from '../a11y/WorkspaceNav'

const STATUS_TEXT: Record<SyncStatus, MessageKey> = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  offline: 'status.offline',
  denied: 'workshop.denied',
  'not-found': 'workshop.notFound',
  'storage-failed': 'workshop.storageFailed',
  'too-many-refused': 'refused.tooMany',
}

/**
 * A joined workshop: owns its documents (board, control, and this person's
 * private cards) and their connections for as long as it is shown.
 */
export function WorkshopRoom(props: { workshop: WorkshopInfo; workshopKey: string; displayName: string; licenseKey: string | null }) {
  const workshopId = props.workshop.id
  const key = props.workshopKey
  const definition = props.workshop.definition
  const isFacilitator = props.workshop.role === 'facilitator'

  const sync = createWorkshopSync(workshopId, key)
  const control = createControl(workshopId, key)
  // Private writing needs a document only this browser can open; made only for methods that have such a step.
  const privateSync = definition?.steps.some((s) => s.privateWriting)
    ? createWorkshopSync(workshopId, key, 'private', { token: privateToken(workshopId) })
    : null
  const privateRecords = privateSync ? boardRecordStore(privateSync.doc) : undefined
  // The outline and the quote import write through this, so they follow private writing as the board does.
  const records = createBoardRecords(sync.doc, { privateKv: privateRecords, privateOn: () => privateWritingOn(definition, control.state()) })
  const permissions = createPermissions({ isFacilitator, boardLocked: () => control.state().locks.board, get: (id) => records.source.get(id) })

  const clock = createServerClock()
  const voting = createVoting(workshopId, key, control.state, sync.seat)
  const id = userId(workshopId)
  // In an anonymous workshop the typed name stays in this browser: others get no name at all.
  const me = { id, name: props.workshop.anonymous ? '' : props.displayName, color: colourFor(id), role: props.workshop.role }
  const participants = createPresence(sync.provider.awareness, me)
  const layout = createPanelLayout()
  // At narrow widths the outline is a view of its own, shown by its tab.
  const outlineOpen = () => (layout.narrow() ? layout.view() === 'outline' : layout.outlineOpen())
  const [board, setBoard] = createSignal<BoardHandle | null>(null)
  const bridge = createBoardBridge({ board, control, definition, isFacilitator, userId: id, voting, now: clock.now })
  const media = openMediaSession(workshopId, key)
  onCleanup(() => media.dispose())
  const film = createFilmShowing({ control, userId: id, serverNow: clock.exact })
  // What the activities (small groups) need of this page beyond the control document.
  const activityHooks = {
    seat: sync.seat,
    show: (target: { frameId?: string; bounds?: { x: number; y: number; w: number; h: number } }) => board()?.show(target),
    setPresenceField: (name: string, value: unknown) => sync.provider.awareness.setLocalStateField(name, value),
  }

  let root!: HTMLDivElement
  let heading!: HTMLHeadingElement
  onMount(() => {
    onCleanup(keepFocusInPlace(root))
    // The join form that had focus is gone: the workshop's heading takes it, the skip links follow.
    heading.focus()
  })

  return (
    <div
      class="workshop"
      ref={root}
      data-role={props.workshop.role}
      data-view={layout.narrow() ? layout.view() : undefined}
      classList={{ narrow: layout.narrow(), 'tools-collapsed': !layout.narrow() && !layout.toolsOpen() }}
    >
      <header class="workshop-header">
        <h1 tabindex="-1" ref={heading}>
          {props.workshop.title}
        </h1>
        {/* Right after the heading: the first Tab stops of the page, and the next ones after joining. */}
        <SkipLinks layout={layout} isFacilitator={isFacilitator} />
        <Show when={definition}>{(d) => <span class="method-name">{localized(d().title)}</span>}</Show>
        <span class="role-badge">{t(isFacilitator ? 'workshop.role.facilitator' : 'workshop.role.participant')}</span>
        <Show when={props.workshop.programme}>{(p) => <ProgrammeBadge programme={p()} workshopKey={key} />}</Show>
        <span class={`status status-${sync.status()}`} role="status" data-testid="sync-status" data-status={sync.status()}>
          {t(STATUS_TEXT[sync.status()])}
        </span>
        <Show when={isFacilitator}>
          <ExportMenu
            workshopId={workshopId}
            definition={definition}
            workshopKey={key}
            onBoardImage={(format) => void board()?.downloadImage(format, props.workshop.title)}
            uploadBoardImage={async () => {
              await board()?.uploadImage(workshopId, key)
            }}
          />
        </Show>
        <PanelToggle layout={layout} view="tools" />
        <PanelToggle layout={layout} view="outline" />
        <LanguageSwitch />
      </header>
      <ViewTabs layout={layout} />
      <aside class="sidebar" id="tools-panel" tabindex="-1" aria-label={t('a11y.toolsRegion')}>
        <PresenceList participants={participants} anonymous={props.workshop.anonymous} />
        <Show when={definition}>
          {(d) => (
            <FacilitationSidebar
              workshopId={workshopId}
              workshopKey={key}
              definition={d()}
              isFacilitator={isFacilitator}
              userId={id}
              control={control}
              voting={voting}
              now={clock.now}
              participants={participants}
              records={records.records}
              bridge={bridge}
              setReady={(stepId) => sync.provider.awareness.setLocalStateField('ready', stepId)}
              viewport={() => board()?.viewport() ?? null}
              summonToFrame={(frameId) => board()?.show({ frameId })}
              {...activityHooks}
            />
          )}
        </Show>
        <Show when={isFacilitator}>
          <FilmPanel records={records.records} showing={film} />
        </Show>
        <Show when={isFacilitator && props.workshop.programme}>
          <CarryOverPanel workshopId={workshopId} workshopKey={key} />
        </Show>
      </aside>
      <LiveAnnouncements
        control={control.state}
        definition={definition}
        participants={participants}
        records={records}
        dotsLeft={voting.left}
        synced={sync.synced}
      />
      <RefusalToast notices={[sync.refusal, ...(privateSync ? [privateSync.refusal] : [])]} />
      <main class="workshop-main">
      <Switch>
        <Match when={sync.status() === 'denied' || sync.status() === 'not-found' || sync.status() === 'too-many-refused'}>
          <div role="alert" class="board-area board-message">
            <p>{t(STATUS_TEXT[sync.status()])}</p>
            <Show when={sync.status() === 'too-many-refused'}>
              <button type="button" onClick={() => location.reload()}>
                {t('workshop.reload')}
              </button>
            </Show>
          </div>
        </Match>
        <Match when={sync.synced()}>
          <BoardWorkspace
            records={records}
            permissions={permissions}
            privateRecords={privateRecords}
            awareness={sync.provider.awareness}
            workshop={props.workshop}
            user={me}
            licenseKey={props.licenseKey}
            outlineOpen={outlineOpen}
            onBoardHandle={setBoard}
            voting={voting}
            control={control}
            openOutline={() => layout.reveal('outline')}
            media={media}
            onPlayForAll={isFacilitator ? film.start : undefined}
            workshopKey={key}
          />
        </Match>
      </Switch>
      </main>
      <SharedFilm workshopId={workshopId} showing={film} isFacilitator={isFacilitator} userId={id} serverNow={clock.exact} mediaReady={media.ready} />
      <Show when={definition}>
        {(d) => (
          <ActivityOverlays
            participants={participants}
            workshopId={workshopId}
            workshopKey={key}
            definition={d()}
            isFacilitator={isFacilitator}
            control={control}
            now={clock.now}
            voting={voting}
            records={records.records}
            userId={id}
            {...activityHooks}
          />
        )}
      </Show>
    </div>
  )
}
