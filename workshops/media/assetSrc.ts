/**
 * Where a board's image and video records point: a same-origin path on our
 * own server, `/api/workshops/<workshopId>/assets/<assetId>`. Nothing else
 * (no data: URL, no other host, no other workshop's media) belongs in an
 * asset record's `src`. Pure: the server's record rules and the client share it.
 *
 * A `src` that is null or '' is an upload still under way (tldraw writes the
 * record first and fills `src` in when the upload is done); it points nowhere.
 */

/** Asset ids: 32 base64url characters (192 bits of an HMAC), see server/media/mediaStore.ts. */
export const ASSET_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/
const WORKSHOP_ID = /^[A-Za-z0-9_-]{16,64}$/

export function assetSrcFor(workshopId: string, assetId: string): string {
  return `/api/workshops/${workshopId}/assets/${assetId}`
}

/** True when `src` is exactly the path of one of this workshop's assets. */
export function isAssetSrcOf(workshopId: string, src: unknown): boolean {
  if (typeof src !== 'string' || !WORKSHOP_ID.test(workshopId)) return false
  const prefix = `/api/workshops/${workshopId}/assets/`
  return src.startsWith(prefix) && ASSET_ID_PATTERN.test(src.slice(prefix.length))
}

/** The asset id in an asset path of any workshop, with that workshop's id; null for anything else. */
export function parseAssetSrc(src: unknown): { workshopId: string; assetId: string } | null {
  if (typeof src !== 'string') return null
  const m = /^\/api\/workshops\/([A-Za-z0-9_-]{16,64})\/assets\/([A-Za-z0-9_-]{32})$/.exec(src)
  return m ? { workshopId: m[1], assetId: m[2] } : null
}
