import type { Db } from '../store/database'

/** Largest board image a client may upload. */
export const BOARD_IMAGE_MAX_BYTES = 10 * 1024 * 1024

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return null
  if (buf.subarray(12, 16).toString('latin1') !== 'IHDR') return null
  const width = buf.readUInt32BE(16)
  const height = buf.readUInt32BE(20)
  return width > 0 && height > 0 ? { width, height } : null
}

export interface BoardImage {
  png: Buffer
  createdAt: number
}

/** The most recent PNG of each board that a client uploaded; deleted with its workshop. */
export class BoardImageStore {
  private readonly putStmt
  private readonly getStmt

  constructor(db: Db) {
    this.putStmt = db.prepare(
      `INSERT INTO board_images (workshop_id, png, created_at) VALUES (?, ?, ?)
       ON CONFLICT (workshop_id) DO UPDATE SET png = excluded.png, created_at = excluded.created_at`,
    )
    this.getStmt = db.prepare<[string], { png: Buffer; created_at: number }>(
      'SELECT png, created_at FROM board_images WHERE workshop_id = ?',
    )
  }

  put(workshopId: string, png: Buffer, createdAt = Date.now()): void {
    this.putStmt.run(workshopId, png, createdAt)
  }

  get(workshopId: string): BoardImage | undefined {
    const row = this.getStmt.get(workshopId)
    return row ? { png: row.png, createdAt: row.created_at } : undefined
  }
}
