/**
 * One HTTP byte range (RFC 9110 §14) against a file of `size` bytes. A film
 * player asks for single ranges (`bytes=0-`, `bytes=1048576-`, `bytes=-500`);
 * several ranges in one request are answered with the whole file, which the
 * standard allows. A `bytes=` range that cannot be served (beyond the end,
 * backwards, or not numbers) is 416.
 */
export type ByteRange = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' }

export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined || header.trim() === '') return { kind: 'whole' }
  const value = header.trim()
  if (!/^bytes=/i.test(value)) return { kind: 'whole' }
  const spec = value.slice(6).trim()
  if (spec.includes(',')) return { kind: 'whole' }
  const m = /^(\d*)-(\d*)$/.exec(spec)
  if (!m || (m[1] === '' && m[2] === '') || size <= 0) return { kind: 'unsatisfiable' }
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (!Number.isSafeInteger(suffix) || suffix === 0) return { kind: 'unsatisfiable' }
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end) return { kind: 'unsatisfiable' }
  return { kind: 'part', start, end }
}
