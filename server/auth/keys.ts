import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 192 random bits, URL-safe. Workshop links carry these; only their hashes are stored. */
export function newKey(): string {
  return randomBytes(24).toString('base64url')
}

/** 128 random bits: workshop ids are unguessable too, though the key is what grants access. */
export function newWorkshopId(): string {
  return randomBytes(16).toString('base64url')
}

/**
 * Keys are long random strings, so a plain SHA-256 is enough: there is no
 * dictionary to attack, unlike passwords.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

export function keyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
