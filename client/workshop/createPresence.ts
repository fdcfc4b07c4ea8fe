import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import { participantsFrom, type AwarenessUser, type Participant } from './awarenessState'

/** Announces this user in awareness and follows who else is here. */
export function createPresence(awareness: Awareness, me: AwarenessUser): Accessor<Participant[]> {
  awareness.setLocalStateField('user', me)
  const read = () => participantsFrom(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID)
  const [participants, setParticipants] = createSignal<Participant[]>(read())
  const onChange = () => setParticipants(read())
  awareness.on('change', onChange)
  onCleanup(() => {
    awareness.off('change', onChange)
    awareness.setLocalState(null)
  })
  return participants
}
