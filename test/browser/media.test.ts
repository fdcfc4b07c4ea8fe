import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Page } from 'playwright-core'
import { isAssetSrcOf } from '../../workshops/media/assetSrc'
import { makePng } from '../helpers/media'
import { eventually, type Person } from './helpers/browser'
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
  await (await chooser).setFiles(file)
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

  // The uploader still edits, and the other participant gets the edit: nobody was thrown off.
  await ahmed.writeCard('Idé', 'Efter bilden', { x: 300, y: 200 })
  await eventually(() => lena.cardTexts(), (texts) => texts.includes('Efter bilden'), 'a card written after the photo')

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
})

test.run()
