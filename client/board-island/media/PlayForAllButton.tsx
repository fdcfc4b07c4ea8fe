/** @jsxImportSource react */
import { atom, useEditor, useValue, type TLVideoAsset, type TLVideoShape } from 'tldraw'
import { t } from '../../i18n/i18n'
import { boardLang } from '../boardLang'

export interface FilmChoice {
  shapeId: string
  src: string
  title: string
}

/** Set for facilitators: starts showing a film on the board to everyone. */
export const playForAllAction = atom<((film: FilmChoice) => void) | null>('playForAll', null)

/** "Spela för alla" just below the one selected video on the board, for facilitators. */
export function PlayForAllButton() {
  const editor = useEditor()
  useValue(boardLang)
  const action = useValue(playForAllAction)
  const film = useValue(
    'selected film',
    () => {
      const shape = editor.getOnlySelectedShape()
      if (!shape || shape.type !== 'video' || !editor.isInAny('select.idle', 'select.pointing_shape')) return null
      const video = shape as TLVideoShape
      const asset = video.props.assetId ? editor.getAsset<TLVideoAsset>(video.props.assetId) : undefined
      const bounds = editor.getShapePageBounds(shape.id)
      if (!asset?.props.src || !bounds) return null
      const corner = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY })
      return { shapeId: shape.id as string, src: asset.props.src, title: asset.props.name || '', x: corner.x, y: corner.y }
    },
    [editor],
  )
  if (!action || !film) return null
  return (
    <button
      type="button"
      className="sv-play-for-all"
      style={{ left: film.x, top: film.y + 8 }}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => action({ shapeId: film.shapeId, src: film.src, title: film.title })}
    >
      <span aria-hidden="true">▶</span> {t('playback.playForAll')}
    </button>
  )
}
