import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { reported, startShowing, type PlaybackState, type PlaybackStatus } from '../../workshops/playback/playback'
import { readPlayback, writePlayback } from '../../workshops/playback/playbackDoc'
import type { Control } from '../facilitation/createControl'

export interface FilmShowing {
  /** The film shown to everyone now, or null. */
  state: Accessor<PlaybackState | null>
  /** Facilitators: starts showing a film on the board. */
  start(film: { shapeId: string; src: string; title: string }): void
  /** Facilitators: what this person's player does now (play, pause, a seek). */
  report(status: PlaybackStatus, position: number): void
  /** Facilitators: "Sluta visa". */
  stop(): void
}

/**
 * The shared showing of a film, read from and (by facilitators) written to
 * the control document. The pure rules are in workshops/playback/; the
 * player that follows them is SharedFilm.
 */
export function createFilmShowing(opts: { control: Control; userId: string; serverNow: () => number }): FilmShowing {
  const doc = opts.control.doc
  const [state, setState] = createSignal<PlaybackState | null>(readPlayback(doc))
  const onUpdate = () => {
    const next = readPlayback(doc)
    const prev = state()
    if (JSON.stringify(next) !== JSON.stringify(prev)) setState(next)
  }
  doc.on('update', onUpdate)
  onCleanup(() => doc.off('update', onUpdate))
  return {
    state,
    start: (film) => writePlayback(doc, startShowing({ ...film, by: opts.userId }, opts.serverNow())),
    report: (status, position) => {
      const current = readPlayback(doc)
      if (current) writePlayback(doc, reported(current, { status, position, by: opts.userId }, opts.serverNow()))
    },
    stop: () => writePlayback(doc, null),
  }
}
