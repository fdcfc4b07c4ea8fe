import type { ServerResponse } from 'node:http'

/**
 * Every response forbids loading anything from other hosts: the product must
 * work offline and leak nothing. tldraw needs inline styles, data: and blob:
 * images (exports, pasted pictures), and blob: workers. Images and films on
 * the board come from our own media endpoint ('self'); blob: is the preview
 * of a file while it uploads.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CSP)
  res.setHeader('referrer-policy', 'no-referrer')
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('x-frame-options', 'DENY')
}
