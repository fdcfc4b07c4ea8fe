import { createSignal, Show, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type { Awareness } from 'y-protocols/awareness'
import type { WorkshopInfo } from '../api/http'
import type { BoardHandle } from '../board-island/mountBoard'
import type { Control } from '../facilitation/createControl'
import type { Voting } from '../facilitation/createVoting'
import type { MediaSession } from '../media/mediaSession'
import { currentStep } from '../facilitation/currentStep'
import { openingFrame } from '../facilitation/openingFrame'
import { lastResult } from '../facilitation/VotePanel'
import { OutlinePanel } from '../outline/OutlinePanel'
import type { AwarenessUser } from './awarenessState'
import { BoardHost } from './BoardHost'
import type { BoardRecords } from './createBoardRecords'
import type { Permissions } from './permissions'

/** The synced board and its outline, side by side. */
export function BoardWorkspace(props: {
  records: BoardRecords
  privateRecords?: YKeyValue<TLRecord>
  awareness: Awareness
  workshop: WorkshopInfo
  user: AwarenessUser
  licenseKey: string | null
  outlineOpen: Accessor<boolean>
  onBoardHandle: (handle: BoardHandle | null) => void
  voting: Voting
  control: Control
  /** Opens the outline (when the board cannot be shown). */
  openOutline?: () => void
  permissions: Permissions
  media: MediaSession
  onPlayForAll?: (film: { shapeId: string; src: string; title: string }) => void
  /** This page's key, for the paths of cards. */
  workshopKey: string
}) {
  const [boardUnavailable, setBoardUnavailable] = createSignal(false)
  const [handle, setHandle] = createSignal<BoardHandle | null>(null)
  const view = { viewport: () => handle()?.viewport() ?? null, reveal: (id: string) => handle()?.reveal(id) }
  const outlineOpen = () => props.outlineOpen()
  const vote = () => props.control.state().vote
  return (
    <div class="workspace" classList={{ 'outline-open': outlineOpen(), 'board-unavailable': boardUnavailable() }}>
      <BoardHost
        board={props.records}
        privateRecords={props.privateRecords}
        awareness={props.awareness}
        user={props.user}
        anonymous={props.workshop.anonymous}
        licenseKey={props.licenseKey}
        definition={props.workshop.definition}
        openingFrame={() => openingFrame(props.workshop.definition, props.control)}
        onHandle={(h) => {
          setHandle(h)
          props.onBoardHandle(h)
        }}
        onLicenceProblem={() => {
          setBoardUnavailable(true)
          props.openOutline?.()
        }}
        media={props.media}
        onPlayForAll={props.onPlayForAll}
      />
      <Show when={outlineOpen()}>
        <div id="outline-panel" class="outline-panel" tabindex="-1">
          <OutlinePanel
            workshopId={props.workshop.id}
            board={props.records}
            definition={props.workshop.definition}
            author={props.workshop.anonymous ? '' : props.user.name}
            votes={() => lastResult(props.control.state())?.counts ?? {}}
            permissions={props.permissions}
            currentStepId={() => currentStep(props.workshop.definition, props.control.state())?.id ?? null}
            view={view}
            provenance={{
              workshopId: props.workshop.id,
              workshopKey: props.workshopKey,
              isFacilitator: props.workshop.role === 'facilitator',
              // The facilitator marks "vald" among what the group votes on here (what a later workshop may take).
              markableKinds: new Set((props.workshop.definition?.steps ?? []).filter((s) => s.vote).flatMap((s) => s.cardKinds)),
            }}
            openVote={() => {
              const v = vote()
              return v?.status === 'open' ? { target: v.target, allowStacking: v.allowStacking, myDots: props.voting.myDots(), left: props.voting.left(), cast: props.voting.cast } : null
            }}
          />
        </div>
      </Show>
    </div>
  )
}
