import { exportAs, type Editor, type TLShapeId } from 'tldraw'
import { framesWithCards } from '../../workshops/export/boardFrames'

/** The server refuses larger uploads (BOARD_IMAGE_MAX_BYTES). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** Around the board's content, in page pixels. */
const PADDING = 32

export class BoardImageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Renders the whole current page as a PNG. A very large board is rendered at
 * lower scales until it fits the upload limit; an empty page gives null.
 */
async function renderPage(editor: Editor): Promise<Blob | null> {
  const ids = [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return null
  for (const scale of [1, 0.5, 0.25]) {
    // pixelRatio 1: the report needs a readable overview, not a print-quality poster.
    const { blob } = await editor.toImage(ids, { format: 'png', background: true, padding: PADDING, scale, pixelRatio: 1 })
    if (blob.size <= MAX_UPLOAD_BYTES) return blob
  }
  return null
}

/** A frame's picture is this many pixels wide: the report prints it across the page, and its cards' text stays sharp. */
const FRAME_IMAGE_WIDTH = 1600

/** One frame as a PNG about FRAME_IMAGE_WIDTH wide, smaller if it would pass the upload limit. */
async function renderFrame(editor: Editor, frameId: TLShapeId): Promise<Blob | null> {
  const bounds = editor.getShapePageBounds(frameId)
  if (!bounds || bounds.w <= 0) return null
  const fit = Math.min(2, Math.max(0.25, FRAME_IMAGE_WIDTH / (bounds.w + 2 * PADDING)))
  for (const scale of [fit, fit / 2, fit / 4]) {
    const { blob } = await editor.toImage([frameId], { format: 'png', background: true, padding: PADDING, scale, pixelRatio: 1 })
    if (blob.size <= MAX_UPLOAD_BYTES) return blob
  }
  return null
}

async function put(workshopId: string, key: string, blob: Blob, frameId?: string): Promise<void> {
  const query = frameId ? `?frame=${encodeURIComponent(frameId)}` : ''
  const res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/board-image${query}`, {
    method: 'PUT',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${key}` },
    body: blob,
  })
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string }
    throw new BoardImageError(res.status, body.error ?? res.statusText)
  }
}

/**
 * Sends the report's pictures of the board to the server: one PNG per frame
 * that holds cards (the report shows each across the page), or the whole
 * page when no frame does. Needs the facilitator key. Returns false when
 * there was nothing to send (an empty board, or one too large even scaled down).
 */
export async function uploadBoardImage(editor: Editor, workshopId: string, key: string): Promise<boolean> {
  const frames = framesWithCards(editor.store.allRecords())
  let sent = false
  for (const frame of frames) {
    const blob = await renderFrame(editor, frame.id as TLShapeId)
    if (!blob) continue
    await put(workshopId, key, blob, frame.id)
    sent = true
  }
  if (sent) return true
  const blob = await renderPage(editor)
  if (!blob) return false
  await put(workshopId, key, blob)
  return true
}

/**
 * Downloads the board as a PNG or SVG file through tldraw's own export: the
 * whole current page, or one frame (a template or a step's frame) when
 * `frameId` is given. `name` is the file name without extension.
 */
export async function downloadBoardImage(
  editor: Editor,
  format: 'png' | 'svg',
  frameId?: TLShapeId,
  name?: string,
): Promise<void> {
  const ids = frameId ? [frameId] : [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return
  await exportAs(editor, ids, { format, background: true, padding: PADDING, scale: 1, name })
}
