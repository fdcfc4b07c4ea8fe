/** @jsxImportSource react */
import { useValue } from 'tldraw'
import { formatBytes } from '../../../workshops/media/mediaLimits'
import { t } from '../../i18n/i18n'
import { boardLang } from '../boardLang'
import { dismissNotice, uploadNotices, uploads } from './uploads'

/** Uploads under way (name, progress bar, cancel) and refusals, at the bottom of the board. */
export function UploadTray() {
  useValue(boardLang)
  const list = useValue(uploads)
  const notices = useValue(uploadNotices)
  if (list.length === 0 && notices.length === 0) return null
  return (
    <div className="sv-upload-tray" onPointerDown={(e) => e.stopPropagation()}>
      {notices.map((n) => (
        <div key={n.id} className="sv-upload-notice" role="alert">
          <span>{n.message}</span>
          <button type="button" onClick={() => dismissNotice(n.id)}>
            {t('media.dismiss')}
          </button>
        </div>
      ))}
      {list.length > 0 && (
        <ul aria-label={t('media.uploads')} data-testid="uploads">
          {list.map((u) => (
            <li key={u.id} className="sv-upload">
              {u.preview && <img src={u.preview} alt="" />}
              <span className="sv-upload-name">{t('media.uploading', { name: u.name })}</span>
              <progress max={u.total} value={u.done} aria-label={t('media.uploading', { name: u.name })} />
              <span className="sv-upload-bytes">{t('media.progress', { done: formatBytes(u.done), total: formatBytes(u.total) })}</span>
              <button type="button" aria-label={t('media.cancelUpload', { name: u.name })} onClick={u.cancel}>
                {t('media.cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
