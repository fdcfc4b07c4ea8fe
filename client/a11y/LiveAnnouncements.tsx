import { createEffect, For, on, onCleanup, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import type { Transaction } from 'yjs'
import { cardKinds } from '../../workshops/cards/kinds'
import type { ControlState } from '../../workshops/facilitation/control'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { localized, t } from '../i18n/i18n'
import type { Participant } from '../workshop/awarenessState'
import type { BoardRecords } from '../workshop/createBoardRecords'
import { createAnnouncer, type OthersEvent } from './createAnnouncer'

export interface LiveAnnouncementsProps {
  control: Accessor<ControlState>
  definition: WorkshopDefinition | null | undefined
  participants: Accessor<Participant[]>
  records: BoardRecords
  /** Dots this person has left in the open vote. */
  dotsLeft: Accessor<number>
  /** True once the board has synced: what arrives before is the board as it was, not news. */
  synced: Accessor<boolean>
}

/** People who were here before this page settled are not news either. */
const SETTLE_MS = 2000

const kindLabel = (id: string) => {
  const kind = cardKinds().kinds.find((k) => k.id === id)
  return kind ? localized(kind.label) : id
}

function summarise(events: OthersEvent[]): string {
  const cards = events.filter((e): e is Extract<OthersEvent, { type: 'card' }> => e.type === 'card')
  const parts: string[] = []
  if (cards.length === 1) parts.push(cards[0].name ? t('a11y.cardAddedBy', { name: cards[0].name, kind: kindLabel(cards[0].kind) }) : t('a11y.cardAdded', { kind: kindLabel(cards[0].kind) }))
  else if (cards.length > 1) parts.push(t('a11y.cardsAdded', { n: cards.length }))
  for (const e of events) {
    if (e.type === 'card') continue
    parts.push(t(e.type === 'joined' ? 'a11y.joined' : 'a11y.left', { name: e.name || t('a11y.someone') }))
  }
  return parts.join(' ')
}

const dotsText = (n: number) => (n === 0 ? t('a11y.dotsLeftNone') : n === 1 ? t('a11y.dotsLeftOne') : t('a11y.dotsLeft', { n }))

/**
 * The workshop page's one polite live region: what others do (gathered and
 * said at most every few seconds) and every change of step, timer, vote and
 * lock. The timer's end is not here: it stays an alert in the timer panel.
 */
export function LiveAnnouncements(props: LiveAnnouncementsProps) {
  const announcer = createAnnouncer({ summarise })
  const state = props.control

  createEffect(
    on(
      () => state().agenda.stepIndex,
      (index) => {
        const step = props.definition?.steps[index]
        if (step) announcer.say(t('a11y.step', { n: index + 1, total: props.definition!.steps.length, title: localized(step.title) }))
      },
      { defer: true },
    ),
  )

  createEffect(
    on(
      () => state().timer.state,
      (now, before) => {
        if (now === 'running' && before === 'stopped') announcer.say(t('a11y.timerStarted', { n: Math.round(state().timer.durationMs / 60_000) }))
        else if (now === 'running' && before === 'paused') announcer.say(t('a11y.timerResumed'))
        else if (now === 'paused') announcer.say(t('a11y.timerPaused'))
        else if (now === 'stopped' && before) announcer.say(t('a11y.timerStopped'))
      },
      { defer: true },
    ),
  )

  const voteKey = () => {
    const v = state().vote
    return v ? `${v.id}:${v.status}` : ''
  }
  createEffect(
    on(
      voteKey,
      () => {
        const v = state().vote
        if (!v) return
        if (v.status === 'open') {
          announcer.say(v.dotsPerPerson === 1 ? t('a11y.voteOpenedOne') : t('a11y.voteOpened', { n: v.dotsPerPerson }))
          return
        }
        const top = state().voteResults[v.id]?.ranked[0]
        if (!top) {
          announcer.say(t('a11y.voteClosedNone'))
          return
        }
        const card = props.records.source.get(top.cardId)
        const props_ = card && card.typeName === 'shape' ? (card.props as { text?: unknown; kind?: unknown }) : {}
        const text = String(props_.text ?? '').trim() || kindLabel(String(props_.kind ?? ''))
        announcer.say(t('a11y.voteClosed', { text: text.length > 80 ? `${text.slice(0, 79)}…` : text, n: top.count }))
      },
      { defer: true },
    ),
  )

  createEffect(
    on(
      () => [state().vote?.status === 'open' ? state().vote!.id : null, props.dotsLeft()] as const,
      ([voteId, left], before) => {
        // Only a change within one open vote: the opening itself is said above.
        if (voteId && before && before[0] === voteId && before[1] !== left) announcer.say(dotsText(left))
      },
      { defer: true },
    ),
  )

  createEffect(
    on(
      () => state().locks.board,
      (locked) => announcer.say(t(locked ? 'a11y.locked' : 'a11y.unlocked')),
      { defer: true },
    ),
  )

  // Others' new cards: only what arrives from the network after the first sync.
  createEffect(() => {
    if (!props.synced()) return
    const onChange = (changes: Map<string, { action: string; newValue?: TLRecord }>, tr: Transaction) => {
      if (tr.local) return
      for (const change of changes.values()) {
        const r = change.newValue
        if (change.action !== 'add' || !r || r.typeName !== 'shape' || r.type !== 'card') continue
        const p = r.props as { kind?: string; author?: string }
        announcer.others({ type: 'card', name: p.author ?? '', kind: p.kind ?? '' })
      }
    }
    props.records.kv.on('change', onChange)
    onCleanup(() => props.records.kv.off('change', onChange))
  })

  let settled = false
  const settle = setTimeout(() => (settled = true), SETTLE_MS)
  onCleanup(() => clearTimeout(settle))
  let here = new Map<number, string>()
  createEffect(() => {
    const now = new Map(props.participants().filter((p) => !p.isSelf).map((p) => [p.clientId, p.name]))
    if (settled) {
      for (const [id, name] of now) if (!here.has(id)) announcer.others({ type: 'joined', name })
      for (const [id, name] of here) if (!now.has(id)) announcer.others({ type: 'left', name })
    }
    here = now
  })

  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-label={t('a11y.region')} data-testid="announcements">
      <For each={announcer.messages()}>{(m) => <p>{m.text}</p>}</For>
    </div>
  )
}
