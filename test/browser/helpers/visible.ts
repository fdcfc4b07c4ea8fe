import type { Locator } from 'playwright-core'

/** WCAG 2.1 AA for normal text (1.4.3). */
export const MIN_CONTRAST = 4.5

export interface Legibility {
  /** The element's text (trimmed, first 60 characters), for messages. */
  text: string
  /** Text colour and the background it is seen on, as composited rgb. */
  color: string
  background: string
  contrast: number
  inViewport: boolean
  /** What a pointer at the element's centre would hit, when that is not the element or inside it. */
  coveredBy: string | null
}

/*
 * Runs in the page. Kept as plain JavaScript text: the test runner's compiler
 * wraps named inner functions in a helper (__name) the page does not have.
 */
const LEGIBILITY_SCRIPT = `(el) => {
  const parse = (css) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(css)
    if (!m) return [0, 0, 0, 0]
    const parts = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number)
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1]
  }
  // top painted over under (both with alpha), as the browser composites them.
  const over = (top, under) => {
    const a = top[3] + under[3] * (1 - top[3])
    if (a === 0) return [0, 0, 0, 0]
    const mix = (i) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a
    return [mix(0), mix(1), mix(2), a]
  }
  const lin = (c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  const luminance = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
  const describe = (node) => {
    const id = node.id ? '#' + node.id : ''
    const cls = typeof node.className === 'string' && node.className.trim() ? '.' + node.className.trim().split(/\\s+/).join('.') : ''
    return '<' + node.tagName.toLowerCase() + id + cls + '> "' + (node.textContent || '').trim().slice(0, 40) + '"'
  }

  // The text's own element: the parent of the first non-blank text node (a label may be in a span).
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  let textEl = el
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((n.textContent || '').trim() && n.parentElement) {
      textEl = n.parentElement
      break
    }
  }

  const layers = []
  let opacity = 1
  for (let node = textEl; node; node = node.parentElement) {
    const style = getComputedStyle(node)
    opacity *= Number(style.opacity)
    const bg = parse(style.backgroundColor)
    if (bg[3] > 0) layers.push(bg)
    if (bg[3] >= 1) break
  }
  // The canvas under everything is white.
  let background = [255, 255, 255, 1]
  for (const layer of layers.reverse()) background = over(layer, background)
  let text = over(parse(getComputedStyle(textEl).color), background)
  // A faded element fades its text towards what lies behind it.
  if (opacity < 1) text = over([text[0], text[1], text[2], opacity], background)
  const lums = [luminance(text), luminance(background)].sort((a, b) => b - a)
  const contrast = (lums[0] + 0.05) / (lums[1] + 0.05)

  const rect = el.getBoundingClientRect()
  const cx = rect.left + rect.width / 2
  const cy = rect.top + rect.height / 2
  const inViewport = rect.width > 0 && rect.height > 0 && cx >= 0 && cy >= 0 && cx <= innerWidth && cy <= innerHeight
  const hit = inViewport ? document.elementFromPoint(cx, cy) : null
  const coveredBy = hit && (hit === el || el.contains(hit)) ? null : hit ? describe(hit) : 'nothing (outside the viewport)'
  const rgb = (c) => 'rgb(' + c.slice(0, 3).map(Math.round).join(', ') + ')'
  return {
    text: (el.textContent || '').trim().slice(0, 60),
    color: rgb(text),
    background: rgb(background),
    contrast: Math.round(contrast * 100) / 100,
    inViewport,
    coveredBy,
  }
}`

/**
 * How a person sees an element: the contrast of its text against the
 * background it really sits on (the first opaque background up the tree,
 * with any translucent ones on the way composited over it, and the element's
 * own and its ancestors' opacity applied), whether it is inside the viewport,
 * and whether something else lies on top of its centre.
 */
export async function legibility(locator: Locator): Promise<Legibility> {
  const measure = await locator.page().evaluateHandle(LEGIBILITY_SCRIPT)
  const element = await locator.elementHandle()
  try {
    return (await measure.evaluate((fn, el) => (fn as unknown as (e: unknown) => Legibility)(el), element)) as Legibility
  } finally {
    await element?.dispose()
    await measure.dispose()
  }
}

/** How long a view may still be settling (a camera glide, a panel sliding in) before what is covered counts as covered. */
const SETTLE_MS = 3000

/**
 * Throws unless a person can see and read the element: in view, not covered,
 * text contrast at least 4.5:1. Position and covering are measured again
 * until the view settles (tldraw lays a transparent blocker over the canvas
 * while its camera moves); what stays covered fails.
 */
export async function expectReadable(locator: Locator, what?: string): Promise<Legibility> {
  await locator.waitFor({ state: 'visible' })
  await locator.scrollIntoViewIfNeeded()
  const deadline = Date.now() + SETTLE_MS
  let seen = await legibility(locator)
  while ((!seen.inViewport || seen.coveredBy) && Date.now() < deadline) {
    await locator.page().waitForTimeout(100)
    seen = await legibility(locator)
  }
  const name = what ?? (seen.text || String(locator))
  if (!seen.inViewport) throw new Error(`"${name}" is not inside the viewport`)
  if (seen.coveredBy) throw new Error(`"${name}" is covered by ${seen.coveredBy}`)
  if (seen.contrast < MIN_CONTRAST) {
    throw new Error(`"${name}" is hard to read: ${seen.color} on ${seen.background} has contrast ${seen.contrast}:1 (needs ${MIN_CONTRAST}:1)`)
  }
  return seen
}

/** Clicks an element the way a person can: only once it is visible, readable and not covered. */
export async function clickVisible(locator: Locator, what?: string): Promise<void> {
  await expectReadable(locator, what)
  await locator.click()
}
