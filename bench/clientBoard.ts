/**
 * The client scenario of `npm run bench` (BENCH_ONLY=client): our server in
 * its own process, a WS2 board holding N real card records, and a headless
 * Chromium page that joins it as a participant. Measures, per board size:
 * - ready: from the click on "Gå med" until the canvas holds every card and
 *   the outline says how many there are;
 * - DOM nodes once ready;
 * - remote edit: a Node Yjs client (the facilitator's key) changes the text of
 *   one card the outline shows; time until that text is in the outline's DOM
 *   and in the canvas's (the frame after the mutation). Both clocks are this
 *   machine's.
 * Needs the built client (`npm run build`). BENCH_CLIENT_PROFILE=N (N ≥ 1) prints
 * the page's top N functions (at least 15) by own time while the edits arrive.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TLRecord } from '@tldraw/tlschema'
import { chromium, type Browser, type Page } from 'playwright-core'
import { connectClient, waitFor, waitForSync } from '../test/helpers/yClient'
import { startProcessServer } from '../test/helpers/processServer'
import { ROOT } from '../test/helpers/testServer'
import { CHROMIUM_ARGS } from '../test/browser/helpers/browser'
import { appendRecords, boardRecordStore } from '../workshops/doc/boardDoc'
import { boardCards } from './benchCards'
import { max, median, percentile, sleep } from './measure'

export interface ClientBoardResult {
  cards: number
  readyMs: number[]
  domNodes: number
  /** Until the outline shows the edit. */
  editMs: number[]
  /** Until the canvas does. */
  canvasMs: number[]
  p50: number
  p95: number
  max: number
}

const SEED_CHUNK = 200

/** Installs a watcher that resolves with the time the first frame after `token` appears in the DOM. */
// A string, so tsx's helpers (__name) do not end up in the page.
const WATCHER = `window.__benchSeen = (token, root) => new Promise((resolve) => {
  const has = (node) => !!node && (node.textContent || '').includes(token)
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (has(m.target) || [...m.addedNodes].some(has)) {
        observer.disconnect()
        requestAnimationFrame(() => resolve(Date.now()))
        return
      }
    }
  })
  observer.observe(document.querySelector(root), { subtree: true, childList: true, characterData: true })
  setTimeout(() => { observer.disconnect(); resolve(Number.POSITIVE_INFINITY) }, 10000)
})`

/** Installs a watcher that resolves with the time of the first frame after a token appears in the DOM. */
async function armWatcher(page: Page): Promise<void> {
  await page.evaluate(WATCHER)
}

async function oneRun(browser: Browser, cards: number, edits: number, run: number): Promise<{ readyMs: number; domNodes: number; editMs: number[]; canvasMs: number[] }> {
  const server = await startProcessServer({ env: { UNLOAD_AFTER_MS: '60000' } })
  try {
    const w = await server.createWorkshop({ method: 'ws2', title: `Bänk ${cards}` })
    const script = connectClient(server.wsUrl, w.id, w.facilitatorKey)
    await waitForSync(script, 20_000)
    const records = boardCards(cards)
    for (let i = 0; i < records.length; i += SEED_CHUNK) appendRecords(script.doc, records.slice(i, i + SEED_CHUNK) as unknown as TLRecord[])
    const kv = boardRecordStore(script.doc)
    // The server's copy has them all when a second client sees them.
    const check = connectClient(server.wsUrl, w.id, w.facilitatorKey)
    await waitForSync(check, 20_000)
    await waitFor(() => boardRecordStore(check.doc).map.size >= cards, 'seeded board', 30_000)
    check.destroy()

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE', bypassCSP: true })
    // The measuring scripts are strings (no build helpers in the page), which our CSP rightly forbids.
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    await page.goto(w.participantUrl)
    await page.getByLabel('Ditt namn').fill('Bänk')
    const joinButton = page.getByRole('button', { name: 'Gå med' })
    await joinButton.waitFor()
    const started = Date.now()
    await joinButton.click()
    await page.waitForFunction(
      `(() => {
        const editor = window.__samverkstadEditor
        if (!editor) return false
        const onCanvas = editor.getCurrentPageShapes().filter((s) => s.type === 'card').length
        const m = /\\((\\d+)\\)/.exec(document.querySelector('#outline-all')?.textContent ?? '')
        return onCanvas >= ${cards} && !!m && Number(m[1]) >= ${cards}
      })()`,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    const readyMs = Date.now() - started
    await sleep(1500)
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length)
    await armWatcher(page)
    // The canvas looks at the first rows of the board's cards (page y 4,000), at half size.
    await page.evaluate(`void window.__samverkstadEditor.setCamera({ x: 0, y: -3950, z: 0.5 })`)
    // Scroll the outline down to the board's cards (the templates' cards come first), as a person would.
    await page.evaluate(`(async () => {
      const outline = document.querySelector('[data-testid="outline"]')
      let scroller = outline.parentElement
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement
      for (let i = 0; i < 400 && !outline.querySelector('[data-card-id^="shape:board-"]'); i++) {
        scroller.scrollTop += scroller.clientHeight / 2
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      }
    })()`)

    const editMs: number[] = []
    const canvasMs: number[] = []
    // BENCH_CLIENT_PROFILE=1: a CPU profile of the page while the edits arrive, the top functions by own time printed.
    const cdp = process.env.BENCH_CLIENT_PROFILE ? await context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.start')
    }
    for (let i = 0; i < edits; i++) {
      // A card the outline shows and the canvas has in view: an edit a person (or their screen reader) would see in both.
      const shown = (await page.evaluate(
        `(() => { const culled = window.__samverkstadEditor.getCulledShapes(); return [...document.querySelectorAll('[data-testid="outline"] [data-card-id^="shape:board-"]')].map((el) => el.getAttribute('data-card-id')).filter((id) => !culled.has(id)) })()`,
      )) as string[]
      if (shown.length === 0) {
        await page.screenshot({ path: join(ROOT, '.tmp', `client-bench-${cards}.png`) })
        const seen = await page.evaluate(`[...document.querySelectorAll('[data-testid="outline"] li[data-card-id]')].map((el) => el.getAttribute('data-card-id')).join(' ')`)
        throw new Error(`client bench: the outline and the canvas show none of the same board cards (it shows: ${String(seen).slice(0, 400)}); screenshot in .tmp`)
      }
      const id = shown[(i * 7) % shown.length]
      const token = `ändrad-${run}-${i}-${Math.random().toString(36).slice(2, 8)}`
      const inOutline = page.evaluate(`window.__benchSeen(${JSON.stringify(token)}, '[data-testid="outline"]')`) as Promise<number>
      const onCanvas = page.evaluate(`window.__benchSeen(${JSON.stringify(token)}, '.tl-canvas')`) as Promise<number>
      await sleep(30)
      const record = kv.get(id)!
      const sent = Date.now()
      kv.set(id, { ...record, props: { ...(record as { props: object }).props, text: `Kort ${id}: ${token}` } } as TLRecord)
      const [o, c] = await Promise.all([inOutline, onCanvas])
      editMs.push(o - sent)
      canvasMs.push(c - sent)
      await sleep(150)
    }
    if (cdp) printProfile(cards, (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile)
    await context.close()
    script.destroy()
    return { readyMs, domNodes, editMs, canvasMs }
  } finally {
    await server.stop({ removeData: true })
  }
}

/** Runs the scenario at each size; `runs` pages per size, `edits` edits per page. */
export async function clientBoardBench(opts: { sizes: number[]; runs: number; edits: number }): Promise<ClientBoardResult[]> {
  if (!existsSync(join(ROOT, 'dist/client/index.html'))) throw new Error('client bench: no built client in dist/client; run `npm run build` first')
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const results: ClientBoardResult[] = []
  try {
    for (const cards of opts.sizes) {
      const readyMs: number[] = []
      const editMs: number[] = []
      const canvasMs: number[] = []
      let domNodes = 0
      for (let r = 0; r < opts.runs; r++) {
        const res = await oneRun(browser, cards, opts.edits, r)
        readyMs.push(res.readyMs)
        editMs.push(...res.editMs)
        canvasMs.push(...res.canvasMs)
        domNodes = res.domNodes
        console.log(
          `client ${cards} cards, run ${r + 1}: ready ${res.readyMs} ms, ${res.domNodes} DOM nodes, remote edit in the outline p50 ${median(res.editMs).toFixed(0)} p95 ${percentile(res.editMs, 95).toFixed(0)} max ${max(res.editMs).toFixed(0)} ms, on the canvas p50 ${median(res.canvasMs).toFixed(0)} max ${max(res.canvasMs).toFixed(0)} ms`,
        )
      }
      results.push({ cards, readyMs, domNodes, editMs, canvasMs, p50: median(editMs), p95: percentile(editMs, 95), max: max(editMs) })
    }
  } finally {
    await browser.close()
  }
  return results
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }>
  samples: number[]
  timeDeltas: number[]
}

/** The page's functions by own time while the edits arrived (BENCH_CLIENT_PROFILE). */
function printProfile(cards: number, profile: CpuProfile): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const own = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    own.set(name, (own.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  const top = [...own].filter(([n]) => !n.startsWith('(idle)') && !n.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, Math.max(15, Number(process.env.BENCH_CLIENT_PROFILE) || 0))
  console.log(`client ${cards} cards, profile (own ms):`)
  for (const [name, ms] of top) console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`)
}
