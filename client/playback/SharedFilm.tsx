import { createEffect, createSignal, on, onCleanup, onMount, Show } from 'solid-js'
import { isAssetSrcOf } from '../../workshops/media/assetSrc'
import { correction, expectedPosition, REPUBLISH_DRIFT_S, type PlaybackState } from '../../workshops/playback/playback'
import { t } from '../i18n/i18n'
import type { FilmShowing } from './createFilmShowing'
import './sharedFilm.css'

declare global {
  interface Window {
    /** For browser tests: where this person's copy of the shown film is, on the server's clock. */
    __samverkstadFilm?: () => { position: number; paused: boolean; muted: boolean; serverNow: number; readyState: number }
  }
}

const CHECK_MS = 250

/**
 * The film shown to everyone, over the board. The facilitator's player has
 * the controls and is the reference: every play, pause or seek there (and a
 * stall while it buffers) is written to the control document. Everyone
 * else's player follows on the server's clock: a small lag is made up by
 * playing a little faster, a large one by jumping. Sound is each person's own.
 */
export function SharedFilm(props: { workshopId: string; showing: FilmShowing; isFacilitator: boolean; userId: string; serverNow: () => number; mediaReady: Promise<void> }) {
  const [cookieReady, setCookieReady] = createSignal(false)
  void props.mediaReady.then(() => setCookieReady(true))
  return (
    // Only this workshop's own films: a state pointing anywhere else is not played.
    <Show when={isAssetSrcOf(props.workshopId, props.showing.state()?.src) && cookieReady()}>
      <Player showing={props.showing} isFacilitator={props.isFacilitator} userId={props.userId} serverNow={props.serverNow} />
    </Show>
  )
}

function Player(props: { showing: FilmShowing; isFacilitator: boolean; userId: string; serverNow: () => number }) {
  let video!: HTMLVideoElement
  // Null for a moment when the showing ends, before this player is removed.
  const state = () => props.showing.state() as PlaybackState | null
  const [muted, setMuted] = createSignal(false)
  const [volume, setVolume] = createSignal(1)
  const [soundBlocked, setSoundBlocked] = createSignal(false)
  const [small, setSmall] = createSignal(false)
  const expected = () => expectedPosition(state()!, props.serverNow(), video.duration)

  /** Facilitators: a change made in their player becomes everyone's. Echoes of our own corrections are not changes. */
  const onPlayerEvent = () => {
    if (!props.isFacilitator || !state()) return
    const status = video.paused || video.ended ? 'paused' : 'playing'
    const drift = Math.abs(video.currentTime - expected())
    if (status !== state()!.status || drift > REPUBLISH_DRIFT_S) props.showing.report(status, video.currentTime)
  }

  const play = () => {
    video.play().catch((error: DOMException) => {
      // No click on this page yet: browsers allow only silent autoplay. Start silent and offer the sound.
      if (error.name !== 'NotAllowedError' || video.muted) return
      video.muted = true
      setMuted(true)
      setSoundBlocked(true)
      void video.play().catch(() => {})
    })
  }

  /** Followers: where the film should be now, and how to get there. */
  const follow = () => {
    const s = state()
    if (!s || video.readyState < HTMLMediaElement.HAVE_METADATA) return
    const target = expected()
    if (s.status === 'paused') {
      if (!video.paused) video.pause()
      if (Math.abs(video.currentTime - target) > 0.1) video.currentTime = target
      video.playbackRate = 1
      return
    }
    if (Number.isFinite(video.duration) && target >= video.duration) return
    const c = correction(target, video.currentTime)
    if (c.seekTo !== undefined) video.currentTime = c.seekTo
    video.playbackRate = c.rate
    if (video.paused) play()
  }

  /** The reference: follows only its own state's starts and stops, and republishes when it stalled. */
  const lead = () => {
    const s = state()
    if (!s || video.readyState < HTMLMediaElement.HAVE_METADATA) return
    if (s.status === 'playing' && video.paused && !video.ended) {
      if (Math.abs(video.currentTime - expected()) > REPUBLISH_DRIFT_S) video.currentTime = expected()
      play()
    } else if (s.status === 'paused' && !video.paused) video.pause()
    else if (s.status === 'playing' && Math.abs(video.currentTime - expected()) > REPUBLISH_DRIFT_S) props.showing.report('playing', video.currentTime)
  }

  // The facilitator who last played, paused or sought leads; a co-facilitator follows until they touch the controls.
  const isReference = () => props.isFacilitator && state()?.by === props.userId
  const tick = () => (isReference() ? lead() : follow())

  onMount(() => {
    const timer = setInterval(tick, CHECK_MS)
    onCleanup(() => clearInterval(timer))
    window.__samverkstadFilm = () => ({ position: video.currentTime, paused: video.paused, muted: video.muted, serverNow: props.serverNow(), readyState: video.readyState })
    onCleanup(() => delete window.__samverkstadFilm)
  })
  createEffect(on(() => state()?.at, () => queueMicrotask(tick)))
  createEffect(() => {
    video.muted = muted()
    video.volume = volume()
  })

  return (
    <section class="shared-film" classList={{ small: small() }} aria-labelledby="shared-film-title" data-testid="shared-film">
      <header class="shared-film-header">
        <h2 id="shared-film-title">{t('playback.showing', { title: state()?.title || t('playback.heading') })}</h2>
        <button type="button" class="secondary" onClick={() => setSmall(!small())}>
          {small() ? t('playback.maximise') : t('playback.minimise')}
        </button>
        <Show when={props.isFacilitator}>
          <button type="button" onClick={() => props.showing.stop()}>
            {t('playback.stop')}
          </button>
        </Show>
      </header>
      <video
        ref={video}
        src={state()?.src}
        preload="auto"
        playsinline
        controls={props.isFacilitator}
        onLoadedMetadata={tick}
        onPlay={onPlayerEvent}
        onPause={onPlayerEvent}
        onSeeked={onPlayerEvent}
        onPlaying={() => {
          if (props.isFacilitator && !isReference()) onPlayerEvent()
        }}
        aria-label={state()?.title}
      />
      <p class="shared-film-note small-text">{props.isFacilitator ? t('playback.youControl') : t('playback.followsFacilitator')}</p>
      <Show when={!props.isFacilitator}>
        <div class="shared-film-sound">
          <button type="button" class="secondary" aria-pressed={muted()} onClick={() => {
            setMuted(!muted())
            setSoundBlocked(false)
          }}>
            {muted() ? t('playback.unmute') : t('playback.mute')}
          </button>
          <label>
            {t('playback.volume')}
            <input type="range" min="0" max="1" step="0.05" value={volume()} onInput={(e) => setVolume(Number(e.currentTarget.value))} />
          </label>
          <Show when={soundBlocked()}>
            <span role="status">{t('playback.soundBlocked')}</span>
          </Show>
        </div>
      </Show>
    </section>
  )
}
