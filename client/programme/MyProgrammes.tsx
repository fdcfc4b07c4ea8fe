import { createResource, For, Show } from 'solid-js'
import { lang, localized, t } from '../i18n/i18n'
import { CopyField } from '../start/CopyField'
import type { MyWorkshop } from '../start/organiserApi'
import { WorkshopItem } from '../start/WorkshopItem'
import { programmeApi } from './programmeApi'
import './programme.css'

const day = (iso: string) => new Date(iso).toLocaleDateString(lang() === 'sv' ? 'sv-SE' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' })

/**
 * The organiser's programmes in "Mina workshoppar": each with its programme
 * page, its participant link, and its workshops in order (each with
 * everything a workshop of its own offers).
 */
export function MyProgrammes(props: { workshops: readonly MyWorkshop[]; me: string; onChanged: () => void }) {
  // Fetched again whenever the workshop list is, so both stay one picture.
  const [programmes] = createResource(
    () => props.workshops.length + props.workshops.map((w) => w.id).join(),
    () => programmeApi.list(),
  )
  const byId = () => new Map(props.workshops.map((w) => [w.id, w]))
  return (
    <Show when={(programmes.latest ?? []).length > 0}>
      <ul class="workshop-list" aria-label={t('programme.mine')}>
        <For each={programmes.latest}>
          {(p) => (
            <li class="programme-group" data-testid="my-programme" aria-labelledby={`p-${p.id}`}>
              <h3 id={`p-${p.id}`}>{p.title}</h3>
              <p class="muted">{t('programme.mineMeta', { n: p.workshops.length, created: day(p.createdAt) })}</p>
              <Show when={p.participantUrl}>{(url) => <CopyField label={t('programme.participantLink')} url={url()} copyLabel={t('mine.copyParticipantLabel', { title: p.title })} />}</Show>
              <a class="button" href={`/p/${p.id}`}>
                {t('programme.openPage')}
              </a>
              <ul class="workshop-list">
                <For each={p.workshops}>
                  {(w) => (
                    <Show
                      when={byId().get(w.id)}
                      fallback={
                        <li class="workshop-item">
                          <h4>{w.methodTitle ? localized(w.methodTitle) : w.method}</h4>
                        </li>
                      }
                    >
                      {(mine) => <WorkshopItem workshop={mine()} me={props.me} onChanged={props.onChanged} />}
                    </Show>
                  )}
                </For>
              </ul>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
