import { resolve } from 'node:path'
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from '../workshops/media/mediaLimits'
import type { DocLimits } from '../workshops/rules/limits'
import { DEFAULT_DOC_LIMITS } from '../workshops/rules/limits'

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
  /** Largest image, largest film, and all media of one workshop (MAX_IMAGE_BYTES, MAX_VIDEO_BYTES, MAX_WORKSHOP_MEDIA_BYTES). */
  mediaLimits: MediaLimits
  /** All media responses together may send this many bytes per second (MAX_MEDIA_BYTES_PER_SECOND); 0 is no limit. */
  maxMediaBytesPerSecond: number
  unloadAfterMs: number
  pingIntervalMs: number
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
    clientDir: resolve(rootDir, 'dist/client'),
    rootDir,
  }
}
