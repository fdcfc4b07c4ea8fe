import type { TLRecord } from '@tldraw/tlschema'
import { For, Show, type Accessor } from 'solid-js'
import { t } from '../i18n/i18n'
import type { FilmShowing } from './createFilmShowing'
import './sharedFilm.css'

interface Film {
  shapeId: string
  src: string
  title: string
}

/** The films on the board: video shapes whose file is stored. */
function filmsOn(records: readonly TLRecord[]): Film[] {
  const assets = new Map<string, TLRecord>()
  for (const r of records) if (r.typeName === 'asset') assets.set(r.id, r)
  const films: Film[] = []
  for (const r of records) {
    if (r.typeName !== 'shape' || r.type !== 'video') continue
    const asset = assets.get((r.props as { assetId?: string }).assetId ?? '') as { props?: { src?: string | null; name?: string } } | undefined
    if (asset?.props?.src) films.push({ shapeId: r.id, src: asset.props.src, title: asset.props.name ?? '' })
  }
  return films
}

/**
 * The facilitator's way to show a film by keyboard too: every film on the
 * board with its "Spela för alla", and "Sluta visa" while one is shown.
 */
export function FilmPanel(props: { records: Accessor<TLRecord[]>; showing: FilmShowing }) {
  const films = () => filmsOn(props.records())
  return (
    <Show when={films().length > 0 || props.showing.state()}>
      <section class="panel film-panel" aria-labelledby="film-panel-heading">
        <h2 id="film-panel-heading">{t('playback.heading')}</h2>
        <Show
          when={props.showing.state()}
          fallback={
            <ul class="film-list">
              <For each={films()}>
                {(film) => (
                  <li>
                    <button type="button" class="secondary" aria-label={`${t('playback.playForAll')}: ${film.title}`} onClick={() => props.showing.start(film)}>
                      <span aria-hidden="true">▶</span> {film.title || t('playback.playForAll')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          }
        >
          {(s) => (
            <>
              <p>{t('playback.showing', { title: s().title })}</p>
              <button type="button" onClick={() => props.showing.stop()}>
                {t('playback.stop')}
              </button>
            </>
          )}
        </Show>
      </section>
    </Show>
  )
}
