import { headerKey } from '../../media/mediaService'
import { sendJson } from '../respond'
import { ID, type ApiDeps, type Route } from '../route'

const ASSET_ID = '([A-Za-z0-9_-]{32})'

/** Images and films of a workshop: the media session, uploads, and the files with byte ranges. */
export function mediaRoutes({ media, archive, workshops }: ApiDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/media-session$`),
      handler: (req, res, _url, [id]) => sendJson(res, 200, media.openSession(req, res, id)),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/assets$`),
      handler: async (req, res, _url, [id]) => sendJson(res, 201, await media.upload(req, id)),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/workshops/${ID}/assets/${ASSET_ID}$`),
      handler: (req, res, _url, [id, assetId]) => media.serve(req, res, id, assetId),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/workshops/${ID}/export/workshop\\.zip$`),
      handler: async (req, res, _url, [id]) => {
        const { workshop } = workshops.authorise(id, headerKey(req), 'facilitator')
        await archive.exportZip(workshop, res)
      },
    },
  ]
}
