import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/** Page routes of the single-page client; each is answered with index.html. */
const APP_ROUTES = [/^\/$/, /^\/w\/[A-Za-z0-9_-]+\/?$/, /^\/p\/[A-Za-z0-9_-]+\/?$/, /^\/e\/[A-Za-z0-9_-]+\/?$/, /^\/setup\/?$/]

/**
 * Serves the built client from `root`. Hashed files under /assets are cached
 * for good; index.html never, so a new build reaches every browser.
 */
export function serveStatic(root: string, pathname: string, res: ServerResponse): boolean {
  if (APP_ROUTES.some((r) => r.test(pathname))) return sendFile(join(root, 'index.html'), res, false)
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return false
  }
  const file = normalize(join(root, decoded))
  if (!file.startsWith(root + sep)) return false
  if (!existsSync(file) || !statSync(file).isFile()) return false
  return sendFile(file, res, decoded.startsWith('/assets/'))
}

function sendFile(file: string, res: ServerResponse, immutable: boolean): boolean {
  if (!existsSync(file)) return false
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  createReadStream(file).pipe(res)
  return true
}
