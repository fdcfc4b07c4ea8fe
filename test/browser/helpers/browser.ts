import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
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
    await this.page.getByRole('button', { name: 'Gå med' }).click()
    await this.waitForBoard()
  }

  async waitForBoard(): Promise<void> {
    await this.page.waitForFunction(() => Boolean(window.__samverkstadEditor), undefined, { timeout: 20_000 })
  }

  /** Places a card of `kindLabel` (as shown in the palette) at a board position and types its text. */
  async writeCard(kindLabel: string, text: string, at: { x: number; y: number }): Promise<void> {
    await this.page.getByRole('button', { name: `Nytt kort: ${kindLabel}` }).click()
    const board = await this.page.getByTestId('board').boundingBox()
    await this.page.mouse.click(board!.x + at.x, board!.y + at.y)
    const input = this.page.locator('textarea.sv-card-input')
    await input.waitFor()
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
