import type { MediaKind } from './mediaTypes'

/**
 * How much media a workshop may hold. The server refuses what goes over
 * (413, naming the limit); the browser checks the same numbers, which the
 * server hands it with the media session, before it sends anything.
 */
export interface MediaLimits {
  /** Largest image file (MAX_IMAGE_BYTES). */
  maxImageBytes: number
  /** Largest video file (MAX_VIDEO_BYTES). */
  maxVideoBytes: number
  /** All media of one workshop together (MAX_WORKSHOP_MEDIA_BYTES). */
  maxWorkshopMediaBytes: number
}

const MB = 1024 * 1024

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  maxImageBytes: 25 * MB,
  maxVideoBytes: 2048 * MB,
  // Two films at the largest size and about forty large photos.
  maxWorkshopMediaBytes: 5120 * MB,
}

export function maxBytesFor(kind: MediaKind, limits: MediaLimits): number {
  return kind === 'image' ? limits.maxImageBytes : limits.maxVideoBytes
}

export type SizeRefusal = { reason: 'file-too-large'; limit: number } | { reason: 'workshop-full'; limit: number; used: number }

/** Why a file of `size` bytes may not be added to a workshop that already holds `used` bytes; null when it may. */
export function sizeRefusal(kind: MediaKind, size: number, used: number, limits: MediaLimits): SizeRefusal | null {
  const limit = maxBytesFor(kind, limits)
  if (size > limit) return { reason: 'file-too-large', limit }
  if (used + size > limits.maxWorkshopMediaBytes) return { reason: 'workshop-full', limit: limits.maxWorkshopMediaBytes, used }
  return null
}

/** "25 MB", "2 GB", "1.5 GB": sizes as people read them (binary units, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${trim(bytes / (1024 * MB))} GB`
  if (bytes >= MB) return `${trim(bytes / MB)} MB`
  if (bytes >= 1024) return `${trim(bytes / 1024)} kB`
  return `${bytes} B`
}

const trim = (n: number) => (n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10))
