import { readFileSync } from 'node:fs'
import { HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx'
import { MEDIA_LABELS, type BoardMediaItem } from '../../workshops/export/boardMedia'
import type { Lang } from '../../workshops/lang'
import { parseAssetSrc } from '../../workshops/media/assetSrc'
import type { MediaStore } from '../media/mediaStore'

/** Width of the text column on an A4 page with Word's default margins, in pixels at 96 dpi. */
const PAGE_WIDTH_PX = 600
const PAGE_HEIGHT_PX = 800
/** A board with many large photos still makes a report that opens: beyond these the rest are named only. */
const MAX_PICTURES = 40
const MAX_PICTURE_BYTES = 60 * 1024 * 1024

const DOCX_TYPES = { png: 'png', jpg: 'jpg', gif: 'gif' } as const

/**
 * The report's "Bilder och filmer på tavlan": each picture of this
 * workshop's own media (Word shows PNG, JPEG and GIF), scaled to the page,
 * and each film by name.
 */
export function mediaParagraphs(items: readonly BoardMediaItem[], lang: Lang, workshopId: string, store: MediaStore | undefined): Paragraph[] {
  if (items.length === 0) return []
  const l = MEDIA_LABELS[lang]
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.heading)] })]
  let pictures = 0
  let bytes = 0
  for (const item of items) {
    const caption = `${item.kind === 'video' ? `${l.film}: ` : ''}${item.name}${item.altText ? ` – ${item.altText}` : ''}`
    const ref = parseAssetSrc(item.src)
    const file = item.kind === 'image' && ref?.workshopId === workshopId ? store?.find(workshopId, ref.assetId) : null
    const type = file ? DOCX_TYPES[file.type.ext as keyof typeof DOCX_TYPES] : undefined
    if (file && type && pictures < MAX_PICTURES && bytes + file.size <= MAX_PICTURE_BYTES) {
      pictures++
      bytes += file.size
      const scale = Math.min(1, PAGE_WIDTH_PX / item.w, PAGE_HEIGHT_PX / item.h)
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type,
              data: readFileSync(file.path),
              transformation: { width: Math.max(1, Math.round(item.w * scale)), height: Math.max(1, Math.round(item.h * scale)) },
              altText: { name: item.name, title: item.name, description: item.altText || item.name },
            }),
          ],
        }),
      )
      out.push(new Paragraph({ children: [new TextRun({ text: caption, italics: true })] }))
    } else {
      const note = item.kind === 'image' ? ` (${l.notShown})` : ''
      out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(caption + note)] }))
    }
  }
  return out
}
