import { createSignal, For, Show } from 'solid-js'
import type { TLRecord } from '@tldraw/tlschema'
import { cardKinds, isCardKind } from '../../workshops/cards/kinds'
import { firstOrigin, isChosen } from '../../workshops/programme/provenance'
import { TRACE_KINDS } from '../../workshops/programme/trace'
import { lang, localized, t, type MessageKey } from '../i18n/i18n'
import { programmeApi, workshopName, type CardPaths } from './programmeApi'

const TRACED = new Set<string>(TRACE_KINDS)

/** Names of the kinds a path may hold that this server's card list does not have yet. */
const OTHER_KINDS: Record<string, { sv: string; en: string }> = {
  feedback: { sv: 'Återkoppling', en: 'Feedback' },
  block: { sv: 'Utbildningsblock', en: 'Training block' },
  scene: { sv: 'Scen', en: 'Scene' },
  exercise: { sv: 'Övning', en: 'Exercise' },
  activity: { sv: 'Aktivitet', en: 'Activity' },
}
const kindName = (kind: string) => (isCardKind(kind) ? cardKinds().label(kind, lang()) : OTHER_KINDS[kind]?.[lang()] ?? kind)

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat || t('outline.empty')
}

export interface ProvenanceOptions {
  workshopId: string
  workshopKey: string
  /** Facilitators mark cards "vald" (of the kinds this workshop votes on). */
  isFacilitator: boolean
  markableKinds: ReadonlySet<string>
  /** Writes the record with the mark set or taken off. */
  setChosen(id: string, chosen: boolean): void
}

/**
 * Where a card came from ("från WS1 Intervjuanalys"), the facilitator's
 * "vald" mark, and the card's whole path through the programme, from quote
 * to training block, in the outline.
 */
export function CardProvenance(props: { record: TLRecord | undefined; kind: string; text: string; options: ProvenanceOptions }) {
  const [paths, setPaths] = createSignal<CardPaths | null>(null)
  const [open, setOpen] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [loading, setLoading] = createSignal(false)
  const origin = () => firstOrigin(props.record)
  const chosen = () => isChosen(props.record)
  const id = () => props.record?.id ?? ''

  const togglePath = async () => {
    if (open()) return setOpen(false)
    setOpen(true)
    setError(null)
    setLoading(true)
    try {
      setPaths(await programmeApi.paths(props.options.workshopId, props.options.workshopKey, id()))
    } catch (e) {
      setError(t('origin.pathFailed', { error: (e as Error).message }))
    } finally {
      setLoading(false)
    }
  }

  return (
    <div class="card-provenance">
      <Show when={origin()}>{(o) => <span class="origin-chip" data-testid="card-origin">{t('origin.from', { workshop: workshopName(o().method, o().title, lang()) })}</span>}</Show>
      <Show when={chosen()}>
        <span class="chosen-chip" data-testid="card-chosen">
          {t('origin.chosen')}
        </span>
      </Show>
      <div class="outline-actions">
        <Show when={props.options.isFacilitator && props.options.markableKinds.has(props.kind)}>
          <button
            type="button"
            class="secondary small"
            aria-pressed={chosen()}
            aria-label={t(chosen() ? 'origin.unmarkChosenLabel' : 'origin.markChosenLabel', { text: short(props.text) })}
            onClick={() => props.options.setChosen(id(), !chosen())}
          >
            {t(chosen() ? 'origin.unmarkChosen' : 'origin.markChosen')}
          </button>
        </Show>
        <Show when={TRACED.has(props.kind)}>
          <button type="button" class="secondary small" aria-expanded={open()} aria-label={t('origin.showPathLabel', { text: short(props.text) })} onClick={() => void togglePath()}>
            {t(open() ? 'origin.hidePath' : 'origin.showPath')}
          </button>
        </Show>
      </div>
      <Show when={open()}>
        <div class="card-path-box" data-testid="card-path">
          <Show when={loading()}>
            <p class="muted">{t('origin.pathLoading')}</p>
          </Show>
          <Show when={error()}>
            <p role="alert">{error()}</p>
          </Show>
          <Show when={paths()}>
            {(p) => (
              <Show when={p().paths.length > 0} fallback={<p class="muted">{t('origin.noPath')}</p>}>
                <p class="outline-sub">{t('origin.pathHeading')}</p>
                <ol class="card-path">
                  <For each={p().paths}>
                    {(path) => (
                      <li>
                        {path.cards
                          .map((c) => t('origin.pathCard', { kind: kindName(c.kind), text: short(c.text), workshop: workshopName(c.method, c.methodTitle, lang()) }))
                          .join(' → ')}
                        <Show when={path.flag}>{(flag) => <strong> – {t(`origin.flag.${flag()}` as MessageKey)}</strong>}</Show>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            )}
          </Show>
        </div>
      </Show>
    </div>
  )
}
