import { Show, type Accessor } from 'solid-js'
import type { WorkshopInfo } from '../api/http'
import { OutlinePanel } from '../outline/OutlinePanel'
import type { AwarenessUser } from './awarenessState'
import type { BoardHandle } from '../board-island/mountBoard'
import { BoardHost } from './BoardHost'
import { createBoardRecords } from './createBoardRecords'
import type { WorkshopSync } from './createWorkshopSync'

/** The synced board and its outline, side by side; owns the records view both read. */
export function BoardWorkspace(props: {
  sync: WorkshopSync
  workshop: WorkshopInfo
  user: AwarenessUser
  licenseKey: string | null
  outlineOpen: Accessor<boolean>
  onBoardHandle: (handle: BoardHandle | null) => void
}) {
  const board = createBoardRecords(props.sync.doc)
  const outlineOpen = () => props.outlineOpen()
  return (
    <div class="workspace" classList={{ 'outline-open': outlineOpen() }}>
      <BoardHost board={board} awareness={props.sync.provider.awareness} user={props.user} anonymous={props.workshop.anonymous} licenseKey={props.licenseKey} onHandle={props.onBoardHandle} />
      <Show when={outlineOpen()}>
        <div id="outline-panel" class="outline-panel">
          <OutlinePanel board={board} definition={props.workshop.definition} author={props.workshop.anonymous ? '' : props.user.name} />
        </div>
      </Show>
    </div>
  )
}
