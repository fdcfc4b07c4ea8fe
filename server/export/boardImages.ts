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

export interface FrameImage extends BoardImage {
  frameId: string
}

/** A frame's id as the board holds it (tldraw's "shape:…"). */
export const FRAME_ID_PATTERN = /^shape:[A-Za-z0-9_-]{1,100}$/
/** Frame pictures one workshop keeps, and their bytes together: a report's worth, not a store of anything else. */
export const FRAME_IMAGES_MAX = 40
export const FRAME_IMAGES_MAX_BYTES = 80 * 1024 * 1024

/** The most recent PNG of each board that a client uploaded; deleted with its workshop. */
export class BoardImageStore {
  private readonly putStmt
  private readonly getStmt
  private readonly putFrameStmt
  private readonly framesStmt
  private readonly frameStatsStmt

  constructor(db: Db) {
    this.putStmt = db.prepare(
      `INSERT INTO board_images (workshop_id, png, created_at) VALUES (?, ?, ?)
       ON CONFLICT (workshop_id) DO UPDATE SET png = excluded.png, created_at = excluded.created_at`,
    )
    this.getStmt = db.prepare<[string], { png: Buffer; created_at: number }>(
      'SELECT png, created_at FROM board_images WHERE workshop_id = ?',
    )
    this.putFrameStmt = db.prepare(
      `INSERT INTO board_frame_images (workshop_id, frame_id, png, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (workshop_id, frame_id) DO UPDATE SET png = excluded.png, created_at = excluded.created_at`,
    )
    this.framesStmt = db.prepare<[string], { frame_id: string; png: Buffer; created_at: number }>(
      'SELECT frame_id, png, created_at FROM board_frame_images WHERE workshop_id = ?',
    )
    this.frameStatsStmt = db.prepare<[string, string], { count: number; bytes: number | null }>(
      'SELECT COUNT(*) AS count, SUM(LENGTH(png)) AS bytes FROM board_frame_images WHERE workshop_id = ? AND frame_id <> ?',
    )
  }

  put(workshopId: string, png: Buffer, createdAt = Date.now()): void {
    this.putStmt.run(workshopId, png, createdAt)
  }

  /**
   * Keeps the newest picture of one frame. Refuses (returns false) when the
   * workshop's other frame pictures and this one would pass FRAME_IMAGES_MAX
   * or FRAME_IMAGES_MAX_BYTES.
   */
  putFrame(workshopId: string, frameId: string, png: Buffer, createdAt = Date.now()): boolean {
    const others = this.frameStatsStmt.get(workshopId, frameId) ?? { count: 0, bytes: 0 }
    if (others.count + 1 > FRAME_IMAGES_MAX || (others.bytes ?? 0) + png.length > FRAME_IMAGES_MAX_BYTES) return false
    this.putFrameStmt.run(workshopId, frameId, png, createdAt)
    return true
  }

  /** Every frame picture of a workshop, by frame id. */
  frames(workshopId: string): Map<string, FrameImage> {
    return new Map(this.framesStmt.all(workshopId).map((r) => [r.frame_id, { frameId: r.frame_id, png: r.png, createdAt: r.created_at }]))
  }

  get(workshopId: string): BoardImage | undefined {
    const row = this.getStmt.get(workshopId)
    return row ? { png: row.png, createdAt: row.created_at } : undefined
  }
}
