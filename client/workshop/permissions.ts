import type { TLRecord } from '@tldraw/tlschema'
import type { Accessor } from 'solid-js'
import { whyNot } from '../../workshops/rules/judge'
import type { RefusalReason } from '../../workshops/rules/refusals'

/**
 * What this person may do on the board now, by the rules the server applies
 * (workshops/rules): controls that cannot succeed are disabled and say why,
 * instead of sending an edit the server would take back.
 */
export interface Permissions {
  /** The facilitator has locked the board for this person. */
  locked: Accessor<boolean>
  /** Why a change of `id` into `after` (undefined: deleting it) is not allowed; null when it is. */
  whyNot(id: string, after: TLRecord | undefined): RefusalReason | null
  /** Why nothing can be added now (the board is locked); null when cards can be. */
  whyNotAdd(): RefusalReason | null
}

export function createPermissions(opts: {
  isFacilitator: boolean
  boardLocked: Accessor<boolean>
  get: (id: string) => TLRecord | undefined
}): Permissions {
  const role = opts.isFacilitator ? 'facilitator' : 'participant'
  const locked = () => !opts.isFacilitator && opts.boardLocked()
  return {
    locked,
    whyNot: (id, after) => whyNot({ role, boardLocked: locked(), get: opts.get }, id, after),
    whyNotAdd: () => (locked() ? 'board-locked' : null),
  }
}
