import type { IncomingMessage } from 'node:http'
import { HttpError } from './respond'

/**
 * Every rate limit of the server, in memory, per address: a token bucket for
 * endpoints anyone can call without a key, and failure counters for
 * sign-in. Memory is bounded: each map keeps at most MAX_ENTRIES keys and
 * drops the oldest. Limits reset when the server restarts.
 */
const MAX_ENTRIES = 10_000

/** Requests without a key, per address: a burst of 600 (60 people behind one office NAT opening a workshop) and 10 a second after it. */
export const PUBLIC_BURST = 600
export const PUBLIC_PER_SECOND = 10

/** Failed sign-ins before a pause: per account, and per address (an address may try several accounts). */
export const ACCOUNT_FAILURES = 5
export const ADDRESS_FAILURES = 20
/** The first pause; each further failure doubles it, up to FAILURE_MAX_PAUSE_MS. Quiet for FAILURE_FORGET_MS and the count starts over. */
const FAILURE_FIRST_PAUSE_MS = 30_000
const FAILURE_MAX_PAUSE_MS = 15 * 60_000
const FAILURE_FORGET_MS = 15 * 60_000

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!)
}

/** 429 with Retry-After in whole seconds. */
export class TooManyRequests extends HttpError {
  constructor(retryAfterMs: number, message: string) {
    super(429, message, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) })
  }
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  /** Takes one token for `key`; throws TooManyRequests when there is none. */
  take(key: string, now = Date.now()): void {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    const tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond)
    if (tokens < 1) {
      remember(this.buckets, key, { tokens, at: now })
      throw new TooManyRequests(((1 - tokens) / this.perSecond) * 1000, 'too many requests from this address; try again shortly')
    }
    remember(this.buckets, key, { tokens: tokens - 1, at: now })
  }
}

interface Failures {
  count: number
  last: number
  pausedUntil: number
}

export class FailureCounter {
  private readonly failures = new Map<string, Failures>()

  constructor(private readonly allowed: number) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  pausedFor(key: string, now = Date.now()): number {
    const f = this.failures.get(key)
    if (!f) return 0
    if (now - f.last > FAILURE_FORGET_MS) {
      this.failures.delete(key)
      return 0
    }
    return Math.max(0, f.pausedUntil - now)
  }

  fail(key: string, now = Date.now()): void {
    const old = this.failures.get(key)
    const count = old && now - old.last <= FAILURE_FORGET_MS ? old.count + 1 : 1
    const over = count - this.allowed
    const pausedUntil = over >= 0 ? now + Math.min(FAILURE_MAX_PAUSE_MS, FAILURE_FIRST_PAUSE_MS * 2 ** over) : 0
    remember(this.failures, key, { count, last: now, pausedUntil })
  }

  forget(key: string): void {
    this.failures.delete(key)
  }
}

/** The client's address: the socket's peer, or with TRUST_PROXY the address the proxy put last in X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((s) => s.trim()).filter(Boolean)
    if (list.length > 0) return list[list.length - 1]
  }
  return req.socket.remoteAddress ?? 'unknown'
}

/** The server's limits, one instance per server. */
export class RateLimits {
  private readonly publicBuckets = new TokenBuckets(PUBLIC_BURST, PUBLIC_PER_SECOND)
  private readonly accountFailures = new FailureCounter(ACCOUNT_FAILURES)
  private readonly addressFailures = new FailureCounter(ADDRESS_FAILURES)

  constructor(private readonly trustProxy: boolean) {}

  address(req: IncomingMessage): string {
    return clientAddress(req, this.trustProxy)
  }

  /** For an endpoint that needs no key: one request off this address's bucket. */
  publicRequest(req: IncomingMessage): void {
    this.publicBuckets.take(this.address(req))
  }

  /** Before checking a password: 429 while the account or the address is paused after failures. */
  beforeSignIn(req: IncomingMessage, account: string): void {
    const wait = Math.max(this.accountFailures.pausedFor(account), this.addressFailures.pausedFor(this.address(req)))
    if (wait > 0) throw new TooManyRequests(wait, `too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} seconds`)
  }

  signInFailed(req: IncomingMessage, account: string): void {
    this.accountFailures.fail(account)
    this.addressFailures.fail(this.address(req))
  }

  /** A success clears the account's count, not the address's: one good account must not reset guesses at others. */
  signInSucceeded(account: string): void {
    this.accountFailures.forget(account)
  }
}
