import { createSignal, For, Show } from 'solid-js'
import { t } from '../i18n/i18n'
import { programmeApi, type CarryAnswer } from './programmeApi'
import './programme.css'

/**
 * The facilitator's "Hämta från tidigare workshoppar": brings what is new
 * in the earlier workshops of the programme, says what it brought, what
 * was brought over again because it changed there, and which changes wait
 * for a choice because the card was changed here too.
 */
export function CarryOverPanel(props: { workshopId: string; workshopKey: string }) {
  const [busy, setBusy] = createSignal(false)
  const [answer, setAnswer] = createSignal<CarryAnswer | null>(null)
  const [error, setError] = createSignal<string | null>(null)

  const fetchNow = async (replace?: string[]) => {
    setBusy(true)
    setError(null)
    try {
      const next = await programmeApi.carryOver(props.workshopId, props.workshopKey, replace)
      // Taking one new text answers only that card: keep the rest of the earlier answer in view.
      const before = answer()
      setAnswer(replace && before ? { ...next, cards: [...before.cards, ...next.cards], updated: [...before.updated.filter((u) => !replace.includes(u.id)), ...next.updated] } : next)
    } catch (e) {
      setError(t('carry.failed', { error: (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="panel carry-panel" aria-labelledby="carry-heading">
      <h2 id="carry-heading">{t('carry.heading')}</h2>
      <button type="button" class="secondary" disabled={busy()} onClick={() => void fetchNow()}>
        {busy() ? t('carry.fetching') : t('carry.fetch')}
      </button>
      <Show when={error()}>
        <p role="alert">{error()}</p>
      </Show>
      <Show when={answer()}>
        {(a) => (
          <div role="status" data-testid="carry-result">
            <p>{a().placed > 0 ? t('carry.placed', { n: a().placed }) : a().updated.length === 0 ? t('carry.nothingNew') : ''}</p>
            <Show when={a().updated.length > 0}>
              <p class="outline-sub">{t('carry.updated')}</p>
              <ul>
                <For each={a().updated}>{(u) => <li>{t('carry.changeLine', { before: u.before, after: u.after })}</li>}</For>
              </ul>
            </Show>
            <Show when={a().conflicts.length > 0}>
              <p class="outline-sub">{t('carry.conflicts')}</p>
              <ul>
                <For each={a().conflicts}>
                  {(c) => (
                    <li>
                      <span>{t('carry.here', { text: c.here })}</span>
                      <br />
                      <span>{t('carry.there', { text: c.there })}</span>
                      <br />
                      <button type="button" class="secondary small" disabled={busy()} aria-label={t('carry.takeNewLabel', { text: c.there })} onClick={() => void fetchNow([c.id])}>
                        {t('carry.takeNew')}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={a().goneAtSource.length > 0}>
              <p class="outline-sub">{t('carry.gone')}</p>
              <ul>
                <For each={a().goneAtSource}>{(g) => <li>{g.text}</li>}</For>
              </ul>
            </Show>
            <Show when={a().skipped.full > 0}>
              <p>{t('carry.full', { n: a().skipped.full })}</p>
            </Show>
            <Show when={a().skipped.deletedHere > 0}>
              <p class="muted">{t('carry.deletedHere', { n: a().skipped.deletedHere })}</p>
            </Show>
          </div>
        )}
      </Show>
    </section>
  )
}
