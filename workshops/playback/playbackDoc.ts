import type * as Y from 'yjs'
import { CONTROL_PLAYBACK, PLAYBACK_CURRENT } from '../facilitation/controlLayout'
import { asPlaybackState, type PlaybackState } from './playback'

/** The film being shown to everyone, from the control document; null when none is. */
export function readPlayback(doc: Y.Doc): PlaybackState | null {
  return asPlaybackState(doc.getMap<unknown>(CONTROL_PLAYBACK).get(PLAYBACK_CURRENT))
}

/** Facilitators only (the server takes control-document writes from no one else). Null ends the showing. */
export function writePlayback(doc: Y.Doc, state: PlaybackState | null): void {
  const map = doc.getMap<unknown>(CONTROL_PLAYBACK)
  if (state === null) map.delete(PLAYBACK_CURRENT)
  else map.set(PLAYBACK_CURRENT, { ...state })
}
