import { resolve } from 'node:path'
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from '../workshops/media/mediaLimits'
import type { DocLimits } from '../workshops/rules/limits'
import { DEFAULT_DOC_LIMITS } from '../workshops/rules/limits'

/** Sign-in with the employer's identity provider (OpenID Connect). */
export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string | null
  /** E-mail domains whose people may be organisers; ['*'] lets in everyone the provider signs in. */
  allowedDomains: string[]
  /** When set, the person must also be in one of these groups (the claim OIDC_GROUPS_CLAIM). */
  allowedGroups: string[]
  groupsClaim: string
}

export interface AuthConfig {
  /** `Authorization: Bearer <ADMIN_TOKEN>` acts as an organiser of every workshop. */
  adminToken: string | null
  /** E-mail and password accounts (LOCAL_SIGN_IN, on unless turned off). */
  localSignIn: boolean
  oidc: OidcConfig | null
  sessionHours: number
  /** Behind a reverse proxy: the client address is the last X-Forwarded-For entry, HTTPS from X-Forwarded-Proto. */
  trustProxy: boolean
}

export interface Config {
  port: number
  host: string
  dataDir: string
  /** Origin the server is reached at from outside (behind a proxy); links are built from it. */
  publicUrl: string | null
  /** Extra origins allowed to open the sync endpoint, besides our own. */
  allowedOrigins: string[]
  tldrawLicenseKey: string | null
  workshopsDir: string | null
  maxMessageBytes: number
  maxBodyBytes: number
  /** Limits on what one board holds (see workshops/rules/limits.ts). */
  docLimits: DocLimits
  /** Refused writes a socket may send in a minute before it is closed. */
  maxRefusedPerMinute: number
  /** Largest image, largest film, and all media of one workshop (MAX_IMAGE_BYTES, MAX_VIDEO_BYTES, MAX_WORKSHOP_MEDIA_BYTES). */
  mediaLimits: MediaLimits
  /** All media responses together may send this many bytes per second (MAX_MEDIA_BYTES_PER_SECOND); 0 is no limit. */
  maxMediaBytesPerSecond: number
  unloadAfterMs: number
  pingIntervalMs: number
  auth: AuthConfig
  /** A workshop without activity for this many days is deleted; 0 keeps workshops for ever. */
  retentionDays: number
  /** Evaluation results (and each question's) are shown only from this many responses (EVALUATION_MIN_RESPONSES). */
  evaluationMinResponses: number
  /** The time zone report times and dates are written in (TIME_ZONE, an IANA name). */
  timeZone: string
  /** Where the built client is (dist/client). */
  clientDir: string
  /** Repository root: built-in workshop definitions are under it. */
  rootDir: string
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  return n
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`)
  return n
}

function flagFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true
  if (['0', 'false', 'off', 'no'].includes(raw)) return false
  throw new Error(`${name} must be on or off, got "${env[name]}"`)
}

const listFrom = (env: NodeJS.ProcessEnv, name: string): string[] =>
  (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const ADMIN_TOKEN_MIN = 24

function oidcFrom(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim()
  if (!issuer) return null
  const url = new URL(issuer)
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`OIDC_ISSUER must be an https:// address (plain http only on localhost), got "${issuer}"`)
  }
  const clientId = env.OIDC_CLIENT_ID?.trim()
  if (!clientId) throw new Error('OIDC_CLIENT_ID is needed with OIDC_ISSUER')
  const allowedDomains = listFrom(env, 'OIDC_ALLOWED_DOMAINS').map((d) => d.toLowerCase().replace(/^@/, ''))
  const allowedGroups = listFrom(env, 'OIDC_ALLOWED_GROUPS')
  if (allowedDomains.length === 0 && allowedGroups.length === 0) {
    throw new Error('with OIDC_ISSUER, say who may be an organiser: OIDC_ALLOWED_DOMAINS (e.g. "kommun.se", or "*" for everyone the provider signs in) and/or OIDC_ALLOWED_GROUPS')
  }
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
    allowedDomains,
    allowedGroups,
    groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || 'groups',
  }
}

function authFrom(env: NodeJS.ProcessEnv): AuthConfig {
  const adminToken = env.ADMIN_TOKEN?.trim() || null
  if (adminToken && adminToken.length < ADMIN_TOKEN_MIN) {
    throw new Error(`ADMIN_TOKEN must be at least ${ADMIN_TOKEN_MIN} characters (e.g. openssl rand -base64 32)`)
  }
  const oidc = oidcFrom(env)
  const localSignIn = flagFrom(env, 'LOCAL_SIGN_IN', true)
  if (!localSignIn && !oidc) throw new Error('LOCAL_SIGN_IN=off needs OIDC_ISSUER: otherwise nobody can sign in')
  const sessionHours = numberFrom(env, 'SESSION_HOURS', 12)
  if (sessionHours <= 0) throw new Error('SESSION_HOURS must be more than 0')
  return { adminToken, localSignIn, oidc, sessionHours, trustProxy: flagFrom(env, 'TRUST_PROXY', false) }
}

function minResponsesFrom(env: NodeJS.ProcessEnv): number {
  const n = intFrom(env, 'EVALUATION_MIN_RESPONSES', 3)
  if (n < 1) throw new Error('EVALUATION_MIN_RESPONSES must be at least 1 (3 or more keeps a small group\'s answers untraceable)')
  return n
}

/** The workshops' time zone; the users are Swedish public employers, so Stockholm unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm'

function timeZoneFrom(env: NodeJS.ProcessEnv): string {
  const raw = env.TIME_ZONE?.trim()
  if (!raw) return DEFAULT_TIME_ZONE
  try {
    // Intl knows every IANA zone and refuses anything else.
    return new Intl.DateTimeFormat('sv-SE', { timeZone: raw }).resolvedOptions().timeZone
  } catch {
    throw new Error(`TIME_ZONE must be an IANA time zone like "Europe/Stockholm", got "${raw}"`)
  }
}

export function configFromEnv(env: NodeJS.ProcessEnv, rootDir: string): Config {
  const publicUrl = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null
  return {
    port: intFrom(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || 'data'),
    publicUrl,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => new URL(s).origin),
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || null,
    workshopsDir: env.WORKSHOPS_DIR ? resolve(env.WORKSHOPS_DIR) : null,
    maxMessageBytes: intFrom(env, 'MAX_MESSAGE_BYTES', 8 * 1024 * 1024),
    maxBodyBytes: intFrom(env, 'MAX_BODY_BYTES', 64 * 1024),
    maxRefusedPerMinute: intFrom(env, 'MAX_REFUSED_WRITES_PER_MINUTE', 120),
    docLimits: {
      maxRecords: intFrom(env, 'MAX_BOARD_RECORDS', DEFAULT_DOC_LIMITS.maxRecords),
      maxRecordBytes: intFrom(env, 'MAX_RECORD_BYTES', DEFAULT_DOC_LIMITS.maxRecordBytes),
      maxDocBytes: intFrom(env, 'MAX_BOARD_BYTES', DEFAULT_DOC_LIMITS.maxDocBytes),
      maxPendingBytesPerSocket: intFrom(env, 'MAX_PENDING_BYTES_PER_SOCKET', DEFAULT_DOC_LIMITS.maxPendingBytesPerSocket),
      maxPendingBytesPerRoom: intFrom(env, 'MAX_PENDING_BYTES_PER_ROOM', DEFAULT_DOC_LIMITS.maxPendingBytesPerRoom),
    },
    mediaLimits: {
      maxImageBytes: intFrom(env, 'MAX_IMAGE_BYTES', DEFAULT_MEDIA_LIMITS.maxImageBytes),
      maxVideoBytes: intFrom(env, 'MAX_VIDEO_BYTES', DEFAULT_MEDIA_LIMITS.maxVideoBytes),
      maxWorkshopMediaBytes: intFrom(env, 'MAX_WORKSHOP_MEDIA_BYTES', DEFAULT_MEDIA_LIMITS.maxWorkshopMediaBytes),
    },
    maxMediaBytesPerSecond: intFrom(env, 'MAX_MEDIA_BYTES_PER_SECOND', 32 * 1024 * 1024),
    unloadAfterMs: intFrom(env, 'UNLOAD_AFTER_MS', 30_000),
    pingIntervalMs: intFrom(env, 'PING_INTERVAL_MS', 30_000),
    auth: authFrom(env),
    retentionDays: numberFrom(env, 'RETENTION_DAYS', 365),
    evaluationMinResponses: minResponsesFrom(env),
    timeZone: timeZoneFrom(env),
    clientDir: resolve(rootDir, 'dist/client'),
    rootDir,
  }
}
