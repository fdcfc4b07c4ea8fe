import { randomBytes } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/**
 * A real PNG a browser decodes. `noise` fills it with random pixels, which do
 * not compress: width × height × 4 bytes is then about the file's size.
 */
export function makePng(width: number, height: number, opts: { noise?: boolean; rgb?: [number, number, number] } = {}): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 6 // RGBA
  const row = width * 4 + 1
  const raw = opts.noise ? randomBytes(row * height) : Buffer.alloc(row * height)
  const [r, g, b] = opts.rgb ?? [40, 120, 200]
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0
    if (!opts.noise) {
      for (let x = 0; x < width; x++) {
        const at = y * row + 1 + x * 4
        raw[at] = r
        raw[at + 1] = g
        raw[at + 2] = b
        raw[at + 3] = 255
      }
    } else {
      for (let x = 0; x < width; x++) raw[y * row + 1 + x * 4 + 3] = 255
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: opts.noise ? 0 : 6 })), chunk('IEND', Buffer.alloc(0))])
}

/** `size` bytes that begin as an MP4 file does (an ftyp box), then random: what the server checks is the type, not the film. */
export function mp4Like(size: number): Buffer {
  const body = randomBytes(size)
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')])
  ftyp.copy(body, 0)
  return body
}

/** Trades a key for the media cookie, as the page does; answers the Cookie header to send. */
export async function mediaCookie(url: string, workshopId: string, key: string): Promise<string> {
  const res = await fetch(`${url}/api/workshops/${workshopId}/media-session`, { method: 'POST', headers: { authorization: `Bearer ${key}` } })
  if (res.status !== 200) throw new Error(`media session: ${res.status} ${await res.text()}`)
  return res.headers.get('set-cookie')!.split(';')[0]
}

export async function upload(url: string, workshopId: string, key: string | null, body: Buffer): Promise<Response> {
  return fetch(`${url}/api/workshops/${workshopId}/assets`, {
    method: 'POST',
    headers: key ? { authorization: `Bearer ${key}` } : {},
    body: body as unknown as BodyInit,
  })
}
