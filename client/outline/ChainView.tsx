import { createSignal, For, Show } from 'solid-js'
import type { Chain } from '../../workshops/chain/buildChain'
import type { Card } from '../../workshops/chain/cards'
import { kindsUsed } from '../../workshops/method/kindsUsed'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { t, type MessageKey } from '../i18n/i18n'

/** How many themes, insights or loose ends a part shows before "Visa alla": a big board's chain would otherwise be thousands of lines. */
const SHOWN = 50

/** The first SHOWN items of a list and a button to show (or hide) the rest. */
function useCapped<T>(items: () => readonly T[]) {
  const [all, setAll] = createSignal(false)
  return {
    items: () => (all() ? items() : items().slice(0, SHOWN)),
    toggle: () => (
      <Show when={items().length > SHOWN}>
        <button type="button" class="secondary small" aria-expanded={all()} onClick={() => setAll(!all())}>
          {all() ? t('outline.showFewer') : t('outline.showAll', { n: items().length })}
        </button>
      </Show>
    ),
  }
}

function CardList(props: { label: MessageKey; cards: Card[] }) {
  return (
    <Show when={props.cards.length > 0}>
      <p class="outline-sub">{t(props.label)}</p>
      <ul>
        <For each={props.cards}>{(c) => <li>{c.text || t('outline.empty')}</li>}</For>
      </ul>
    </Show>
  )
}

/**
 * The method's chain as headings and lists: themes with their quotes, each
 * insight with what grew from it. A part shows when the workshop's steps use
 * its kinds or the board holds such cards (a training plan's outline is not
 * about themes).
 */
export function ChainView(props: { chain: Chain; definition?: WorkshopDefinition | null }) {
  const uses = (...kinds: string[]) => !props.definition || kinds.some((k) => kindsUsed(props.definition).includes(k))
  const showThemes = () => uses('theme', 'quote', 'need') || props.chain.themes.length > 0
  const showPairs = () => uses('insight', 'challenge') || props.chain.insights.length > 0 || props.chain.orphans.length > 0
  const themes = useCapped(() => props.chain.themes)
  const insights = useCapped(() => props.chain.insights)
  const orphans = useCapped(() => props.chain.orphans)
  return (
    <>
      <Show when={showThemes()}>
        <section aria-labelledby="outline-themes">
          <h3 id="outline-themes">{t('outline.themes')}</h3>
          <Show when={props.chain.themes.length > 0} fallback={<p class="muted">{t('outline.noThemes')}</p>}>
            <For each={themes.items()}>
              {(theme) => (
                <article class="outline-theme" data-testid="outline-theme">
                  <h4>{theme.theme.text || t('outline.empty')}</h4>
                  <CardList label="outline.quotes" cards={theme.quotes} />
                  <CardList label="outline.needs" cards={theme.needs} />
                </article>
              )}
            </For>
            {themes.toggle()}
          </Show>
        </section>
      </Show>
      <Show when={showPairs()}>
        <section aria-labelledby="outline-pairs">
          <h3 id="outline-pairs">{t('outline.pairs')}</h3>
          <Show when={props.chain.insights.length > 0} fallback={<p class="muted">{t('outline.noInsights')}</p>}>
            <For each={insights.items()}>
              {(entry) => (
                <article class="outline-insight" data-testid="outline-insight">
                  <h4>{entry.insight.text || t('outline.empty')}</h4>
                  <Show when={entry.challenges.length > 0}>
                    <p class="outline-sub">{t('outline.challenges')}</p>
                    <ul>
                      <For each={entry.challenges}>
                        {(c) => (
                          <li data-testid="outline-challenge">
                            {c.challenge.text || t('outline.empty')}
                            <Show when={c.votes > 0}> ({t('outline.votes', { n: c.votes })})</Show>
                            <Show when={c.ideas.length > 0}>
                              <p class="outline-sub">{t('outline.ideas')}</p>
                              <ul>
                                <For each={c.ideas}>
                                  {(idea) => (
                                    <li>
                                      {idea.idea.text}
                                      <Show when={idea.votes > 0}> ({t('outline.votes', { n: idea.votes })})</Show>
                                      <CardList label="outline.prototypes" cards={idea.prototypes} />
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <CardList label="outline.quotes" cards={entry.quotes} />
                </article>
              )}
            </For>
            {insights.toggle()}
          </Show>
        </section>
        <section aria-labelledby="outline-orphans">
          <h3 id="outline-orphans">{t('outline.orphans')}</h3>
          <Show when={props.chain.orphans.length > 0} fallback={<p class="muted">{t('outline.noOrphans')}</p>}>
            <ul data-testid="outline-orphans">
              <For each={orphans.items()}>
                {(o) => (
                  <li>
                    <strong>{t(`outline.orphan.${o.problem}` as MessageKey)}:</strong> {o.card.text || t('outline.empty')}
                  </li>
                )}
              </For>
            </ul>
            {orphans.toggle()}
          </Show>
        </section>
      </Show>
    </>
  )
}
