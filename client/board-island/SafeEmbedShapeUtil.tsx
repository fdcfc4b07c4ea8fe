/** @jsxImportSource react */
import { EmbedShapeUtil, HTMLContainer, type TLEmbedShape } from 'tldraw'
import { linkTitle, linkUrl } from './linkCards'
import './linkCards.css'

/**
 * An embed already on a board (an old board, or one a script wrote) shows
 * as a link card instead of a frame of another host, which the page's CSP
 * would block anyway: the same title and address, opened in a new tab.
 * Nobody can make new embeds (see Board.tsx and linkCards.ts).
 */
export class SafeEmbedShapeUtil extends EmbedShapeUtil {
  override canEdit() {
    return false
  }

  override component(shape: TLEmbedShape) {
    const href = linkUrl(shape.props.url)
    return (
      <HTMLContainer className="tl-bookmark__container sv-link-card" style={{ width: shape.props.w, height: shape.props.h, pointerEvents: 'all' }}>
        {href ? (
          <a className="sv-link-card-title" href={href} target="_blank" rel="noopener noreferrer" draggable={false} onPointerDown={(e) => e.stopPropagation()}>
            {linkTitle(href)}
          </a>
        ) : null}
        <span className="sv-link-card-address">{href ? new URL(href).hostname.replace(/^www\./, '') : shape.props.url}</span>
      </HTMLContainer>
    )
  }
}
