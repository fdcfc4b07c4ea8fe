import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { isAssetSrcOf } from '../../workshops/media/assetSrc'
import { makePng } from '../helpers/media'
import { eventually, type Person } from './helpers/browser'
import { RECORD_FILM } from './helpers/recordFilm'
import { browserSuite } from './helpers/suite'

const suite = browserSuite(test)

/** Inserts a file with tldraw's media tool, as a person does (the file chooser opens, the file is picked). */
async function insertWithMediaTool(p: Person, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = p.page.waitForEvent('filechooser')
  const direct = p.page.getByTestId('tools.asset')
  if (await direct.isVisible()) await direct.click()
  else {
    await p.page.getByTestId('tools.more-button').click()
    await p.page.getByTestId('tools.more.asset').click()
  }
  // A large file takes a while to hand over to the browser on a busy machine.
  await (await chooser).setFiles(file, { timeout: 60_000 })
}

type MediaShape = { type: string; src: string | null; loaded: boolean }

/** The image and video shapes on this person's board, with their asset's src and whether the picture has loaded. */
function mediaShapes(page: Page): Promise<MediaShape[]> {
  return page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'image' || s.type === 'video')
      .map((s) => {
        const asset = editor.getAsset((s.props as { assetId: string }).assetId as never) as { props: { src: string | null } } | undefined
        const img = document.querySelector<HTMLImageElement>(`[data-shape-id="${s.id}"] img`)
        return { type: s.type, src: asset?.props.src ?? null, loaded: !!img && img.complete && img.naturalWidth > 0 }
      })
  })
}

test('a participant inserts a 9 MB photo: it goes to our server, stays connected, and the other participant sees it', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Bilder' })
  const ahmed = await suite.person('Ahmed')
  const lena = await suite.person('Lena')
  await ahmed.join(w.participantUrl)
  await lena.join(w.participantUrl)

  const photo = makePng(1600, 1450, { noise: true })
  assert.ok(photo.length > 9_000_000 && photo.length < 10_000_000, `a 9 MB photo (${photo.length} bytes)`)
  await insertWithMediaTool(ahmed, { name: 'workshopvägg.png', mimeType: 'image/png', buffer: photo })

  const seen = await eventually(() => mediaShapes(lena.page), (s) => s.length === 1 && s[0].loaded, 'the photo shown on the other participant’s board', 30_000)
  assert.ok(isAssetSrcOf(w.id, seen[0].src), `the board holds a path on our server: ${seen[0].src}`)
  await eventually(() => mediaShapes(ahmed.page), (s) => s.length === 1 && s[0].loaded, 'the photo on the uploader’s board')
  assert.is(await ahmed.page.getByTestId('sync-status').getAttribute('data-status'), 'connected')

  // The board image (made for the report) has the photo in it, fetched from our server with the media cookie.
  const svg = await lena.page.evaluate(async () => {
    const editor = window.__samverkstadEditor!
    const ids = editor.getCurrentPageShapes().filter((s) => s.type === 'image').map((s) => s.id)
    return (await editor.getSvgString(ids))?.svg ?? ''
  })
  assert.match(svg, /data:image\/png;base64,/)

  // The uploader still edits, and the other participant gets the edit: nobody was thrown off.
  await ahmed.writeCard('Anteckning', 'Efter bilden', { x: 300, y: 200 })
  await eventually(() => lena.cardTexts(), (texts) => texts.includes('Efter bilden'), 'a card written after the photo')

  // However a picture record is made in this page, it never points at inline data or another host.
  const srcs = await ahmed.page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    const props = { w: 10, h: 10, name: 'x.png', isAnimated: false, mimeType: 'image/png', fileSize: 10 }
    editor.createAssets([
      { id: 'asset:inline' as never, typeName: 'asset', type: 'image', meta: {}, props: { ...props, src: 'data:image/png;base64,iVBORw0KGgo=' } },
      { id: 'asset:elsewhere' as never, typeName: 'asset', type: 'image', meta: {}, props: { ...props, src: 'https://example.org/x.png' } },
    ])
    return ['asset:inline', 'asset:elsewhere'].map((id) => (editor.getAsset(id as never) as { props: { src: string | null } } | undefined)?.props.src)
  })
  assert.equal(srcs, [null, null])

  // What the server stored for the board is a few small updates, not megabytes of base64.
  const sizes = suite.server.app.db.prepare<[string], { n: number }>('SELECT length(data) AS n FROM doc_updates WHERE doc = ?').all(w.id).map((r) => r.n)
  const largest = Math.max(...sizes)
  assert.ok(largest < 64 * 1024, `the largest stored update is ${largest} bytes`)
  const state = suite.server.app.sync.withDoc(w.id, 'board', (doc) => JSON.stringify(doc.getArray('records').toJSON()))
  assert.not.match(state, /data:image/)
  assert.ok(state.length < 500_000, `the board document is ${state.length} characters`)
  assert.equal(ahmed.errors, [])
})

test('a file over the limit is refused in the browser, with the reason, before anything is sent', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'För stor' })
  const eva = await suite.person('Eva')
  await eva.join(w.participantUrl)
  const huge = makePng(2600, 2600, { noise: true })
  assert.ok(huge.length > 25 * 1024 * 1024)
  await insertWithMediaTool(eva, { name: 'affisch.png', mimeType: 'image/png', buffer: huge })
  const alert = eva.page.getByRole('alert').filter({ hasText: 'affisch.png' })
  await alert.waitFor()
  assert.match(await alert.innerText(), /affisch\.png är 26 MB\. Bilder får vara högst 25 MB\./)
  assert.ok(await alert.isVisible())
  // An SVG, however named, is refused with its own reason.
  await insertWithMediaTool(eva, { name: 'logga.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') })
  await eva.page.getByRole('alert').filter({ hasText: 'SVG' }).waitFor()
  assert.equal(eva.requests.filter((u) => new URL(u).pathname.endsWith('/assets')), [], 'no upload was sent')
  assert.equal(await mediaShapes(eva.page), [])

  // On a slow line the upload shows its progress, and "Avbryt" stops it: nothing reaches the board or the server.
  const cdp = await eva.context.newCDPSession(eva.page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200_000 })
  await insertWithMediaTool(eva, { name: 'långsam.png', mimeType: 'image/png', buffer: makePng(800, 800, { noise: true }) })
  const progress = eva.page.getByRole('progressbar', { name: 'Laddar upp långsam.png' })
  await progress.waitFor()
  await eventually(() => progress.getAttribute('value').then(Number), (v) => v > 0, 'some of the file sent')
  await eva.page.getByRole('button', { name: 'Avbryt uppladdningen av långsam.png' }).click()
  await progress.waitFor({ state: 'detached' })
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  // A later file is the barrier: once it is on the board, the cancelled one would have been too.
  await insertWithMediaTool(eva, { name: 'liten.png', mimeType: 'image/png', buffer: makePng(40, 40) })
  await eventually(() => mediaShapes(eva.page), (shapes) => shapes.length === 1 && shapes[0].loaded, 'the later picture on the board')
  const stored = readdirSync(join(suite.server.dataDir, 'media', w.id))
  assert.is(stored.length, 1, `one file stored: ${stored.join(', ')}`)
})


type FilmSample = { position: number; paused: boolean; muted: boolean; serverNow: number; readyState: number }
const filmAt = (p: Person) => p.page.evaluate(() => window.__samverkstadFilm?.() ?? null) as Promise<FilmSample | null>

/** How far `b`'s film is from `a`'s, in seconds, both taken at the same server time. */
async function filmGap(a: Person, b: Person): Promise<{ gap: number; a: FilmSample; b: FilmSample }> {
  const [sa, sb] = await Promise.all([filmAt(a), filmAt(b)])
  if (!sa || !sb) throw new Error('no film shown')
  const aThen = sa.paused ? sa.position : sa.position + (sb.serverNow - sa.serverNow) / 1000
  return { gap: Math.abs(sb.position - aThen), a: sa, b: sb }
}

test('the facilitator shows a film to everyone: participants play it in step, pause and seek follow, a late joiner lands at the position and plays on, "Sluta visa" ends it', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2', title: 'Film' })
  const karin = await suite.person('Karin')
  const ahmed = await suite.person('Ahmed')
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)

  const film = Buffer.from((await karin.page.evaluate(`${RECORD_FILM}(9)`)) as string, 'base64')
  await insertWithMediaTool(karin, { name: 'Annas resa.webm', mimeType: 'video/webm', buffer: film })
  await eventually(() => mediaShapes(ahmed.page), (s) => s.length === 1 && isAssetSrcOf(w.id, s[0].src), 'the film on the participant’s board', 20_000)

  // The facilitator's sidebar lists the film too (the way to it by keyboard); participants have no such panel.
  const listed = karin.page.getByRole('button', { name: 'Spela för alla: Annas resa.webm' })
  await listed.waitFor()
  assert.ok(await listed.isVisible())
  assert.is(await ahmed.page.getByRole('heading', { name: 'Film för alla' }).count(), 0)

  await karin.page.evaluate(() => {
    const editor = window.__samverkstadEditor!
    const video = editor.getCurrentPageShapes().find((s) => s.type === 'video')!
    editor.select(video.id)
  })
  const play = karin.page.getByRole('button', { name: 'Spela för alla', exact: true })
  await play.click()

  await ahmed.page.getByTestId('shared-film').waitFor()
  await eventually(() => filmAt(ahmed), (s) => !!s && !s.paused && s.position > 1, 'the participant’s film playing', 15_000)
  const inStep = await filmGap(karin, ahmed)
  assert.not.ok(inStep.b.paused, 'the participant’s film plays')
  assert.ok(inStep.gap < 1, `the participant is ${inStep.gap.toFixed(2)} s from the facilitator`)

  // The facilitator pauses in the player: everyone's film stops at the same point.
  await karin.page.evaluate(() => document.querySelector<HTMLVideoElement>('[data-testid="shared-film"] video')!.pause())
  await eventually(() => filmAt(ahmed), (s) => !!s && s.paused, 'the participant’s film paused')
  const paused = await filmGap(karin, ahmed)
  assert.ok(paused.gap < 0.5, `paused ${paused.gap.toFixed(2)} s apart`)

  // The facilitator seeks (the film is only 9 s long: this leaves the rest of the test time to play on a busy machine).
  await karin.page.evaluate(() => { document.querySelector<HTMLVideoElement>('[data-testid="shared-film"] video')!.currentTime = 1.5 })
  await eventually(() => filmAt(ahmed), (s) => !!s && s.paused && Math.abs(s.position - 1.5) < 0.5, 'the participant’s film at the sought point')

  // A late joiner lands where the film is, not at its start.
  const lena = await suite.person('Lena')
  await lena.join(w.participantUrl)
  await eventually(() => filmAt(lena), (s) => !!s && s.paused && Math.abs(s.position - 1.5) < 0.5, 'the late joiner’s film at the facilitator’s point')

  // Play follows: both participants play on from there, in step with the facilitator.
  await karin.page.evaluate(() => document.querySelector<HTMLVideoElement>('[data-testid="shared-film"] video')!.play())
  await eventually(() => filmAt(lena), (s) => !!s && !s.paused && s.position > 2, 'the late joiner’s film playing past the point')
  const late = await filmGap(karin, lena)
  assert.ok(late.gap < 1, `the late joiner is ${late.gap.toFixed(2)} s from the facilitator`)
  await eventually(() => filmAt(ahmed), (s) => !!s && !s.paused && s.position > 2, 'the participant’s film playing again')

  // Sound is each person's own.
  await ahmed.page.getByRole('button', { name: 'Stäng av ljudet' }).click()
  assert.ok((await filmAt(ahmed))!.muted)
  assert.not.ok((await filmAt(karin))!.muted)

  await karin.page.getByTestId('shared-film').getByRole('button', { name: 'Sluta visa' }).click()
  await ahmed.page.getByTestId('shared-film').waitFor({ state: 'detached' })
  await lena.page.getByTestId('shared-film').waitFor({ state: 'detached' })
  // Participants have no way to start or stop it.
  assert.is(await ahmed.page.getByRole('button', { name: 'Spela för alla' }).count(), 0)
  assert.equal([...karin.errors, ...ahmed.errors, ...lena.errors], [])
})

test.run()
