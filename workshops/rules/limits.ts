/**
 * What one workshop document may hold. The server refuses what goes over a
 * limit; the client checks the same numbers (from /api/config) before it
 * sends, so a person hears why at once instead of being refused later.
 */
export interface DocLimits {
  /** Records on one board (cards, frames, arrows, bindings, assets …). */
  maxRecords: number
  /** One record as JSON, in bytes (UTF-16 code units of its JSON text). */
  maxRecordBytes: number
  /** All records of one board together, as JSON. */
  maxDocBytes: number
  /** Updates that cannot be applied yet (their dependencies never arrived), per socket and per room. */
  maxPendingBytesPerSocket: number
  maxPendingBytesPerRoom: number
}

export const DEFAULT_DOC_LIMITS: DocLimits = {
  maxRecords: 10_000,
  maxRecordBytes: 128 * 1024,
  maxDocBytes: 32 * 1024 * 1024,
  maxPendingBytesPerSocket: 256 * 1024,
  maxPendingBytesPerRoom: 1024 * 1024,
}
