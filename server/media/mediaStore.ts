import { createHash, createHmac, randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { ASSET_ID_PATTERN } from '../../workshops/media/assetSrc'
import { DEFAULT_MEDIA_LIMITS, formatBytes, maxBytesFor, type MediaLimits } from '../../workshops/media/mediaLimits'
import { looksLikeSvg, mediaTypeByExt, SNIFF_BYTES, sniffMedia, type MediaType } from '../../workshops/media/mediaTypes'

/** A refused or failed store, with the HTTP status it answers and a message for the person. */
export class MediaError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export interface StoredAsset {
  id: string
  type: MediaType
  size: number
}

export interface MediaStoreOptions {
  limits?: MediaLimits
  /** Opens the temporary file an upload is written to (tests put a full disk behind it). */
  openForWrite?: (path: string) => Promise<FileHandle>
}

const WORKSHOP_DIR = /^[A-Za-z0-9_-]{16,64}$/
const INCOMING = '.incoming-'
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])

/**
 * The workshops' images and films, as files under DATA_DIR/media/<workshopId>/.
 * Content-addressed within a workshop: a file's name is an HMAC (with a
 * server secret) of the workshop id and the file's SHA-256, so the same file
 * dropped twice is stored once, yet knowing a file's hash gives no name to
 * fetch, and the same file in two workshops has two unrelated names.
 * An upload is written to a temporary file, flushed to disk, and renamed
 * into place only when complete: a dropped connection, a refused file or a
 * full disk leaves nothing. One owner: everything that touches these files goes through here.
 */
export class MediaStore {
  readonly limits: MediaLimits
  private readonly secret: Buffer
  /** Per workshop: asset id → type and size, read from its directory once. */
  private readonly index = new Map<string, Map<string, { type: MediaType; size: number }>>()
  /** Bytes of uploads under way, per workshop: they count against the workshop's total at once. */
  private readonly inFlight = new Map<string, number>()
  private readonly writing = new Set<string>()
  private readonly openForWrite: (path: string) => Promise<FileHandle>

  constructor(
    readonly dir: string,
    options: MediaStoreOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_MEDIA_LIMITS
    this.openForWrite = options.openForWrite ?? ((path) => open(path, 'wx', 0o600))
    mkdirSync(dir, { recursive: true })
    this.secret = loadSecret(join(dir, '.secret'))
  }

  /** A key for other media secrets (the session cookies), derived so the two uses never share one. */
  deriveKey(purpose: string): Buffer {
    return createHmac('sha256', this.secret).update(`samverkstad:${purpose}`).digest()
  }

  /** Bytes of media the workshop holds, with uploads under way. */
  used(workshopId: string): number {
    let total = this.inFlight.get(workshopId) ?? 0
    for (const a of this.assetsOf(workshopId).values()) total += a.size
    return total
  }

  /** The file of one asset, or null. */
  find(workshopId: string, assetId: string): (StoredAsset & { path: string }) | null {
    if (!ASSET_ID_PATTERN.test(assetId)) return null
    const a = this.assetsOf(workshopId).get(assetId)
    return a ? { id: assetId, ...a, path: join(this.workshopDir(workshopId), `${assetId}.${a.type.ext}`) } : null
  }

  /**
   * Stores what `source` yields as one asset of the workshop. Refuses, before
   * writing a byte where it can, what is not an accepted type (415), larger
   * than its kind's limit or than the room left in the workshop (413), or
   * empty (400); a full disk is 507. `declaredBytes` is the Content-Length, when known.
   */
  async put(workshopId: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, declaredBytes?: number): Promise<StoredAsset> {
    const dir = this.workshopDir(workshopId)
    if (declaredBytes !== undefined && declaredBytes > Math.max(this.limits.maxImageBytes, this.limits.maxVideoBytes)) {
      throw tooLarge(Math.max(this.limits.maxImageBytes, this.limits.maxVideoBytes), 'file')
    }
    this.assetsOf(workshopId)
    mkdirSync(dir, { recursive: true })
    const temp = join(dir, `${INCOMING}${randomBytes(12).toString('hex')}`)
    this.writing.add(temp)
    let file: FileHandle | null = null
    let counted = 0
    const count = (n: number) => {
      counted += n
      this.inFlight.set(workshopId, (this.inFlight.get(workshopId) ?? 0) + n)
    }
    try {
      const hash = createHash('sha256')
      let head = Buffer.alloc(0)
      let type: MediaType | null = null
      let limit = 0
      let size = 0
      const write = async (chunk: Buffer) => {
        size += chunk.length
        if (size > limit) {
          throw limit === maxBytesFor(type!.kind, this.limits) ? tooLarge(limit, type!.kind) : workshopFull(this.limits.maxWorkshopMediaBytes)
        }
        count(chunk.length)
        hash.update(chunk)
        for (let at = 0; at < chunk.length; ) {
          const { bytesWritten } = await file!.write(chunk, at, chunk.length - at)
          at += bytesWritten
        }
      }
      const decide = async () => {
        type = sniffMedia(head)
        if (!type) {
          throw new MediaError(
            415,
            looksLikeSvg(head)
              ? 'SVG images are not accepted (they can carry scripts); export the picture as PNG'
              : 'not an accepted file: images must be PNG, JPEG, GIF or WebP and films MP4 or WebM',
          )
        }
        const room = this.limits.maxWorkshopMediaBytes - this.used(workshopId)
        const kindLimit = maxBytesFor(type.kind, this.limits)
        limit = Math.min(kindLimit, room)
        if (declaredBytes !== undefined && declaredBytes > kindLimit) throw tooLarge(kindLimit, type.kind)
        if (declaredBytes !== undefined && declaredBytes > room) throw workshopFull(this.limits.maxWorkshopMediaBytes)
        file = await this.openForWrite(temp)
        const first = head
        head = Buffer.alloc(0)
        await write(first)
      }
      for await (const part of source) {
        const chunk = Buffer.isBuffer(part) ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength)
        if (type) {
          await write(chunk)
          continue
        }
        head = Buffer.concat([head, chunk])
        if (head.length >= SNIFF_BYTES) await decide()
      }
      if (!type) {
        if (head.length === 0) throw new MediaError(400, 'the file is empty')
        await decide()
      }
      const h = file as FileHandle | null
      if (!h) throw new MediaError(400, 'the file is empty')
      await h.sync()
      await h.close()
      file = null
      const id = this.assetId(workshopId, hash.digest('hex'))
      const final = join(dir, `${id}.${type!.ext}`)
      const existing = await stat(final).catch(() => null)
      if (existing) await unlink(temp)
      else {
        await rename(temp, final)
        syncDir(dir)
      }
      const stored = { type: type!, size }
      this.assetsOf(workshopId).set(id, stored)
      return { id, ...stored }
    } catch (error) {
      await (file as FileHandle | null)?.close().catch(() => {})
      await unlink(temp).catch(() => {})
      const code = (error as NodeJS.ErrnoException).code
      if (code && DISK_FULL.has(code)) throw new MediaError(507, "the server's disk is full: the file was not stored")
      throw error
    } finally {
      this.writing.delete(temp)
      const left = (this.inFlight.get(workshopId) ?? 0) - counted
      if (left > 0) this.inFlight.set(workshopId, left)
      else this.inFlight.delete(workshopId)
    }
  }

  /** Deletes every media file of the workshop for good. */
  deleteWorkshop(workshopId: string): void {
    if (!WORKSHOP_DIR.test(workshopId)) return
    this.index.delete(workshopId)
    rmSync(this.workshopDir(workshopId), { recursive: true, force: true })
  }

  private assetId(workshopId: string, sha256: string): string {
    return createHmac('sha256', this.secret).update(`asset\n${workshopId}\n${sha256}`).digest('base64url').slice(0, 32)
  }

  private workshopDir(workshopId: string): string {
    // The id comes from a URL: only the pattern of our own ids ever names a directory.
    if (!WORKSHOP_DIR.test(workshopId)) throw new MediaError(400, 'bad workshop id')
    return join(this.dir, workshopId)
  }

  private assetsOf(workshopId: string): Map<string, { type: MediaType; size: number }> {
    let assets = this.index.get(workshopId)
    if (assets) return assets
    assets = new Map()
    const dir = this.workshopDir(workshopId)
    let names: string[] = []
    try {
      names = readdirSync(dir)
    } catch {
      // No media yet.
    }
    for (const name of names) {
      const path = join(dir, name)
      if (name.startsWith(INCOMING)) {
        // Left by a crash mid-upload.
        if (!this.writing.has(path)) rmSync(path, { force: true })
        continue
      }
      const [id, ext, ...rest] = name.split('.')
      const type = mediaTypeByExt(ext ?? '')
      if (rest.length > 0 || !type || !ASSET_ID_PATTERN.test(id)) continue
      assets.set(id, { type, size: statSync(path).size })
    }
    this.index.set(workshopId, assets)
    return assets
  }
}

function tooLarge(limit: number, what: 'image' | 'video' | 'file'): MediaError {
  const noun = what === 'image' ? 'images' : what === 'video' ? 'films' : 'files'
  return new MediaError(413, `the file is too large: ${noun} may be at most ${formatBytes(limit)} (${limit} bytes)`)
}

function workshopFull(limit: number): MediaError {
  return new MediaError(413, `the workshop has no room for this file: all its media together may be at most ${formatBytes(limit)} (${limit} bytes)`)
}

function loadSecret(path: string): Buffer {
  try {
    const secret = readFileSync(path)
    if (secret.length >= 32) return secret
  } catch {
    // First start: make one below.
  }
  const secret = randomBytes(32)
  writeFileSync(path, secret, { mode: 0o600 })
  return secret
}

/** A rename is durable once its directory is flushed too. */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Some file systems cannot sync a directory; the rename has still happened.
  }
}

