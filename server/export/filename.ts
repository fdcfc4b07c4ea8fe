/** Longest file name stem we send; leaves room for the suffix within common file system limits. */
const STEM_MAX = 80

/** A title as a file name stem: no path separators, control or reserved characters, no leading dots. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, STEM_MAX)
    .trim()
  return stem === '' ? 'workshop' : stem
}

/** ASCII-only fallback: å→a, é→e, anything else outside printable ASCII or unsafe in a quoted header → "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
}

/**
 * `Content-Disposition: attachment` with a quoted ASCII `filename` for old
 * clients and an RFC 5987 `filename*` that keeps åäö.
 */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`
}
