/** xorshift32: numbers in [0, 1) that are the same on every run for the same seed, so a storm or a fuzz repeats. */
export function makeRandom(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 0x1_0000_0000
  }
}
