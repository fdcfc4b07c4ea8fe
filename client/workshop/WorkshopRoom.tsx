import { createSignal, Match, Show, Switch } from 'solid-js'
import type { WorkshopInfo } from '../api/http'
import { localized, t, type MessageKey } from '../i18n/i18n'
import { LanguageSwitch } from '../LanguageSwitch'
import type { BoardHandle } from '../board-island/mountBoard'
import { BoardWorkspace } from './BoardWorkspace'
import { ExportMenu } from './ExportMenu'
import { createPresence } from './createPresence'
import { createWorkshopSync, type SyncStatus } from './createWorkshopSync'
import { colourFor, userId } from './identity'
import { PresenceList } from './PresenceList'

const STATUS_TEXT: Record<SyncStatus, MessageKey> = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  offline: 'status.offline',
  denied: 'workshop.denied',
  'not-found': 'workshop.notFound',
  'storage-failed': 'workshop.storageFailed',
}

/** A joined workshop: owns the board's document and connection for as long as it is shown. */
export function WorkshopRoom(props: { workshop: WorkshopInfo; workshopKey: string; displayName: string; licenseKey: string | null }) {
  const sync = createWorkshopSync(props.workshop.id, props.workshopKey)
  const id = userId()
  const me = { id, name: props.displayName, color: colourFor(id), role: props.workshop.role }
  const participants = createPresence(sync.provider.awareness, me)
  const [outlineOpen, setOutlineOpen] = createSignal(true)
  const [board, setBoard] = createSignal<BoardHandle | null>(null)
  const isFacilitator = props.workshop.role === 'facilitator'

  return (
    <div class="workshop" data-role={props.workshop.role}>
      <header class="workshop-header">
        <h1>{props.workshop.title}</h1>
        <Show when={props.workshop.definition}>{(d) => <span class="method-name">{localized(d().title)}</span>}</Show>
        <span class="role-badge">{t(props.workshop.role === 'facilitator' ? 'workshop.role.facilitator' : 'workshop.role.participant')}</span>
        <span class={`status status-${sync.status()}`} role="status" data-testid="sync-status" data-status={sync.status()}>
          {t(STATUS_TEXT[sync.status()])}
        </span>
        <Show when={isFacilitator}>
          <ExportMenu
            workshopId={props.workshop.id}
            workshopKey={props.workshopKey}
            onBoardImage={(format) => void board()?.downloadImage(format, props.workshop.title)}
            uploadBoardImage={async () => {
              await board()?.uploadImage(props.workshop.id, props.workshopKey)
            }}
          />
        </Show>
        <button type="button" class="secondary" aria-expanded={outlineOpen()} aria-controls="outline-panel" onClick={() => setOutlineOpen(!outlineOpen())}>
          {t('outline.open')}
        </button>
        <LanguageSwitch />
      </header>
      <aside class="sidebar">
        <PresenceList participants={participants} anonymous={props.workshop.anonymous} />
      </aside>
      <Switch>
        <Match when={sync.status() === 'denied' || sync.status() === 'not-found'}>
          <p role="alert" class="board-area">{t(STATUS_TEXT[sync.status()])}</p>
        </Match>
        <Match when={sync.synced()}>
          <BoardWorkspace sync={sync} workshop={props.workshop} user={me} licenseKey={props.licenseKey} outlineOpen={outlineOpen} onBoardHandle={setBoard} />
        </Match>
      </Switch>
    </div>
  )
}
