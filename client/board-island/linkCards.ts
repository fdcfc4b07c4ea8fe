import {
  AssetRecordType,
  createShapeId,
  getHashForString,
  type Editor,
  type TLAssetId,
  type TLBookmarkAsset,
  type VecLike,
} from 'tldraw'

/** Longest title a link card shows; the address is always shown in full by the card's second line. */
const TITLE_MAX = 80
/** tldraw's bookmark width; the height follows from there being a title and no image. */
const LINK_CARD_WIDTH = 300

/** Only web addresses become links: never javascript:, data: or file: ones. */
export function linkUrl(text: string): string | null {
  try {
    const url = new URL(text.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * A link card's title, made from the address alone: nothing is fetched from
 * the other host (it would be blocked, and would tell that host who looks).
 * "https://www.youtube.com/watch?v=abc" → "youtube.com/watch?v=abc".
 */
export function linkTitle(href: string): string {
  const url = new URL(href)
  let rest = `${url.pathname}${url.search}`
  try {
    rest = decodeURI(rest)
  } catch {
    // A malformed escape: show it as it is.
  }
  const title = `${url.hostname.replace(/^www\./, '')}${rest === '/' ? '' : rest}`
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title
}

/** The bookmark asset tldraw's link card reads its title from; same id for the same address, as tldraw's own. */
export function linkAsset(href: string): TLBookmarkAsset {
  return {
    id: AssetRecordType.createId(getHashForString(href)),
    typeName: 'asset',
    type: 'bookmark',
    props: { src: href, title: linkTitle(href), description: '', image: '', favicon: '' },
    meta: {},
  }
}

/** Places a link card (tldraw's bookmark, with a title and the address and no preview image) centred at `point`. */
export function createLinkCard(editor: Editor, href: string, point?: VecLike): void {
  const asset = linkAsset(href)
  const at = point ?? editor.getViewportPageBounds().center
  const id = createShapeId()
  editor.run(() => {
    if (!editor.getAsset(asset.id)) editor.createAssets([asset])
    editor.createShape({
      id,
      type: 'bookmark',
      x: at.x - LINK_CARD_WIDTH / 2,
      y: at.y - 50,
      props: { url: href, assetId: asset.id as TLAssetId, w: LINK_CARD_WIDTH },
    })
    editor.select(id)
  })
}

/**
 * External links become plain link cards: a pasted or dropped address, a
 * video that tldraw would embed, and embed code all give a card with a title
 * and the address that opens in a new tab. Never an embed (the page's CSP
 * blocks other hosts' frames: everyone would see an empty box) and never a
 * preview fetched from the other host.
 */
export function registerLinkCards(editor: Editor): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => {
    const href = linkUrl(url)
    if (!href) throw new Error('not a web address')
    return linkAsset(href)
  })
  editor.registerExternalContentHandler('url', ({ url, point }) => {
    const href = linkUrl(url)
    if (href) createLinkCard(editor, href, point)
  })
  editor.registerExternalContentHandler('embed', ({ url, point }) => {
    const href = linkUrl(url)
    if (href) createLinkCard(editor, href, point)
  })
}
