import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MSG_NOTICE, type Notice } from '../../workshops/doc/wire'

/** The y-websocket message types (first varUint of every message). */
export const MSG_SYNC = 0
export const MSG_AWARENESS = 1
export const MSG_AUTH = 2
export const MSG_QUERY_AWARENESS = 3

/** One y-websocket message: its type, an optional sync sub-type, and a length-prefixed payload. */
function message(type: number, payload: Uint8Array, syncType?: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  if (syncType !== undefined) encoding.writeVarUint(e, syncType)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export const syncStep1Message = (stateVector: Uint8Array) => message(MSG_SYNC, stateVector, syncProtocol.messageYjsSyncStep1)
export const syncStep2Message = (update: Uint8Array) => message(MSG_SYNC, update, syncProtocol.messageYjsSyncStep2)
export const syncUpdateMessage = (update: Uint8Array) => message(MSG_SYNC, update, syncProtocol.messageYjsUpdate)
export const awarenessMessage = (update: Uint8Array) => message(MSG_AWARENESS, update)

export function noticeMessage(notice: Notice): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_NOTICE)
  encoding.writeVarString(e, JSON.stringify(notice))
  return encoding.toUint8Array(e)
}

export class BadMessageError extends Error {}
