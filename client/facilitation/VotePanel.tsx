import type { Participant } from '../workshop/awarenessState'
import { createMemo, createSignal, For, Show, type Accessor } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import { cardKinds, type CardKind } from '../../workshops/cards/kinds'
import { kindsUsed } from '../../workshops/method/kindsUsed'
import type { ControlState } from '../../workshops/facilitation/control'
import { readCards } from '../../workshops/chain/cards'
import { cardInTarget, DEFAULT_DOTS_PER_PERSON, type VoteTarget } from '../../workshops/facilitation/votes'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { frameOfStep } from '../../workshops/templates/placeTemplates'
import { localized, t } from '../i18n/i18n'
import type { Control } from './createControl'
import type { Voting } from './createVoting'
import { currentStep } from './currentStep'
import { facilitationApi } from './facilitationApi'

/** The last closed vote's result, if the vote shown is closed. */
export function lastResult(state: ControlState) {
  const vote = state.vote
  return vote && vote.status === 'closed' ? (state.voteResults[vote.id] ?? null) : null
}

export function VotePanel(props: {
  workshopId: string
  workshopKey: string
  control: Control
  definition: WorkshopDefinition
  isFacilitator: boolean
  voting: Voting
  records: Accessor<TLRecord[]>
  /** Who is here now (the presence list), to set the voters against. */
  participants: Accessor<Participant[]>
}) {
  const state = () => props.control.state()
  const open = () => state().vote?.status === 'open'
  const step = () => currentStep(props.definition, state())
  const [kind, setKind] = createSignal<CardKind | ''>('')
  const [inFrame, setInFrame] = createSignal(false)
  const [dots, setDots] = createSignal(DEFAULT_DOTS_PER_PERSON)
  const [stacking, setStacking] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  // The workshop's own kinds first, then the rest of the method's.
  const voteKinds = () => {
    const own = kindsUsed(props.definition)
    const all = cardKinds().kinds
    return [...all.filter((k) => own.includes(k.id)), ...all.filter((k) => !own.includes(k.id))]
  }
  const chosenKind = (): CardKind => kind() || (step()?.cardKinds.find((k) => k === 'challenge' || k === 'idea') ?? step()?.cardKinds[0] ?? 'idea')
  const target = (): VoteTarget => (inFrame() && step() ? { kind: chosenKind(), frameId: frameOfStep(props.definition, step()!.id) } : { kind: chosenKind() })
  // How many cards the vote would be about, counted the way the server counts them; only while the form is shown.
  const covered = createMemo(() => {
    if (!props.isFacilitator || open()) return null
    const aim = target()
    return readCards(props.records()).filter((c) => cardInTarget({ id: c.id, kind: c.kind, frameId: c.frameId }, aim)).length
  })
  const textOf = (id: string) => {
    const r = props.records().find((x) => x.id === id)
    return r && r.typeName === 'shape' ? ((r.props as { text?: string }).text ?? id) : id
  }

  async function control(body: Parameters<typeof facilitationApi.controlVote>[2]) {
    setError(null)
    try {
      await facilitationApi.controlVote(props.workshopId, props.workshopKey, body)
    } catch (e) {
      setError(t('tools.failed', { error: (e as Error).message }))
    }
  }

  return (
    <section class="panel vote" aria-labelledby="vote-heading">
      <h2 id="vote-heading">{t('vote.heading')}</h2>
      <Show when={open()}>
        <p>{t('vote.running')}</p>
        <p data-testid="dots-left">{t('vote.left', { n: props.voting.left() })}</p>
        <p class="muted">{t('vote.hidden')}</p>
        <Show when={props.isFacilitator}>
          <p data-testid="vote-progress" role="status">
            {t('vote.progress', { n: state().vote?.voters ?? 0, of: props.participants().length })}
          </p>
        </Show>
      </Show>
      <Show when={props.voting.error()}>
        <p role="alert">{props.voting.error()}</p>
      </Show>
      <Show when={props.isFacilitator}>
        <Show
          when={open()}
          fallback={
            <form
              class="vote-form"
              onSubmit={(e) => {
                e.preventDefault()
                void control({ action: 'open', target: target(), dotsPerPerson: dots(), allowStacking: stacking() })
              }}
            >
              <label>
                <span>{t('vote.targetKind')}</span>
                <select value={chosenKind()} onChange={(e) => setKind(e.currentTarget.value as CardKind)}>
                  <For each={voteKinds()}>{(k) => <option value={k.id}>{localized(k.label)}</option>}</For>
                </select>
              </label>
              <Show when={step()}>
                <label class="checkbox">
                  <input type="checkbox" checked={inFrame()} onChange={(e) => setInFrame(e.currentTarget.checked)} />
                  <span>{t('vote.targetFrame')}</span>
                </label>
              </Show>
              <label>
                <span>{t('vote.dots')}</span>
                <input type="number" min={1} max={50} value={dots()} onInput={(e) => setDots(Number(e.currentTarget.value) || 1)} />
              </label>
              <label class="checkbox">
                <input type="checkbox" checked={stacking()} onChange={(e) => setStacking(e.currentTarget.checked)} />
                <span>{t('vote.stacking')}</span>
              </label>
              <Show
                when={covered() === 0}
                fallback={
                  <p class="muted" id="vote-coverage" data-testid="vote-coverage">
                    {t('vote.covers', { n: covered() ?? 0 })}
                  </p>
                }
              >
                <div class="vote-warning" id="vote-coverage" data-testid="vote-coverage" role="status">
                  <p class="vote-warning-title" data-testid="vote-no-cards">{t('vote.noCards')}</p>
                  <p>{t('vote.noCardsHint')}</p>
                </div>
              </Show>
              <button type="submit" aria-describedby="vote-coverage">
                {t('vote.open')}
              </button>
            </form>
          }
        >
          <button type="button" onClick={() => void control({ action: 'close' })}>
            {t('vote.close')}
          </button>
        </Show>
        <Show when={error()}>
          <p role="alert">{error()}</p>
        </Show>
      </Show>
      <Show when={lastResult(state())}>
        {(result) => (
          <div class="vote-results">
            <h3>{t('vote.results')}</h3>
            <Show when={result().ranked.length > 0} fallback={<p class="muted">{t('vote.none')}</p>}>
              <ol data-testid="vote-ranking">
                <For each={result().ranked}>
                  {(r) => (
                    <li>
                      <span class="rank-count">{r.count} ●</span> {textOf(r.cardId)}
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </div>
        )}
      </Show>
    </section>
  )
}
