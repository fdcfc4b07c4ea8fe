import type { TLAsset, TLAssetStore } from 'tldraw'
import { isAssetSrcOf } from '../../../workshops/media/assetSrc'
import { t } from '../../i18n/i18n'
import type { MediaSession } from '../../media/mediaSession'
import { addUpload, endUpload, progressUpload } from './uploads'

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** Sends one file to POST /api/workshops/<id>/assets with progress; the key goes in a header. */
function send(session: MediaSession, file: File, onProgress: (done: number) => void, signal: AbortSignal): Promise<{ id: string; url: string; size: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/workshops/${encodeURIComponent(session.workshopId)}/assets`)
    xhr.setRequestHeader('authorization', `Bearer ${session.key}`)
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.upload.onprogress = (e) => onProgress(e.loaded)
    xhr.onload = () => {
      let body: { id?: string; url?: string; size?: number; error?: string } = {}
      try {
        body = JSON.parse(xhr.responseText) as typeof body
      } catch {
        // Not JSON (a proxy's error page): the status says enough.
      }
      if (xhr.status === 201 && body.url && body.id) resolve({ id: body.id, url: body.url, size: body.size ?? file.size })
      else reject(new UploadError(xhr.status, body.error ?? `HTTP ${xhr.status}`))
    }
    xhr.onerror = () => reject(new UploadError(0, t('media.offline')))
    xhr.onabort = () => reject(new DOMException('cancelled', 'AbortError'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file)
  })
}

/**
 * The board's asset store: images and films go to our own server, never
 * into the shared document (tldraw's default would inline them as base64).
 * `upload` shows the file in the upload tray with a progress bar and a
 * cancel button; `resolve` hands tldraw the same-origin path once the media
 * cookie is set. A src that points anywhere else resolves to nothing.
 */
export function createAssetStore(session: MediaSession): TLAssetStore {
  return {
    async upload(asset: TLAsset, file: File, abortSignal?: AbortSignal) {
      const controller = new AbortController()
      abortSignal?.addEventListener('abort', () => controller.abort(), { once: true })
      const name = ('name' in asset.props && asset.props.name) || file.name
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null
      const id = addUpload({ name, total: file.size, done: 0, preview, cancel: () => controller.abort() })
      try {
        const stored = await send(session, file, (done) => progressUpload(id, done), controller.signal)
        session.addUsed(stored.size)
        return { src: stored.url }
      } finally {
        endUpload(id)
      }
    },
    resolve(asset: TLAsset) {
      const src = ('src' in asset.props ? asset.props.src : null) as string | null
      if (!src) return null
      if (isAssetSrcOf(session.workshopId, src)) return session.ready.then(() => src)
      // Boards from before the asset store hold their pictures inline; those still show.
      if (/^data:(image|video)\//.test(src) || src.startsWith('blob:')) return src
      return null
    },
  }
}
