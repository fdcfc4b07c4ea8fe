import type { TLRecord } from '@tldraw/tlschema'

type MediaAsset = TLRecord & { type: 'image' | 'video'; props: { src: string | null } }

/** An image or film asset record (the ones whose `src` points at media). */
export function isMediaAsset(record: TLRecord): record is MediaAsset {
  return record.typeName === 'asset' && (record.type === 'image' || record.type === 'video')
}

/**
 * Where an imported board's media now are: a new src for each old one
 * (null: gone), and what becomes of a src not in the map. Plain data, so an
 * import worker can apply it.
 */
export interface SrcRewrite {
  srcs: Record<string, string | null>
  unmapped: 'keep' | 'null'
}

/** Every image and video asset's src rewritten; other records as they are. */
export function rewriteMediaSrcs(records: readonly TLRecord[], rewrite: SrcRewrite): TLRecord[] {
  return records.map((r) => {
    if (!isMediaAsset(r) || !r.props.src) return r
    const src = Object.hasOwn(rewrite.srcs, r.props.src) ? rewrite.srcs[r.props.src] : rewrite.unmapped === 'keep' ? r.props.src : null
    return src === r.props.src ? r : ({ ...r, props: { ...r.props, src } } as TLRecord)
  })
}
