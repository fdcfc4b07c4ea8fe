import { createSignal, Show, type Accessor } from 'solid-js'
import { setBoardLock, writeFollow, writeSummon } from '../../workshops/facilitation/control'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { t } from '../i18n/i18n'
import type { Control } from './createControl'
import { facilitationApi } from './facilitationApi'

export interface ToolsProps {
  workshopId: string
  workshopKey: string
  control: Control
  definition: WorkshopDefinition
  userId: string
  now: Accessor<number>
  viewport: () => { x: number; y: number; w: number; h: number } | null
}

/** The facilitator's tools: lock, bring everyone here, lead the view, a new participant link. (The reveal is private writing's own panel.) */
export function ToolsPanel(props: ToolsProps) {
  const state = () => props.control.state()
  const [message, setMessage] = createSignal<{ ok: boolean; text: string; link?: string } | null>(null)
  const leading = () => state().follow.active && state().follow.facilitatorUserId === props.userId

  const run = async (action: () => Promise<{ ok: boolean; text: string; link?: string } | void>) => {
    setMessage(null)
    try {
      const result = await action()
      if (result) setMessage(result)
    } catch (e) {
      setMessage({ ok: false, text: t('tools.failed', { error: (e as Error).message }) })
    }
  }

  return (
    <section class="panel tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading">{t('tools.heading')}</h2>
      <div class="tool-buttons">
        <button type="button" class="secondary" aria-pressed={state().locks.board} onClick={() => setBoardLock(props.control.doc, !state().locks.board)}>
          {state().locks.board ? t('tools.unlockBoard') : t('tools.lockBoard')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const bounds = props.viewport()
            if (bounds) writeSummon(props.control.doc, { id: crypto.randomUUID(), by: props.userId, at: props.now(), bounds })
          }}
        >
          {t('tools.summon')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-pressed={leading()}
          onClick={() => writeFollow(props.control.doc, { facilitatorUserId: props.userId, active: !leading() })}
        >
          {leading() ? t('tools.unfollow') : t('tools.follow')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            run(async () => {
              const answer = await facilitationApi.newParticipantLink(props.workshopId, props.workshopKey)
              return { ok: true, text: t('tools.newLinkDone'), link: answer.participantUrl }
            })
          }
        >
          {t('tools.newLink')}
        </button>
      </div>
      <p class="muted small-text">{t('tools.lockFrameHint')}</p>
      <Show when={message()}>
        {(m) => (
          <div role={m().ok ? 'status' : 'alert'} class={m().ok ? 'ok' : 'error'}>
            <p>{m().text}</p>
            <Show when={m().link}>{(link) => <input readonly value={link()} aria-label={t('created.participantLink')} data-testid="new-participant-link" />}</Show>
          </div>
        )}
      </Show>
    </section>
  )
}
