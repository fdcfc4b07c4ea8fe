import { createEffect, For, Show, type Resource } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { t } from '../i18n/i18n'
import { MyProgrammes } from '../programme/MyProgrammes'
import type { MyWorkshop } from './organiserApi'
import { WorkshopItem } from './WorkshopItem'

/** "Mina workshoppar": the signed-in organiser's workshops, the most recently active first. */
export function MyWorkshops(props: { workshops: Resource<MyWorkshop[]>; me: string; onChanged: () => void }) {
  // Reconciled by id, so a refreshed list keeps each item (and what it shows, such as an invitation link) in place.
  const [items, setItems] = createStore<MyWorkshop[]>([])
  createEffect(() => {
    const latest = props.workshops.latest
    if (latest) setItems(reconcile(latest, { key: 'id' }))
  })
  return (
    <section class="my-workshops" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('mine.heading')}</h2>
      <Show when={!props.workshops.error} fallback={<p role="alert">{t('mine.loadFailed', { error: String(props.workshops.error?.message) })}</p>}>
        <Show when={props.workshops.latest} fallback={<p class="muted">{t('mine.loading')}</p>}>
          <Show when={items.length > 0} fallback={<p class="muted">{t('mine.empty')}</p>}>
            {/* Workshops of a programme are listed under it; the others here. */}
            <MyProgrammes workshops={items} me={props.me} onChanged={props.onChanged} />
            <ul class="workshop-list">
              <For each={items.filter((w) => !w.programme)}>{(w) => <WorkshopItem workshop={w} me={props.me} onChanged={props.onChanged} />}</For>
            </ul>
          </Show>
        </Show>
      </Show>
    </section>
  )
}
