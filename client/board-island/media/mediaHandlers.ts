import { AssetRecordType, createShapesForAssets, type Editor, type TLAsset, type VecLike } from 'tldraw'
import { isAssetSrcOf } from '../../../workshops/media/assetSrc'
import { t } from '../../i18n/i18n'
import { checkFile } from '../../media/checkFile'
import type { MediaSession } from '../../media/mediaSession'
import { UploadError } from './assetStore'
import { notify } from './uploads'

class Refused extends Error {}

/**
 * How files reach the board (dropped, pasted, inserted with the media tool,
 * an image replaced, tldraw content with pictures pasted from another
 * board): each is checked here first (type by its first bytes, size against
 * the workshop's limits) and refused with a message saying why, before
 * anything is sent. An accepted file is uploaded, and its shape is created
 * only once the upload is done, so the shared board never holds a
 * half-uploaded picture, and a cancelled one leaves nothing.
 */
export function registerMediaHandlers(editor: Editor, session: MediaSession): () => void {
  const assetFor = async (file: File, assetId?: TLAsset['id']): Promise<TLAsset> => {
    if (editor.getIsReadonly()) throw refuse(t('media.locked', { name: file.name }))
    await session.ready
    const check = await checkFile(file, session.limits(), session.used())
    if (!check.ok) throw refuse(check.message)
    // The browser's guess of the type does not count; the first bytes do.
    const typed = file.type === check.type.mime ? file : new File([file], file.name, { type: check.type.mime, lastModified: file.lastModified })
    const util = editor.getAssetUtilForMimeType(check.type.mime)
    const asset = await util?.getAssetFromFile(typed, assetId ?? AssetRecordType.createId())
    if (!asset) throw refuse(t('media.wrongType', { name: file.name }))
    try {
      const { src, meta } = await editor.uploadAsset(asset, typed)
      return AssetRecordType.create({ ...asset, props: { ...asset.props, src }, meta: { ...asset.meta, ...meta } } as TLAsset)
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error
      throw refuse(t('media.failed', { name: file.name, error: (error as UploadError).message ?? String(error) }))
    }
  }

  const place = async (file: File, position: VecLike) => {
    try {
      const asset = await assetFor(file)
      await createShapesForAssets(editor, [asset], position)
    } catch (error) {
      if ((error as Error).name !== 'AbortError') console.warn('Samverkstad: a file was not added', error)
    }
  }

  // Whatever path a picture takes (pasted from another app, an old clipboard), this page never writes one
  // into the shared document that points anywhere but this workshop's media: it is an upload still to come, or nothing.
  const ownSrc = (asset: TLAsset): TLAsset => {
    if (asset.type !== 'image' && asset.type !== 'video') return asset
    const src = asset.props.src
    return !src || isAssetSrcOf(session.workshopId, src) ? asset : ({ ...asset, props: { ...asset.props, src: null } } as TLAsset)
  }
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('asset', (asset, source) => (source === 'user' ? ownSrc(asset) : asset))
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('asset', (_prev, next, source) => (source === 'user' ? ownSrc(next) : next))

  editor.registerExternalAssetHandler('file', ({ file, assetId }) => assetFor(file, assetId))
  editor.registerExternalContentHandler('files', async ({ point, files }) => {
    const position = point ?? (editor.inputs.getShiftKey() ? editor.inputs.getCurrentPagePoint() : editor.getViewportPageBounds().center)
    // One after another beside each other, so several files do not pile up on one spot.
    let x = 0
    await Promise.all(
      files.map((file, i) => {
        const at = { x: position.x + x, y: position.y }
        x += i === 0 ? 0 : 40
        return place(file, at)
      }),
    )
  })
  return () => {
    stopCreate()
    stopChange()
    editor.registerExternalAssetHandler('file', null)
    editor.registerExternalContentHandler('files', null)
  }
}

function refuse(message: string): Refused {
  notify(message)
  return new Refused(message)
}
