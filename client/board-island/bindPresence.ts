import {
  atom,
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  UserRecordType,
  type TLInstancePresence,
  type TLStore,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'

/**
 * Cursors and selections over y-protocols awareness: ours is published under
 * `presence`, everyone else's becomes instance_presence records in the store.
 */
export function bindPresence(store: TLStore, awareness: Awareness, user: { id: string; name: string; color: string }): () => void {
  const $user = atom('presenceUser', UserRecordType.create({ id: UserRecordType.createId(user.id), name: user.name, color: user.color }))
  const $presence = createPresenceStateDerivation($user)(store)
  const stopPublishing = react('publish presence', () => {
    awareness.setLocalStateField('presence', $presence.get() ?? null)
  })

  const validate = store.schema.types.instance_presence
  const recordFor = (clientId: number): TLInstancePresence | null => {
    const state = awareness.getStates().get(clientId) as { presence?: unknown } | undefined
    if (!state?.presence || typeof state.presence !== 'object') return null
    try {
      return validate.validate({
        ...(state.presence as object),
        id: InstancePresenceRecordType.createId(String(clientId)),
        typeName: 'instance_presence',
      }) as TLInstancePresence
    } catch {
      return null
    }
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const put: TLInstancePresence[] = []
    const gone: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const record = recordFor(clientId)
      if (record) put.push(record)
      else gone.push(InstancePresenceRecordType.createId(String(clientId)))
    }
    for (const clientId of removed) gone.push(InstancePresenceRecordType.createId(String(clientId)))
    store.mergeRemoteChanges(() => {
      const existing = gone.filter((id) => store.has(id))
      if (existing.length) store.remove(existing)
      if (put.length) store.put(put)
    })
  }
  awareness.on('change', onChange)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    stopPublishing()
    awareness.off('change', onChange)
  }
}
