import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Seats: the identity the server gives each board connection, so that it can
 * count people (votes) without accounts. A seat is a random part and the
 * server's signature over it and the workshop, so a made-up seat is worth
 * nothing and nothing needs storing to check one. A seat counts only while a
 * board connection holding it is open; a browser keeps its seat for the
 * session and brings it back when it reconnects.
 */
export class Seats {
  constructor(private readonly secret: Buffer) {}

  issue(workshopId: string): string {
    const random = randomBytes(16).toString('base64url')
    return `${random}.${this.sign(workshopId, random)}`
  }

  isValid(workshopId: string, seat: string | null | undefined): seat is string {
    if (typeof seat !== 'string' || seat.length > 200) return false
    const [random, signature, ...rest] = seat.split('.')
    if (!random || !signature || rest.length > 0) return false
    const expected = Buffer.from(this.sign(workshopId, random))
    const given = Buffer.from(signature)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  private sign(workshopId: string, random: string): string {
    return createHmac('sha256', this.secret).update(`seat:${workshopId}:${random}`).digest().subarray(0, 16).toString('base64url')
  }
}
