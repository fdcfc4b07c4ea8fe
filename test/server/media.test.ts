import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { existsSync, readdirSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { createApp } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { createLog } from '../../server/log'
import { setBoardLock } from '../../workshops/facilitation/control'
import { boardRecordStore, readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { isAssetSrcOf, parseAssetSrc } from '../../workshops/media/assetSrc'
import JSZip from 'jszip'
import type { TLRecord } from '@tldraw/tlschema'
import { makePng, mediaCookie, mp4Like, upload } from '../helpers/media'
import { ADMIN_HEADERS, createWorkshopAt, ROOT, startTestServer, TEST_ADMIN_TOKEN, tempDataDir, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync } from '../helpers/yClient'

let server: TestServer
const MB = 1024 * 1024

test.before(async () => {
  server = await startTestServer({ MAX_IMAGE_BYTES: String(2 * MB), MAX_VIDEO_BYTES: String(60 * MB), MAX_WORKSHOP_MEDIA_BYTES: String(70 * MB) })
})
test.after(async () => {
  await server.close({ removeData: true })
})

const assetUrl = (id: string, assetId: string) => `${server.url}/api/workshops/${id}/assets/${assetId}`
const mediaFiles = (id: string) => {
  const dir = join(server.dataDir, 'media', id)
  return existsSync(dir) ? readdirSync(dir) : []
}

test('an uploaded image comes back with its type, nosniff and a long cache, to holders of the media cookie', async () => {
  const w = await server.createWorkshop()
  const png = makePng(64, 48)
  const res = await upload(server.url, w.id, w.participantKey, png)
  assert.is(res.status, 201)
  const body = (await res.json()) as { id: string; url: string }
  assert.ok(isAssetSrcOf(w.id, body.url), `a same-origin asset path: ${body.url}`)

  const cookie = await mediaCookie(server.url, w.id, w.participantKey)
  const got = await fetch(`${server.url}${body.url}`, { headers: { cookie } })
  assert.is(got.status, 200)
  assert.is(got.headers.get('content-type'), 'image/png')
  assert.is(got.headers.get('x-content-type-options'), 'nosniff')
  assert.match(got.headers.get('cache-control') ?? '', /immutable/)
  assert.ok(Buffer.from(await got.arrayBuffer()).equals(png), 'the same bytes')

  // The same file again is the same asset, stored once.
  const again = (await (await upload(server.url, w.id, w.facilitatorKey, png)).json()) as { id: string }
  assert.is(again.id, body.id)
  assert.is(mediaFiles(w.id).length, 1)
})

test('a 50 MB film is served in byte ranges: first bytes, middle, last, and 416 beyond the end', async () => {
  const w = await server.createWorkshop()
  const film = mp4Like(50 * MB)
  const res = await upload(server.url, w.id, w.facilitatorKey, film)
  assert.is(res.status, 201)
  const { id, url } = (await res.json()) as { id: string; url: string }
  const cookie = await mediaCookie(server.url, w.id, w.participantKey)
  const get = (range: string) => fetch(`${server.url}${url}`, { headers: { cookie, range } })

  const first = await get('bytes=0-99')
  assert.is(first.status, 206)
  assert.is(first.headers.get('content-type'), 'video/mp4')
  assert.is(first.headers.get('content-range'), `bytes 0-99/${film.length}`)
  assert.ok(Buffer.from(await first.arrayBuffer()).equals(film.subarray(0, 100)))

  const mid = 25 * MB
  const middle = await get(`bytes=${mid}-${mid + MB - 1}`)
  assert.is(middle.status, 206)
  assert.is(middle.headers.get('content-length'), String(MB))
  assert.ok(Buffer.from(await middle.arrayBuffer()).equals(film.subarray(mid, mid + MB)))

  const last = await get('bytes=-500')
  assert.is(last.status, 206)
  assert.is(last.headers.get('content-range'), `bytes ${film.length - 500}-${film.length - 1}/${film.length}`)
  assert.ok(Buffer.from(await last.arrayBuffer()).equals(film.subarray(film.length - 500)))

  const open = await get(`bytes=${film.length - 10}-`)
  assert.is(open.status, 206)
  assert.is((await open.arrayBuffer()).byteLength, 10)

  for (const bad of [`bytes=${film.length}-`, 'bytes=500-100', 'bytes=abc']) {
    const refused = await get(bad)
    assert.is(refused.status, 416, bad)
    assert.is(refused.headers.get('content-range'), `bytes */${film.length}`)
    await refused.arrayBuffer()
  }
  assert.is(mediaFiles(w.id).length, 1)
  assert.ok(mediaFiles(w.id)[0].startsWith(id))
})

test('no key, another workshop’s key or cookie, or a key in the URL: 403', async () => {
  const a = await server.createWorkshop()
  const b = await server.createWorkshop()
  const { url } = (await (await upload(server.url, a.id, a.participantKey, makePng(8, 8))).json()) as { url: string }
  const full = `${server.url}${url}`
  assert.is((await fetch(full)).status, 403)
  assert.is((await fetch(full, { headers: { authorization: `Bearer ${b.facilitatorKey}` } })).status, 403)
  assert.is((await fetch(full, { headers: { cookie: await mediaCookie(server.url, b.id, b.facilitatorKey) } })).status, 403)
  assert.is((await fetch(`${full}?key=${a.participantKey}`)).status, 403)
  assert.is((await upload(server.url, a.id, null, makePng(8, 8))).status, 403)
  assert.is((await upload(server.url, a.id, b.participantKey, makePng(9, 9))).status, 403)
  // A forged cookie, and one for the right workshop with the wrong role letter.
  const real = await mediaCookie(server.url, a.id, a.participantKey)
  assert.is((await fetch(full, { headers: { cookie: real.replace('sv_media=p.', 'sv_media=f.') } })).status, 403)
  assert.is((await fetch(full, { headers: { cookie: real } })).status, 200)
})

test('replacing the participant link cuts the old key’s media access, cookie and all', async () => {
  const w = await server.createWorkshop()
  const { url } = (await (await upload(server.url, w.id, w.participantKey, makePng(10, 10))).json()) as { url: string }
  const oldCookie = await mediaCookie(server.url, w.id, w.participantKey)
  const facilitatorCookie = await mediaCookie(server.url, w.id, w.facilitatorKey)
  assert.is((await fetch(`${server.url}${url}`, { headers: { cookie: oldCookie } })).status, 200)

  const res = await fetch(`${server.url}/api/workshops/${w.id}/participant-link`, { method: 'POST', headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  const newKey = new URL(((await res.json()) as { participantUrl: string }).participantUrl).hash.slice(5)
  assert.is((await fetch(`${server.url}${url}`, { headers: { cookie: oldCookie } })).status, 403)
  assert.is((await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${w.participantKey}` } })).status, 403)
  assert.is((await fetch(`${server.url}/api/workshops/${w.id}/media-session`, { method: 'POST', headers: { authorization: `Bearer ${w.participantKey}` } })).status, 403)
  assert.is((await fetch(`${server.url}${url}`, { headers: { cookie: await mediaCookie(server.url, w.id, newKey) } })).status, 200)
  assert.is((await fetch(`${server.url}${url}`, { headers: { cookie: facilitatorCookie } })).status, 200)
})

test('the media cookie is HttpOnly, SameSite=Strict, short-lived and sent only to that workshop’s media', async () => {
  const w = await server.createWorkshop()
  const res = await fetch(`${server.url}/api/workshops/${w.id}/media-session`, { method: 'POST', headers: { authorization: `Bearer ${w.participantKey}` } })
  const answer = (await res.json()) as { limits: { maxImageBytes: number }; used: number }
  const cookie = res.headers.get('set-cookie')!
  assert.match(cookie, /HttpOnly/)
  assert.match(cookie, /SameSite=Strict/)
  assert.match(cookie, new RegExp(`Path=/api/workshops/${w.id}/assets(;|$)`))
  assert.match(cookie, /Max-Age=600/)
  assert.not.match(cookie, new RegExp(w.participantKey))
  assert.is(answer.limits.maxImageBytes, 2 * MB)
  assert.is(answer.used, 0)
})

test('a dropped upload leaves no file behind', async () => {
  const w = await server.createWorkshop()
  const png = makePng(1024, 1024, { noise: true })
  await new Promise<void>((done) => {
    const req = request(`${server.url}/api/workshops/${w.id}/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.participantKey}`, 'content-length': String(png.length) },
    })
    req.on('error', () => {})
    req.on('close', () => done())
    req.write(png.subarray(0, 600_000), () => {
      // Half of it, then the connection goes.
      setTimeout(() => req.destroy(), 100)
    })
  })
  // A later upload to the same workshop is the barrier: by the time it is stored, the dropped one has been cleaned up.
  const later = await upload(server.url, w.id, w.participantKey, makePng(5, 5))
  assert.is(later.status, 201)
  const start = Date.now()
  while (mediaFiles(w.id).length !== 1 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 20))
  assert.equal(mediaFiles(w.id).length, 1, `only the later file: ${mediaFiles(w.id).join(', ')}`)
})

test('over a limit: 413 naming it, nothing stored; wrong types: 415; SVG refused with its reason', async () => {
  const w = await server.createWorkshop()
  const big = makePng(1024, 1024, { noise: true })
  const tooBig = await upload(server.url, w.id, w.participantKey, big)
  assert.is(tooBig.status, 413)
  assert.match(((await tooBig.json()) as { error: string }).error, /images may be at most 2 MB/)

  const svg = await upload(server.url, w.id, w.participantKey, Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))
  assert.is(svg.status, 415)
  assert.match(((await svg.json()) as { error: string }).error, /SVG/)
  const html = await upload(server.url, w.id, w.participantKey, Buffer.from('<html><body>hej</body></html>'.padEnd(200)))
  assert.is(html.status, 415)
  const mkv = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x82, 0x88, ...Buffer.from('matroska'), ...Buffer.alloc(80)])
  assert.is((await upload(server.url, w.id, w.participantKey, mkv)).status, 415)
  assert.is((await upload(server.url, w.id, w.participantKey, Buffer.alloc(0))).status, 400)

  // The workshop's total: 70 MB, so a 50 MB film fits once, not twice.
  assert.is((await upload(server.url, w.id, w.facilitatorKey, mp4Like(50 * MB))).status, 201)
  const second = await upload(server.url, w.id, w.facilitatorKey, mp4Like(50 * MB))
  assert.is(second.status, 413)
  assert.match(((await second.json()) as { error: string }).error, /all its media together may be at most 70 MB/)
  assert.is(mediaFiles(w.id).length, 1)
})

test('a participant cannot upload while the board is locked', async () => {
  const w = await server.createWorkshop()
  const facilitator = connectClient(server.wsUrl, `${w.id}/control`, w.facilitatorKey)
  try {
    await waitForSync(facilitator)
    setBoardLock(facilitator.doc, true)
    await waitFor(() => server.app.sync.withDoc(w.id, 'control', (d) => d.getMap('locks').get('board') === true), 'lock stored')
    const refused = await upload(server.url, w.id, w.participantKey, makePng(6, 6))
    assert.is(refused.status, 403)
    assert.match(((await refused.json()) as { error: string }).error, /locked/)
    assert.is((await upload(server.url, w.id, w.facilitatorKey, makePng(6, 6))).status, 201)
  } finally {
    facilitator.destroy()
  }
})

test('deleting the workshop deletes its media files', async () => {
  const w = await server.createWorkshop()
  await upload(server.url, w.id, w.participantKey, makePng(12, 12))
  await upload(server.url, w.id, w.participantKey, mp4Like(MB))
  assert.is(mediaFiles(w.id).length, 2)
  const res = await fetch(`${server.url}/api/workshops/${w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(res.status, 204)
  assert.not.ok(existsSync(join(server.dataDir, 'media', w.id)), 'the workshop’s media directory is gone')
})

test('a full disk: a clear error, and nothing half-written', async () => {
  const dataDir = tempDataDir()
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TEST_ADMIN_TOKEN }, ROOT)
  const app = createApp(config, createLog('silent'), {
    // The temporary file is made where it belongs; its bytes go to /dev/full, which answers ENOSPC as a full disk does.
    media: { openForWrite: async (path) => (await open(path, 'wx')).close().then(() => open('/dev/full', 'w')) },
  })
  const port = await app.listen()
  try {
    const url = `http://127.0.0.1:${port}`
    const w = await createWorkshopAt(url)
    const res = await upload(url, w.id, w.participantKey, makePng(300, 300, { noise: true }))
    assert.is(res.status, 507)
    assert.match(((await res.json()) as { error: string }).error, /disk is full/)
    assert.equal(readdirSync(join(dataDir, 'media', w.id)), [])
  } finally {
    await app.close()
  }
})


/** An image or video asset and its shape on the board, as tldraw writes them. */
function mediaRecords(n: number, type: 'image' | 'video', src: string): unknown[] {
  const asset = {
    id: `asset:m${n}`, typeName: 'asset', type, meta: {},
    props: { w: 40, h: 30, name: `fil${n}`, isAnimated: type === 'video', mimeType: type === 'image' ? 'image/png' : 'video/mp4', src, fileSize: 1 },
  }
  const base = { id: `shape:m${n}`, typeName: 'shape', type, x: n * 100, y: 0, rotation: 0, index: `a${n + 1}`, parentId: BOARD_PAGE_ID, isLocked: false, opacity: 1, meta: {} }
  const props = type === 'image'
    ? { w: 40, h: 30, assetId: asset.id, playing: true, url: '', crop: null, flipX: false, flipY: false, altText: '' }
    : { w: 40, h: 30, assetId: asset.id, time: 0, playing: false, autoplay: false, url: '', altText: '' }
  return [asset, { ...base, props }]
}

async function putOnBoard(id: string, key: string, records: unknown[]): Promise<void> {
  const client = connectClient(server.wsUrl, id, key)
  try {
    await waitForSync(client)
    const kv = boardRecordStore(client.doc)
    client.doc.transact(() => {
      for (const r of records) kv.set((r as TLRecord).id, r as TLRecord)
    })
    await waitFor(() => server.app.sync.withDoc(id, 'board', (doc) => records.every((r) => readBoardRecords(doc).some((x) => x.id === (r as TLRecord).id))), 'records stored')
  } finally {
    client.destroy()
  }
}

const srcsOf = (id: string) =>
  server.app.sync.withDoc(id, 'board', (doc) =>
    readBoardRecords(doc).filter((r) => r.typeName === 'asset').map((r) => (r as unknown as { props: { src: string | null } }).props.src),
  )

test('the .zip workshop file carries the media, and importing it restores them in a new workshop', async () => {
  const w = await server.createWorkshop()
  const png = makePng(30, 20, { rgb: [200, 40, 40] })
  const film = mp4Like(5 * MB)
  const image = (await (await upload(server.url, w.id, w.participantKey, png)).json()) as { url: string }
  const video = (await (await upload(server.url, w.id, w.facilitatorKey, film)).json()) as { url: string }
  await putOnBoard(w.id, w.facilitatorKey, [...mediaRecords(1, 'image', image.url), ...mediaRecords(2, 'video', video.url)])

  assert.is((await fetch(`${server.url}/api/workshops/${w.id}/export/workshop.zip`, { headers: { authorization: `Bearer ${w.participantKey}` } })).status, 403)
  const res = await fetch(`${server.url}/api/workshops/${w.id}/export/workshop.zip`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  assert.is(res.status, 200)
  assert.is(res.headers.get('content-type'), 'application/zip')
  assert.match(res.headers.get('content-disposition') ?? '', /workshop\.zip/)
  const zipped = Buffer.from(await res.arrayBuffer())
  const zip = await JSZip.loadAsync(zipped)
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort()
  assert.equal(names, [`media/${parseAssetSrc(image.url)!.assetId}.png`, `media/${parseAssetSrc(video.url)!.assetId}.mp4`, 'workshop.json'].sort())
  assert.ok((await zip.file(/\.mp4$/)[0].async('nodebuffer')).equals(film))

  const imported = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { ...ADMIN_HEADERS, 'content-type': 'application/zip' }, body: zipped })
  assert.is(imported.status, 201, await imported.clone().text())
  const created = (await imported.json()) as { id: string; facilitatorUrl: string }
  const key = new URL(created.facilitatorUrl).hash.slice(5)
  const srcs = srcsOf(created.id)
  assert.is(srcs.length, 2)
  for (const src of srcs) assert.ok(isAssetSrcOf(created.id, src), `points at the new workshop: ${src}`)
  const cookie = await mediaCookie(server.url, created.id, key)
  const bodies = await Promise.all(srcs.map(async (src) => Buffer.from(await (await fetch(`${server.url}${src}`, { headers: { cookie } })).arrayBuffer())))
  assert.ok(bodies.some((b) => b.equals(png)) && bodies.some((b) => b.equals(film)), 'the same picture and film')
  // The old workshop's key opens none of the new one's media.
  assert.is((await fetch(`${server.url}${srcs[0]}`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })).status, 403)
})

test('the JSON workshop file still imports: inline pictures move into the media store, paths to other media point nowhere', async () => {
  const w = await server.createWorkshop()
  const png = makePng(8, 6)
  const stored = (await (await upload(server.url, w.id, w.participantKey, png)).json()) as { url: string }
  const inline = `data:image/png;base64,${makePng(5, 5, { rgb: [1, 2, 3] }).toString('base64')}`
  await putOnBoard(w.id, w.facilitatorKey, mediaRecords(1, 'image', stored.url))
  // A board no longer holds inline pictures (the guard drops them), but a file from an older server may.
  const file = JSON.parse(await (await fetch(`${server.url}/api/workshops/${w.id}/export/workshop.json`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })).text())
  file.board.records.push(...mediaRecords(2, 'image', inline))
  const res = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { ...ADMIN_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify(file) })
  assert.is(res.status, 201)
  const created = (await res.json()) as { id: string }
  const srcs = srcsOf(created.id)
  assert.is(srcs.filter((s) => s === null).length, 1, 'the stored picture is not in a JSON file')
  assert.ok(srcs.some((s) => isAssetSrcOf(created.id, s)), 'the inline picture is now a file of the new workshop')
  assert.not.ok(srcs.some((s) => typeof s === 'string' && (s.startsWith('data:') || s.includes(w.id))))
  assert.is(mediaFiles(created.id).length, 1)
})

test('the report shows the board’s pictures and names its films', async () => {
  const w = await server.createWorkshop()
  const png = makePng(120, 80, { rgb: [10, 160, 60] })
  const image = (await (await upload(server.url, w.id, w.participantKey, png)).json()) as { url: string }
  const video = (await (await upload(server.url, w.id, w.facilitatorKey, mp4Like(MB))).json()) as { url: string }
  await putOnBoard(w.id, w.facilitatorKey, [...mediaRecords(1, 'image', image.url), ...mediaRecords(2, 'video', video.url)])
  const get = (format: string) => fetch(`${server.url}/api/workshops/${w.id}/export/${format}`, { headers: { authorization: `Bearer ${w.facilitatorKey}` } })
  const docx = await JSZip.loadAsync(Buffer.from(await (await get('report.docx')).arrayBuffer()))
  const pictures = await Promise.all(Object.keys(docx.files).filter((f) => f.startsWith('word/media/')).map((f) => docx.file(f)!.async('nodebuffer')))
  assert.ok(pictures.some((p) => p.equals(png)), 'the picture is in the Word report')
  const xml = await docx.file('word/document.xml')!.async('string')
  assert.ok(xml.includes('Bilder och filmer på tavlan') && xml.includes('Film: fil2'), 'the film is named')
  const md = await (await get('report.md')).text()
  assert.match(md, /## Bilder och filmer på tavlan\n\n- fil1\n- Film: fil2/)
})

test('a broken .zip workshop file creates nothing', async () => {
  const before = readdirSync(join(server.dataDir, 'media')).length
  const res = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: ADMIN_HEADERS, body: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]) })
  assert.is(res.status, 400)
  assert.match(((await res.json()) as { error: string }).error, /zip/)
  assert.is(readdirSync(join(server.dataDir, 'media')).length, before)
})

test.run()
