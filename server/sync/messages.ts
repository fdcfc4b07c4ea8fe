import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'

/** The y-websocket message types (first varUint of every message). */
export const MSG_SYNC = 0
export const MSG_AWARENESS = 1
export const MSG_AUTH = 2
export const MSG_QUERY_AWARENESS = 3

export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_SYNC)
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(e, stateVector)
  return encoding.toUint8Array(e)
}

export function syncStep2Message(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_SYNC)
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_SYNC)
  encoding.writeVarUint(e, syncProtocol.messageYjsUpdate)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_AWARENESS)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

export class BadMessageError extends Error {}
