import type { TLRecord } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { boardRecordStore } from '../../workshops/doc/boardDoc'
import { BOARD_PAGE_ID } from '../../workshops/doc/initialRecords'
import { connectClient, waitForSync } from '../helpers/yClient'
import { eventually, Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)

const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
const OLD_EMBED = 'https://player.vimeo.com/video/76979871'

/** A person whose page reports every CSP violation and console error. */
async function watchedPerson(name: string): Promise<Person & { problems: string[] }> {
  const p = (await suite.person(name)) as Person & { problems: string[] }
  p.problems = []
  await p.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`))
  })
  p.page.on('console', (m) => {
    if (m.type() === 'error') p.problems.push(m.text())
  })
  return p
}

const foreign = (p: Person) => {
  const own = new URL(suite.server.url).host
  return p.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).host !== own)
}

const shapesOfType = (p: Person) =>
  p.page.evaluate(() =>
    window.__samverkstadEditor!
      .getCurrentPageShapes()
      .filter((s) => s.type === 'bookmark' || s.type === 'embed')
      .map((s) => ({ type: s.type, url: (s.props as { url: string }).url })),
  )

test('a pasted YouTube link becomes a link card for everyone: title and address, a new tab on click, nothing from other hosts', async () => {
  const w = await suite.server.createWorkshop({ method: 'ws2' })
  // A board from before: an embed that a script (or an older version) put there.
  const script = connectClient(suite.server.wsUrl, w.id, w.facilitatorKey)
  await waitForSync(script)
  boardRecordStore(script.doc).set('shape:old-embed', {
    id: 'shape:old-embed',
    typeName: 'shape',
    type: 'embed',
    x: 0,
    y: 3300,
    rotation: 0,
    index: 'a9',
    parentId: BOARD_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 320, h: 180, url: OLD_EMBED },
  } as unknown as TLRecord)
  await new Promise((r) => setTimeout(r, 200))
  script.destroy()

  const karin = await watchedPerson('Karin')
  const ahmed = await watchedPerson('Ahmed')
  await karin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
  await karin.join(w.facilitatorUrl)
  await ahmed.join(w.participantUrl)

  await karin.page.evaluate((url) => navigator.clipboard.writeText(url), VIDEO)
  const board = (await karin.page.getByTestId('board').boundingBox())!
  await karin.page.mouse.click(board.x + 500, board.y + 350)
  await karin.page.keyboard.press('Control+V')

  for (const p of [karin, ahmed]) {
    const shapes = await eventually(() => shapesOfType(p), (s) => s.some((x) => x.url === VIDEO), `the link card on ${p.name}'s board`)
    assert.equal(shapes.filter((s) => s.url === VIDEO), [{ type: 'bookmark', url: VIDEO }], `${p.name}: a link card, not an embed`)
    await p.page.evaluate(() => {
      window.__samverkstadEditor!.zoomToFit({ immediate: true })
    })
    const title = p.page.locator('.tl-bookmark__link', { hasText: 'youtube.com/watch?v=dQw4w9WgXcQ' })
    await expectReadable(title, `${p.name}'s link title`)
    const address = p.page.locator('.tl-bookmark__link', { hasText: /^youtube\.com$/ })
    await address.waitFor()
    for (const link of [title, address]) {
      assert.is(await link.getAttribute('href'), VIDEO)
      assert.is(await link.getAttribute('target'), '_blank')
      assert.equal((await link.getAttribute('rel'))?.split(/\s+/).sort(), ['noopener', 'noreferrer'])
    }
    // The old embed is a link card too: no frame of another host anywhere. (Brought to the middle of the view,
    // where no toolbar can cover it.)
    await p.page.evaluate(() => {
      const editor = window.__samverkstadEditor!
      const old = editor.getCurrentPageShapes().find((s) => JSON.stringify(s.props).includes('player.vimeo.com'))!
      editor.zoomToBounds(editor.getShapePageBounds(old.id)!, { immediate: true, targetZoom: 1 })
    })
    await expectReadable(p.page.locator('.sv-link-card-title', { hasText: 'player.vimeo.com/video/76979871' }), `${p.name}'s old embed`)
    assert.is(await p.page.locator('iframe').count(), 0, `${p.name}'s page has no frames`)
    await p.page.evaluate(() => {
      window.__samverkstadEditor!.zoomToFit({ immediate: true })
    })
  }

  // Nobody can make an embed from the menus.
  await clickVisible(karin.page.getByTestId('main-menu.button'))
  await karin.page.getByTestId('main-menu-sub.insert-button').or(karin.page.getByTestId('main-menu-sub.edit-button')).first().waitFor()
  assert.is(await karin.page.locator('[data-testid$="insert-embed"]').count(), 0, 'no "insert embed" in the main menu')
  await karin.page.keyboard.press('Escape')

  for (const p of [karin, ahmed]) {
    assert.equal(foreign(p), [], `${p.name} sent no request to another host`)
    assert.equal(p.problems.filter((m) => /Content Security Policy|CSP violation|Refused to/i.test(m)), [], `${p.name}'s console has no CSP error`)
  }

  // A click on the title opens the video in a new tab (answered here, so the test stays offline).
  await karin.context.route('https://www.youtube.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>video</title>' }))
  const [tab] = await Promise.all([karin.context.waitForEvent('page'), karin.page.locator('.tl-bookmark__link', { hasText: 'youtube.com/watch' }).click()])
  await tab.waitForURL(VIDEO)
  assert.ok(karin.page.url().startsWith(suite.server.url), 'the board stays open in its own tab')
})

test.run()
