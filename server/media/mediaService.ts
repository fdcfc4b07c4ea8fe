import type { IncomingMessage, ServerResponse } from 'node:http'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { assetSrcFor } from '../../workshops/media/assetSrc'
import type { MediaLimits } from '../../workshops/media/mediaLimits'
import { readLocks } from '../../workshops/facilitation/control'
import { CONTROL_CHANNEL } from '../../workshops/doc/wire'
import { roleForKey, type Role } from '../auth/roles'
import { HttpError } from '../http/respond'
import type { WorkshopRow, WorkshopStore } from '../store/workshopStore'
import type { SyncServer } from '../sync/syncServer'
import { Bandwidth, paced } from './bandwidth'
import { parseByteRange } from './byteRange'
import { cookieValue, MEDIA_COOKIE, MEDIA_SESSION_MS, mediaCookiePath, MediaAccess } from './mediaAccess'
import { MediaError, type MediaStore } from './mediaStore'

/** An upload that sends nothing for this long is dropped (and leaves nothing). */
export const UPLOAD_IDLE_MS = 60_000

/** What POST …/media-session answers. */
export interface MediaSessionAnswer {
  expiresAt: number
  /** When the page should ask again, in ms from now. */
  renewInMs: number
  limits: MediaLimits
  /** Bytes of media the workshop holds now. */
  used: number
}

/**
 * Reads and drops what is left of a refused upload, so the client gets to
 * read the refusal instead of a reset connection. A large rest is not worth
 * the bandwidth: the connection is then closed after the answer.
 */
async function discardRest(req: IncomingMessage, maxBytes = 64 * 1024 * 1024, maxMs = 10_000): Promise<void> {
  if (req.complete || req.destroyed) return
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) return
  await new Promise<void>((done) => {
    let seen = 0
    const timer = setTimeout(finish, maxMs)
    function finish() {
      clearTimeout(timer)
      req.off('data', onData)
      done()
    }
    function onData(chunk: Buffer) {
      seen += chunk.length
      if (seen > maxBytes) finish()
    }
    req.on('data', onData)
    req.once('end', finish)
    req.once('close', finish)
    req.once('error', finish)
    req.resume()
  })
}

/** The key of a request, from the Authorization header only: media never takes `?key=`, which would stand in logs. */
export function headerKey(req: IncomingMessage): string | null {
  const auth = req.headers.authorization
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() || null : null
}

/**
 * The rules of the media endpoints: who may upload, who may fetch (a key in
 * a header, or a media session cookie bound to a current key), the limits,
 * and serving files with byte ranges.
 */
export class MediaService {
  readonly access: MediaAccess
  private readonly bandwidth: Bandwidth

  constructor(
    readonly store: MediaStore,
    private readonly workshops: WorkshopStore,
    private readonly sync: SyncServer,
    private readonly secureCookies: (req: IncomingMessage) => boolean,
    /** MAX_MEDIA_BYTES_PER_SECOND: all media responses together; 0 for no limit. */
    mediaBytesPerSecond = 0,
  ) {
    this.access = new MediaAccess(store.deriveKey('media-session'))
    this.bandwidth = new Bandwidth(mediaBytesPerSecond)
  }

  private workshop(id: string): WorkshopRow {
    const workshop = this.workshops.get(id)
    if (!workshop) throw new HttpError(404, 'unknown workshop')
    return workshop
  }

  private roleByHeader(workshop: WorkshopRow, req: IncomingMessage): Role | null {
    const key = headerKey(req)
    return key ? roleForKey(workshop, key) : null
  }

  /** Trades a key (header) for a media cookie scoped to this workshop's assets. */
  openSession(req: IncomingMessage, res: ServerResponse, workshopId: string): MediaSessionAnswer {
    const workshop = this.workshop(workshopId)
    const role = this.roleByHeader(workshop, req)
    if (!role) throw new HttpError(403, 'a valid key for this workshop is required (in the Authorization header)')
    const { token, expiresAt } = this.access.issue(workshop, role)
    const attrs = [`${MEDIA_COOKIE}=${token}`, `Path=${mediaCookiePath(workshopId)}`, `Max-Age=${MEDIA_SESSION_MS / 1000}`, 'HttpOnly', 'SameSite=Strict']
    if (this.secureCookies(req)) attrs.push('Secure')
    res.setHeader('set-cookie', attrs.join('; '))
    return { expiresAt, renewInMs: MEDIA_SESSION_MS / 2, limits: this.store.limits, used: this.store.used(workshopId) }
  }

  /** Stores the request body as a new asset of the workshop. */
  async upload(req: IncomingMessage, workshopId: string): Promise<{ id: string; url: string; type: string; size: number }> {
    const workshop = this.workshop(workshopId)
    // A header, not the cookie: a page on another site can make a browser send cookies, never this header.
    const role = this.roleByHeader(workshop, req)
    if (!role) throw new HttpError(403, 'a valid key for this workshop is required (in the Authorization header)')
    if (role === 'participant' && this.sync.withDoc(workshopId, CONTROL_CHANNEL, readLocks).board) {
      throw new HttpError(403, 'the board is locked by the facilitator')
    }
    // A film on a slow line takes longer than any fixed request timeout; a sender that goes quiet is dropped instead.
    req.setTimeout(UPLOAD_IDLE_MS, () => req.destroy(new Error('upload idle')))
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length'])
    try {
      // Not destroyed when the store stops reading early: the rest is drained so the refusal reaches the client.
      const body = req.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>
      const stored = await this.store.put(workshopId, body, Number.isFinite(declared) ? declared : undefined)
      // Deleted while the file came in: it must not outlive its workshop.
      if (!this.workshops.get(workshopId)) {
        this.store.deleteWorkshop(workshopId)
        throw new HttpError(404, 'unknown workshop')
      }
      return { id: stored.id, url: assetSrcFor(workshopId, stored.id), type: stored.type.mime, size: stored.size }
    } catch (error) {
      if (!(error instanceof MediaError)) throw error
      await discardRest(req)
      throw new HttpError(error.status, error.message)
    }
  }

  /** Answers GET …/assets/<assetId>: the file, or the byte range asked for. */
  async serve(req: IncomingMessage, res: ServerResponse, workshopId: string, assetId: string): Promise<void> {
    const workshop = this.workshop(workshopId)
    const role = this.roleByHeader(workshop, req) ?? this.access.check(workshop, cookieValue(req.headers.cookie, MEDIA_COOKIE))
    if (!role) throw new HttpError(403, 'no media access: open the workshop from its link again')
    const asset = this.store.find(workshopId, assetId)
    if (!asset) throw new HttpError(404, 'no such file in this workshop')

    const etag = `"${asset.id}"`
    const headers: Record<string, string | number> = {
      'content-type': asset.type.mime,
      'accept-ranges': 'bytes',
      etag,
      // Private: the file is someone's workshop, never a shared proxy's. Immutable: the name is the content.
      'cache-control': 'private, max-age=31536000, immutable',
      'content-disposition': 'inline',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end()
      return
    }
    const ifRange = req.headers['if-range']
    const range = ifRange === undefined || ifRange === etag ? parseByteRange(req.headers.range, asset.size) : { kind: 'whole' as const }
    if (range.kind === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${asset.size}`, 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ error: `the range "${req.headers.range}" is not within the file's ${asset.size} bytes` }))
      return
    }
    const start = range.kind === 'part' ? range.start : 0
    const end = range.kind === 'part' ? range.end : asset.size - 1
    if (range.kind === 'part') headers['content-range'] = `bytes ${start}-${end}/${asset.size}`
    headers['content-length'] = end - start + 1
    res.writeHead(range.kind === 'part' ? 206 : 200, headers)
    try {
      const file = createReadStream(asset.path, { start, end, highWaterMark: 256 * 1024 })
      await pipeline(file, (source: AsyncIterable<Buffer>) => paced(source, this.bandwidth), res)
    } catch {
      // The player went away mid-file (a seek, a closed tab): nothing to answer.
      res.destroy()
    }
  }
}
