import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { readControl, type ControlState } from '../../workshops/facilitation/control'
import { createWorkshopSync, type WorkshopSync } from '../workshop/createWorkshopSync'

export interface Control {
  sync: WorkshopSync
  doc: Y.Doc
  state: Accessor<ControlState>
}

/**
 * The workshop's control document (agenda, timer, vote, locks, follow). Everyone
 * reads it; only facilitator connections' writes are taken by the server.
 */
export function createControl(workshopId: string, key: string): Control {
  const sync = createWorkshopSync(workshopId, key, 'control')
  const [state, setState] = createSignal<ControlState>(readControl(sync.doc))
  const onUpdate = () => setState(readControl(sync.doc))
  sync.doc.on('update', onUpdate)
  onCleanup(() => sync.doc.off('update', onUpdate))
  return { sync, doc: sync.doc, state }
}
