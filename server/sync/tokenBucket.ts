/** A token bucket: `take` spends one token, refilled at `rate` per second up to `burst`. */
export class TokenBucket {
  private tokens: number | null = null
  private at = 0

  take(rate: number, burst: number, now = Date.now()): boolean {
    if (this.tokens === null) this.tokens = burst
    else this.tokens = Math.min(burst, this.tokens + ((now - this.at) / 1000) * rate)
    this.at = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
