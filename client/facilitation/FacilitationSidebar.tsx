import { Show, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import { writeSummon } from '../../workshops/facilitation/control'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { t } from '../i18n/i18n'
import type { Participant } from '../workshop/awarenessState'
import { ActivityPanels, startedStep } from '../activities/ActivityParts'
import type { ActivityProps } from '../activities/activity'
import { AgendaPanel } from './AgendaPanel'
import type { BoardBridge } from './createBoardBridge'
import type { Control } from './createControl'
import type { Voting } from './createVoting'
import { TimerPanel } from './TimerPanel'
import { ToolsPanel } from './ToolsPanel'

export interface FacilitationSidebarProps {
  workshopId: string
  workshopKey: string
  definition: WorkshopDefinition
  isFacilitator: boolean
  userId: string
  control: Control
  voting: Voting
  now: Accessor<number>
  participants: Accessor<Participant[]>
  records: Accessor<TLRecord[]>
  bridge: BoardBridge
  setReady: (stepId: string | null) => void
  viewport: () => { x: number; y: number; w: number; h: number } | null
  summonToFrame: (frameId: string) => void
  seat?: ActivityProps['seat']
  show?: ActivityProps['show']
  setPresenceField?: ActivityProps['setPresenceField']
}

/** Agenda, timer, the activities (vote, private writing, evaluation) and (for the facilitator) tools, beside the board. */
export function FacilitationSidebar(props: FacilitationSidebarProps) {
  const bringEveryoneTo = (frameId: string) => {
    writeSummon(props.control.doc, { id: crypto.randomUUID(), by: props.userId, at: props.now(), frameId })
    props.summonToFrame(frameId)
  }
  return (
    <>
      <Show when={props.bridge.following()}>
        <div class="panel following" role="status">
          <p>{t('tools.following')}</p>
          <button type="button" class="secondary" onClick={() => props.bridge.stopFollowing()}>
            {t('tools.stopFollowing')}
          </button>
        </div>
      </Show>
      <Show when={!props.isFacilitator && props.control.state().locks.board}>
        <p class="panel locked-note">{t('tools.boardLocked')}</p>
      </Show>
      <AgendaPanel
        control={props.control}
        definition={props.definition}
        isFacilitator={props.isFacilitator}
        now={props.now}
        participants={props.participants}
        setReady={props.setReady}
        summonToFrame={bringEveryoneTo}
        onStepStarted={(step) => startedStep(step, props)}
      />
      <TimerPanel control={props.control} definition={props.definition} isFacilitator={props.isFacilitator} now={props.now} />
      <ActivityPanels {...props} />
      <Show when={props.isFacilitator}>
        <ToolsPanel
          workshopId={props.workshopId}
          workshopKey={props.workshopKey}
          control={props.control}
          definition={props.definition}
          userId={props.userId}
          now={props.now}
          viewport={props.viewport}
        />
      </Show>
    </>
  )
}
