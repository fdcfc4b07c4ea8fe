/**
 * The server's clock as seen from a client. The client asks GET /api/time,
 * noting its own clock when it sent the request and when the answer came;
 * the server read its clock somewhere in between, most likely half-way.
 */

/**
 * Milliseconds to add to the client's clock to get the server's:
 * serverNow − (sentAt + receivedAt) / 2. The error is at most half the round trip.
 */
export function clockOffset(sentAt: number, serverNow: number, receivedAt: number): number {
  return serverNow - (sentAt + receivedAt) / 2
}

/** The server's clock now, from the client's clock and the offset. */
export function serverTime(clientNow: number, offset: number): number {
  return clientNow + offset
}

/** Of several measurements, the one with the shortest round trip is the most exact. */
export function bestOffset(samples: ReadonlyArray<{ sentAt: number; serverNow: number; receivedAt: number }>): number {
  if (samples.length === 0) return 0
  let best = samples[0]
  for (const s of samples) if (s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s
  return clockOffset(best.sentAt, best.serverNow, best.receivedAt)
}
