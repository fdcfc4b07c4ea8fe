import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { MSG_NOTICE, type Notice } from '../../workshops/doc/wire'
import { isRefusalReason, type RefusalReason } from '../../workshops/rules/refusals'

export interface RefusalNotice {
  reasons: RefusalReason[]
  count: number
  /** When it arrived, so the same text twice still shows as new. */
  at: number
}

/**
 * Listens for the server's notices on one connection (see wire.ts). Each is
 * validated here, at the boundary: a notice is only ever a hint to show.
 */
export function listenForNotices(provider: WebsocketProvider, on: { refused?: (n: RefusalNotice) => void; seat?: (seat: string) => void }): void {
  provider.messageHandlers[MSG_NOTICE] = (_encoder, decoder) => {
    let notice: Partial<Notice>
    try {
      notice = JSON.parse(decoding.readVarString(decoder))
    } catch {
      return
    }
    if (notice.type === 'refused' && notice.reasons && typeof notice.reasons === 'object') {
      const reasons = Object.keys(notice.reasons).filter(isRefusalReason)
      const count = typeof notice.count === 'number' ? notice.count : reasons.length
      if (reasons.length > 0) on.refused?.({ reasons, count, at: Date.now() })
    } else if (notice.type === 'seat' && typeof notice.seat === 'string' && notice.seat.length <= 128) {
      on.seat?.(notice.seat)
    }
  }
}
