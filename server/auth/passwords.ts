import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** Password rules: long enough to resist guessing, short enough that hashing one costs the same for everyone. */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200

/** scrypt with 2^15 × 8 × 1 (32 MiB, tens of ms): the cost is stored with each hash, so it can be raised later. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 }
  // Async: the work runs on libuv's thread pool, so a sign-in never blocks other workshops.
  return new Promise((ok, fail) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? fail(err) : ok(key))))
}

/** `scrypt$N$r$p$<salt>$<hash>`, base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** A hash no password matches, used for unknown accounts so that they cost as much time as known ones. */
let dummy: Promise<string> | null = null

/**
 * Whether `password` matches `stored`. With `stored` null (no such account,
 * or one without a password) it still does the same work and answers false,
 * so the time taken does not tell which e-mails exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  const parts = (stored ?? (await dummy)).split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number)
  const expected = Buffer.from(parts[5], 'base64url')
  const key = await derive(password, Buffer.from(parts[4], 'base64url'), { N, r, p })
  return stored !== null && key.length === expected.length && timingSafeEqual(key, expected)
}

/** Null when acceptable, else what is wrong (for the message). */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string') return 'password: expected a text'
  if (password.length < PASSWORD_MIN) return `password: at least ${PASSWORD_MIN} characters`
  if (password.length > PASSWORD_MAX) return `password: at most ${PASSWORD_MAX} characters`
  return null
}
