import { formatBytes, sizeRefusal, type MediaLimits } from '../../workshops/media/mediaLimits'
import { looksLikeSvg, SNIFF_BYTES, sniffMedia, type MediaType } from '../../workshops/media/mediaTypes'
import { t } from '../i18n/i18n'

export type FileCheck = { ok: true; type: MediaType } | { ok: false; message: string }

/**
 * Whether a file may go on the board, decided in the browser before a byte
 * is sent, by the same rules the server applies: its first bytes say what
 * it is (the name and the browser's guess do not count), and its size must
 * fit its kind's limit and the room left in the workshop. The refusal says why.
 */
export async function checkFile(file: File, limits: MediaLimits | null, used: number): Promise<FileCheck> {
  const name = file.name || 'fil'
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
  const type = sniffMedia(head)
  if (!type) {
    const svg = file.type === 'image/svg+xml' || /\.svg$/i.test(name) || looksLikeSvg(head)
    return { ok: false, message: t(svg ? 'media.svg' : 'media.wrongType', { name }) }
  }
  if (limits) {
    const refusal = sizeRefusal(type.kind, file.size, used, limits)
    if (refusal?.reason === 'file-too-large') {
      return { ok: false, message: t(type.kind === 'image' ? 'media.imageTooLarge' : 'media.videoTooLarge', { name, size: formatBytes(file.size), limit: formatBytes(refusal.limit) }) }
    }
    if (refusal?.reason === 'workshop-full') {
      return { ok: false, message: t('media.workshopFull', { name, size: formatBytes(file.size), limit: formatBytes(refusal.limit), used: formatBytes(refusal.used) }) }
    }
  }
  return { ok: true, type }
}
