/**
 * A shared budget of bytes per second for serving media. A film streams in
 * the background of a workshop whose edits must still arrive at once: with
 * two cores, twenty players pulling as fast as they can would take the CPU
 * the sync server needs. Players ask for what they buffer, so a budget well
 * above any film's bitrate costs them nothing; waiting turns are first come,
 * first served. A rate of 0 means no budget.
 */
export class Bandwidth {
  private tokens: number
  private last = performance.now()
  private readonly queue: Array<{ bytes: number; go: () => void }> = []
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly bytesPerSecond: number,
    // One read's worth: chunks go out one by one between the sync server's messages, not in bursts.
    private readonly burst = 256 * 1024,
  ) {
    this.tokens = this.burst
  }

  /** Resolves when `bytes` may be sent. */
  take(bytes: number): Promise<void> {
    if (this.bytesPerSecond <= 0) return Promise.resolve()
    return new Promise((go) => {
      this.queue.push({ bytes, go })
      this.pump()
    })
  }

  private pump = (): void => {
    this.timer = null
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.bytesPerSecond)
    this.last = now
    while (this.queue.length > 0) {
      const need = Math.min(this.queue[0].bytes, this.burst)
      if (this.tokens < need) break
      this.tokens -= need
      this.queue.shift()!.go()
    }
    if (this.queue.length > 0 && !this.timer) {
      const need = Math.min(this.queue[0].bytes, this.burst) - this.tokens
      this.timer = setTimeout(this.pump, Math.max(1, Math.ceil((need / this.bytesPerSecond) * 1000)))
    }
  }
}

/** Passes `source` on at the pace `budget` allows. */
export async function* paced(source: AsyncIterable<Buffer>, budget: Bandwidth): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    await budget.take(chunk.length)
    yield chunk
  }
}
