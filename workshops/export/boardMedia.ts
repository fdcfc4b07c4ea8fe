/**
 * The images and films on a board, for the report: which pictures to show
 * and which films to name. Pure: the Markdown report is written here, the
 * Word report on the server (server/export/reportMedia.ts) reads the files.
 */
import type { Lang } from '../lang'
import { escapeMarkdown } from './markdown'

export interface BoardMediaItem {
  kind: 'image' | 'video'
  name: string
  /** The asset's src: a path to the workshop's media, or null. */
  src: string | null
  w: number
  h: number
  altText: string
}

export const MEDIA_LABELS: Record<Lang, { heading: string; film: string; notShown: string; inDocx: string }> = {
  sv: {
    heading: 'Bilder och filmer på tavlan',
    film: 'Film',
    notShown: 'bilden visas inte här',
    inDocx: 'Bilderna finns i Word-rapporten (report.docx).',
  },
  en: {
    heading: 'Images and films on the board',
    film: 'Film',
    notShown: 'the picture is not shown here',
    inDocx: 'The pictures are in the Word report (report.docx).',
  },
}

type Rec = { id?: unknown; typeName?: unknown; type?: unknown; props?: Record<string, unknown>; x?: unknown; y?: unknown }

/** Every image and film shape on the board with its asset, top to bottom and left to right, each asset once. */
export function boardMedia(records: readonly unknown[]): BoardMediaItem[] {
  const assets = new Map<string, Rec>()
  for (const r of records as Rec[]) if (r?.typeName === 'asset' && typeof r.id === 'string') assets.set(r.id, r)
  const shapes = (records as Rec[])
    .filter((r) => r?.typeName === 'shape' && (r.type === 'image' || r.type === 'video'))
    .sort((a, b) => Number(a.y) - Number(b.y) || Number(a.x) - Number(b.x))
  const seen = new Set<string>()
  const items: BoardMediaItem[] = []
  for (const shape of shapes) {
    const assetId = shape.props?.assetId
    if (typeof assetId !== 'string' || seen.has(assetId)) continue
    const asset = assets.get(assetId)
    if (!asset?.props) continue
    seen.add(assetId)
    const p = asset.props
    items.push({
      kind: shape.type === 'video' ? 'video' : 'image',
      name: typeof p.name === 'string' && p.name ? p.name : assetId.replace(/^asset:/, ''),
      src: typeof p.src === 'string' ? p.src : null,
      w: typeof p.w === 'number' && p.w > 0 ? p.w : 1,
      h: typeof p.h === 'number' && p.h > 0 ? p.h : 1,
      altText: typeof shape.props?.altText === 'string' ? (shape.props.altText as string) : '',
    })
  }
  return items
}

/** The section the Markdown report ends with; empty when the board has no images or films. */
export function boardMediaMarkdown(items: readonly BoardMediaItem[], lang: Lang): string {
  if (items.length === 0) return ''
  const l = MEDIA_LABELS[lang]
  const lines = items.map((m) => `- ${m.kind === 'video' ? `${l.film}: ` : ''}${escapeMarkdown(m.name)}${m.altText ? ` – ${escapeMarkdown(m.altText)}` : ''}`)
  const hasImages = items.some((m) => m.kind === 'image')
  return `\n## ${l.heading}\n\n${lines.join('\n')}\n${hasImages ? `\n${l.inDocx}\n` : ''}`
}
