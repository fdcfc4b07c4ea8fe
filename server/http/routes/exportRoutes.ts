import { isLang, type Lang } from '../../../workshops/lang'
import { BOARD_IMAGE_MAX_BYTES, FRAME_ID_PATTERN, FRAME_IMAGES_MAX, FRAME_IMAGES_MAX_BYTES, pngSize } from '../../export/boardImages'
import { EXPORT_FORMATS, isExportFormat } from '../../export/exportWorkshop'
import { workshopLinks } from '../../workshops/workshopService'
import { actorOf } from '../../auth/organiserAuth'
import { HttpError, readBody, requestKey, sendDownload, sendJson } from '../respond'
import { ID, type ApiDeps, type Route } from '../route'

/** Largest workshop file POST /api/workshops/import reads: a big board with every template is a few MB. */
export const IMPORT_BODY_MAX_BYTES = 20 * 1024 * 1024

function langOf(url: URL): Lang {
  const value = url.searchParams.get('lang')
  if (value === null || value === '') return 'sv'
  if (!isLang(value)) throw new HttpError(400, 'lang must be "sv" or "en"')
  return value
}

/**
 * Exports for the facilitator (pairs, report, workshop file), the board image
 * clients upload for the report, and importing a workshop file as a new workshop.
 */
export function exportRoutes({ workshops, exporter, archive, boardImages, baseUrl, auth, access, audit }: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/api/workshops/${ID}/export/([^/]+)$`),
      handler: async (req, res, url, [id, format]) => {
        // The facilitator key, or an organiser of the workshop ("Mina workshoppar").
        const { workshop, actor } = auth.facilitatorOf(req, url, id)
        if (!isExportFormat(format)) {
          throw new HttpError(404, `no export "${format}"; there are ${Object.keys(EXPORT_FORMATS).join(', ')}`)
        }
        const file = await exporter.export(workshop, format, langOf(url))
        audit.record(id, 'exported', actor, format)
        sendDownload(res, file)
      },
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/api/workshops/${ID}/board-image$`),
      handler: async (req, res, url, [id]) => {
        workshops.authorise(id, requestKey(req, url), 'facilitator')
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
        if (type !== 'image/png') throw new HttpError(415, 'the board image must be sent as image/png')
        // ?frame=shape:…: a picture of one frame of the board (the report shows one per frame that holds cards).
        const frame = url.searchParams.get('frame')
        if (frame !== null && !FRAME_ID_PATTERN.test(frame)) throw new HttpError(400, 'frame must be a frame id like "shape:step-write-insights"')
        if (frame !== null && !exporter.isFrame(id, frame)) throw new HttpError(404, `no frame "${frame}" on this board`)
        const png = await readBody(req, BOARD_IMAGE_MAX_BYTES)
        if (!pngSize(png)) throw new HttpError(400, 'the body is not a PNG image')
        if (frame === null) boardImages.put(id, png)
        else if (!boardImages.putFrame(id, frame, png)) {
          throw new HttpError(413, `a workshop keeps at most ${FRAME_IMAGES_MAX} frame images of ${FRAME_IMAGES_MAX_BYTES / 1024 / 1024} MB together`)
        }
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/workshops\/import$/,
      public: true,
      handler: async (req, res) => {
        const organiser = auth.requireOrganiser(req)
        // The JSON workshop file, or the .zip one that carries its media too.
        const created = await archive.import(req)
        if (organiser.kind === 'session') access.addOrganiser(created.id, organiser.email, null)
        audit.record(created.id, 'imported', actorOf(organiser))
        sendJson(res, 201, { id: created.id, ...workshopLinks(baseUrl(req), created) })
      },
    },
  ]
}
