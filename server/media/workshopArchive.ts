import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { unlink } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { assetSrcFor, parseAssetSrc } from '../../workshops/media/assetSrc'
import { isMediaAsset } from '../../workshops/media/mediaSrcs'
import { mediaTypeByExt } from '../../workshops/media/mediaTypes'
import { newWorkshopId } from '../auth/keys'
import type { WorkshopExporter } from '../export/exportWorkshop'
import { contentDisposition, fileStem } from '../export/filename'
import { HttpError } from '../http/respond'
import type { WorkshopRow } from '../store/workshopStore'
import type { WorkshopImporter } from '../workshops/importWorkshop'
import type { CreatedWorkshop } from '../workshops/workshopService'
import { UPLOAD_IDLE_MS } from './mediaService'
import { MediaError, type MediaStore } from './mediaStore'

const JSON_ENTRY = 'workshop.json'
const MEDIA_ENTRY = /^media\/([A-Za-z0-9_-]{32})\.([a-z0-9]{2,4})$/
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1')
/** More entries than a board has records and media is not a workshop file. */
const MAX_ENTRIES = 60_000
/** .zip imports at once: each may stage gigabytes on disk before it is checked. */
const MAX_ZIP_IMPORTS = 2

/**
 * The workshop file with its media: a .zip holding `workshop.json` (the
 * same versioned file as the JSON export) and `media/<assetId>.<ext>` for
 * every image and film the board shows. Written and read as streams (yazl,
 * yauzl), so a 2 GB film never sits in memory. Importing makes a new
 * workshop whose media are stored anew (new ids) and whose board points at
 * them; a plain JSON workshop file still imports, its pictures missing.
 */
export class WorkshopArchive {
  private zipImports = 0

  constructor(
    private readonly store: MediaStore,
    private readonly exporter: WorkshopExporter,
    private readonly importer: WorkshopImporter,
    /** Largest workshop.json read (the JSON import's limit). */
    private readonly maxJsonBytes: number,
  ) {}

  async exportZip(workshop: WorkshopRow, res: ServerResponse): Promise<void> {
    const json = await this.exporter.export(workshop, 'workshop.json', 'sv')
    const records = this.exporter.boardRecords(workshop.id)
    const zip = new yazl.ZipFile()
    zip.addBuffer(json.body, JSON_ENTRY)
    const added = new Set<string>()
    for (const record of records) {
      if (!isMediaAsset(record)) continue
      const ref = parseAssetSrc(record.props.src)
      if (!ref || ref.workshopId !== workshop.id || added.has(ref.assetId)) continue
      const file = this.store.find(workshop.id, ref.assetId)
      if (!file) continue
      added.add(ref.assetId)
      // Pictures and films are compressed already: stored as they are, and read from disk only as the zip is sent.
      zip.addFile(file.path, `media/${file.id}.${file.type.ext}`, { compress: false })
    }
    zip.end()
    res.writeHead(200, {
      'content-type': 'application/zip',
      'content-disposition': contentDisposition(`${fileStem(workshop.title)}-workshop.zip`),
      'cache-control': 'no-store',
    })
    try {
      await pipeline(zip.outputStream as unknown as Readable, res)
    } catch {
      res.destroy()
    }
  }

  /** POST /api/workshops/import: a .zip workshop file (by its first bytes) or the JSON one. */
  async import(req: IncomingMessage): Promise<CreatedWorkshop> {
    req.setTimeout(UPLOAD_IDLE_MS, () => req.destroy(new Error('upload idle')))
    const body = req.iterator({ destroyOnReturn: false }) as AsyncIterableIterator<Buffer>
    const first = await body.next()
    const head = first.done ? Buffer.alloc(0) : first.value
    const rest = async function* () {
      if (!first.done) yield head
      for await (const chunk of body) yield chunk
    }
    if (!head.subarray(0, 4).equals(ZIP_MAGIC)) return this.importJson(rest())
    if (this.zipImports >= MAX_ZIP_IMPORTS) throw new HttpError(503, 'other workshop files are being imported now; try again in a few minutes')
    this.zipImports++
    try {
      return await this.importZip(rest())
    } finally {
      this.zipImports--
    }
  }

  /**
   * The JSON file goes to the importer as bytes (it is read and built in a
   * worker). Pictures inlined by boards from before the asset store move into
   * the media store first, found in the text without parsing it here; paths
   * to another server's media point nowhere.
   */
  private async importJson(source: AsyncIterable<Buffer>): Promise<CreatedWorkshop> {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of source) {
      size += chunk.length
      if (size > this.maxJsonBytes) throw new HttpError(413, `request body larger than ${this.maxJsonBytes} bytes`)
      chunks.push(chunk)
    }
    const bytes = Buffer.concat(chunks)
    const id = newWorkshopId()
    try {
      const moved: Record<string, string | null> = {}
      for (const src of srcsIn(bytes.toString('utf8'))) {
        if (!src.startsWith('data:') || Object.hasOwn(moved, src)) continue
        const data = dataUrlBytes(src)
        moved[src] = data ? assetSrcFor(id, (await this.put(id, [data], data.length)).id) : null
      }
      return await this.importer.import(bytes, { id, media: { srcs: moved, unmapped: 'null' } })
    } catch (error) {
      this.store.deleteWorkshop(id)
      throw error
    }
  }

  private async importZip(source: AsyncIterable<Buffer>): Promise<CreatedWorkshop> {
    const limit = this.store.limits.maxWorkshopMediaBytes + this.maxJsonBytes + 64 * 1024 * 1024
    const temp = join(this.store.dir, `.import-${randomBytes(12).toString('hex')}.zip`)
    const id = newWorkshopId()
    let zip: yauzl.ZipFile | null = null
    try {
      await pipeline(source, limitBytes(limit), createWriteStream(temp, { mode: 0o600 }))
      zip = await openZip(temp)
      if (zip.entryCount > MAX_ENTRIES) throw new HttpError(400, `cannot import the workshop file: the .zip holds ${zip.entryCount} entries, more than a workshop file has`)
      const entries = await listEntries(zip)
      const jsonEntry = entries.get(JSON_ENTRY)
      if (!jsonEntry) throw new HttpError(400, `cannot import the workshop file: the .zip has no ${JSON_ENTRY}`)
      if (jsonEntry.uncompressedSize > this.maxJsonBytes) throw new HttpError(413, `${JSON_ENTRY} larger than ${this.maxJsonBytes} bytes`)
      const json = await readAll(await openEntry(zip, jsonEntry), this.maxJsonBytes)
      const media = new Map<string, yauzl.Entry>()
      for (const [name, entry] of entries) {
        const m = MEDIA_ENTRY.exec(name)
        if (m && mediaTypeByExt(m[2])) media.set(m[1], entry)
      }
      // Only the media the board shows are stored, each once, under new ids.
      const srcs: Record<string, string | null> = {}
      for (const src of srcsIn(json.toString('utf8'))) {
        if (Object.hasOwn(srcs, src)) continue
        const old = parseAssetSrc(src)?.assetId
        const entry = old ? media.get(old) : undefined
        srcs[src] = entry ? assetSrcFor(id, (await this.put(id, await openEntry(zip, entry), entry.uncompressedSize, `media/${old}`)).id) : null
      }
      return await this.importer.import(json, { id, media: { srcs, unmapped: 'null' } })
    } catch (error) {
      this.store.deleteWorkshop(id)
      throw error
    } finally {
      zip?.close()
      await unlink(temp).catch(() => {})
    }
  }

  private async put(id: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number, name?: string) {
    try {
      return await this.store.put(id, source, size)
    } catch (error) {
      if (error instanceof MediaError) throw new HttpError(error.status, name ? `cannot import the workshop file: ${name}: ${error.message}` : error.message)
      throw error
    }
  }
}

/** Every `"src": "…"` value in a workshop file's JSON text (asset srcs hold no quotes or escapes). */
function srcsIn(text: string): Set<string> {
  const found = new Set<string>()
  for (const m of text.matchAll(/"src"\s*:\s*"([^"\\]+)"/g)) found.add(m[1])
  return found
}

function dataUrlBytes(src: string): Buffer | null {
  const m = /^data:[^,;]+;base64,(.*)$/s.exec(src)
  return m ? Buffer.from(m[1], 'base64') : null
}

/** A pipeline step that passes bytes on and refuses the upload past `limit`. */
function limitBytes(limit: number) {
  return async function* (source: AsyncIterable<Buffer>) {
    let size = 0
    for await (const chunk of source) {
      size += chunk.length
      if (size > limit) throw new HttpError(413, `the workshop file is larger than ${limit} bytes`)
      yield chunk
    }
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((ok, fail) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? fail(new HttpError(400, `cannot import the workshop file: not a readable .zip (${err.message})`)) : ok(zip))),
  )
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((ok, fail) => {
    const entries = new Map<string, yauzl.Entry>()
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry)
      zip.readEntry()
    })
    zip.once('end', () => ok(entries))
    zip.once('error', (err: Error) => fail(new HttpError(400, `cannot import the workshop file: a broken .zip (${err.message})`)))
    zip.readEntry()
  })
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((ok, fail) => zip.openReadStream(entry, (err, stream) => (err ? fail(new HttpError(400, `cannot import the workshop file: ${entry.fileName}: ${err.message}`)) : ok(stream))))
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size > limit) throw new HttpError(413, `${JSON_ENTRY} larger than ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
