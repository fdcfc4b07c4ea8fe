import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { clickVisible } from './visible'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/**
 * One person in their own browser context (tldraw keeps its user id in
 * localStorage: two people in one context would be one user). Records every
 * request so tests can check that nothing leaves our host.
 */
export class Person {
  readonly requests: string[] = []
  readonly errors: string[] = []

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    context.on('request', (r) => this.requests.push(r.url()))
    page.on('pageerror', (e) => this.errors.push(e.message))
  }

  static async create(browser: Browser, name: string): Promise<Person> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    return new Person(name, context, page)
  }

  /** Opens a workshop link and joins with this person's name. */
  async join(link: string): Promise<void> {
    await this.page.goto(link)
    await this.page.getByLabel('Ditt namn').fill(this.name)
    await clickVisible(this.page.getByRole('button', { name: 'Gå med' }))
    await this.waitForBoard()
    await this.goToEmptyArea()
  }

  /** Shows an empty part of the page (above the templates), where clicks place new cards. */
  async goToEmptyArea(): Promise<void> {
    await this.page.evaluate(() => {
      window.__samverkstadEditor!.setCamera({ x: 0, y: 3000, z: 1 })
    })
  }

  async waitForBoard(): Promise<void> {
    await this.page.waitForFunction(() => Boolean(window.__samverkstadEditor), undefined, { timeout: 20_000 })
  }

  /** Places a card of `kindLabel` (as shown in the palette) at a board position and types its text. */
  async writeCard(kindLabel: string, text: string, at: { x: number; y: number }): Promise<void> {
    await clickVisible(this.page.getByRole('button', { name: `Nytt kort: ${kindLabel}` }))
    const board = await this.page.getByTestId('board').boundingBox()
    await this.page.mouse.click(board!.x + at.x, board!.y + at.y)
    const input = this.page.locator('textarea.sv-card-input')
    await input.waitFor().catch(async (e) => {
      await this.page.screenshot({ path: `/tmp/writeCard-${this.name}.png` })
      throw e
    })
    await input.fill(text)
    await this.page.keyboard.press('Escape')
  }

  /** Texts of the cards on the board, as the editor holds them. */
  cardTexts(): Promise<string[]> {
    return this.page.evaluate(() =>
      (window.__samverkstadEditor?.getCurrentPageShapes() ?? [])
        .filter((s) => s.type === 'card')
        .map((s) => (s.props as { text: string }).text)
        .sort(),
    )
  }

  async close(): Promise<void> {
    await this.context.close()
  }
}

/** Polls `read` until `check` holds, like expect.poll. */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const start = Date.now()
  let last: T
  for (;;) {
    last = await read()
    if (check(last)) return last
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Screen position of the centre of the card whose text contains `text`. */
export async function cardCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((needle) => {
    const editor = window.__samverkstadEditor!
    const shape = editor.getCurrentPageShapes().find((s) => s.type === 'card' && (s.props as { text: string }).text.includes(needle))
    if (!shape) return null
    const bounds = editor.getShapePageBounds(shape.id)!
    const p = editor.pageToScreen({ x: bounds.midX, y: bounds.midY })
    return { x: p.x, y: p.y }
  }, text)
  if (!point) throw new Error(`no card with "${text}"`)
  return point
}

/** Draws an arrow from one card to another with the arrow tool, as a user does. */
export async function drawArrow(page: Page, fromText: string, toText: string): Promise<void> {
  // As a person would, first bring both cards into view (the board opens at the current step, not where they are).
  await page.evaluate(
    ([a, b]) => {
      const editor = window.__samverkstadEditor!
      const bounds = editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'card' && [a, b].some((n) => (s.props as { text: string }).text.includes(n)))
        .map((s) => editor.getShapePageBounds(s.id)!)
      if (bounds.length < 2) return
      const minX = Math.min(...bounds.map((r) => r.minX))
      const minY = Math.min(...bounds.map((r) => r.minY))
      const maxX = Math.max(...bounds.map((r) => r.maxX))
      const maxY = Math.max(...bounds.map((r) => r.maxY))
      const view = editor.getViewportPageBounds()
      if (minX >= view.minX && minY >= view.minY && maxX <= view.maxX && maxY <= view.maxY) return
      editor.zoomToBounds({ x: minX, y: minY, w: maxX - minX, h: maxY - minY }, { immediate: true, inset: 120 })
    },
    [fromText, toText],
  )
  const from = await cardCentre(page, fromText)
  const to = await cardCentre(page, toText)
  await page.evaluate(() => {
    window.__samverkstadEditor!.setCurrentTool('arrow')
  })
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
  await page.evaluate(() => {
    window.__samverkstadEditor!.setCurrentTool('select')
  })
}
