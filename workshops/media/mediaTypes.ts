/**
 * The media a board accepts, recognised by their first bytes, never by a
 * file name or a Content-Type header: PNG, JPEG, GIF, WebP, MP4 and WebM.
 * These are what a browser shows without running anything; SVG (which can
 * carry scripts) and everything else is refused. Pure: the browser checks a
 * file before sending it, the server checks what arrives.
 */

export type MediaKind = 'image' | 'video'

export interface MediaType {
  mime: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'video/mp4' | 'video/webm'
  ext: 'png' | 'jpg' | 'gif' | 'webp' | 'mp4' | 'webm'
  kind: MediaKind
}

export const MEDIA_TYPES: readonly MediaType[] = [
  { mime: 'image/png', ext: 'png', kind: 'image' },
  { mime: 'image/jpeg', ext: 'jpg', kind: 'image' },
  { mime: 'image/gif', ext: 'gif', kind: 'image' },
  { mime: 'image/webp', ext: 'webp', kind: 'image' },
  { mime: 'video/mp4', ext: 'mp4', kind: 'video' },
  { mime: 'video/webm', ext: 'webm', kind: 'video' },
]

/** How many leading bytes sniffMedia needs to decide. */
export const SNIFF_BYTES = 64

const byExt = (ext: MediaType['ext']) => MEDIA_TYPES.find((t) => t.ext === ext)!

export function mediaTypeByExt(ext: string): MediaType | undefined {
  return MEDIA_TYPES.find((t) => t.ext === ext)
}

export function mediaTypeByMime(mime: string): MediaType | undefined {
  return MEDIA_TYPES.find((t) => t.mime === mime.toLowerCase())
}

const ascii = (b: Uint8Array, at: number, text: string) => {
  if (b.length < at + text.length) return false
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false
  return true
}

/** ISO base media brands that are MP4 video (not HEIF/AVIF still images, not QuickTime). */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4', 'MSNV', 'f4v '])
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'])

function isMp4(b: Uint8Array): boolean {
  if (!ascii(b, 4, 'ftyp') || b.length < 12) return false
  const boxSize = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0
  const brand = (at: number) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3])
  const major = brand(8)
  if (IMAGE_BRANDS.has(major)) return false
  if (MP4_BRANDS.has(major)) return true
  // Compatible brands follow the minor version (bytes 12–15).
  for (let at = 16; at + 4 <= Math.min(boxSize, b.length); at += 4) if (MP4_BRANDS.has(brand(at))) return true
  return false
}

/** WebM is Matroska with DocType "webm" in the EBML header (other Matroska files are not accepted). */
function isWebm(b: Uint8Array): boolean {
  if (!(b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3)) return false
  for (let i = 4; i + 3 < b.length; i++) {
    if (b[i] === 0x42 && b[i + 1] === 0x82) {
      const size = b[i + 2] & 0x7f
      if ((b[i + 2] & 0x80) === 0 || size < 4) return false
      return ascii(b, i + 3, 'webm')
    }
  }
  return false
}

/** The media type of a file from its first bytes (at least SNIFF_BYTES when the file has them); null when not one we accept. */
export function sniffMedia(head: Uint8Array): MediaType | null {
  const b = head
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG') && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return byExt('png')
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return byExt('jpg')
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return byExt('gif')
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return byExt('webp')
  if (isMp4(b)) return byExt('mp4')
  if (isWebm(b)) return byExt('webm')
  return null
}

/** Whether the bytes look like SVG or other markup: refused with its own message (it can carry scripts). */
export function looksLikeSvg(head: Uint8Array): boolean {
  let text = ''
  for (let i = 0; i < Math.min(head.length, SNIFF_BYTES); i++) text += String.fromCharCode(head[i])
  return /^\s*(<\?xml|<svg|<!DOCTYPE svg)/i.test(text.replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))
}
