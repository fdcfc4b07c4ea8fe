import fs from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { contrastRatio, MIN_TEXT_CONTRAST, TEXT_INK } from '../../workshops/cards/contrast'
import { builtinCardKinds } from '../../workshops/cards/kinds'

/** WCAG 2.1, 1.4.11: focus indicators and the borders that show where a field is. */
const MIN_UI_CONTRAST = 3

const css = fs.readFileSync(new URL('../../client/styles.css', import.meta.url), 'utf8')
const rootBlock = /:root\s*{([^}]*)}/.exec(css)![1]
const cssVar = (name: string): string => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(rootBlock)
  if (!m) throw new Error(`client/styles.css :root has no --${name}`)
  return m[1]
}
/** The declarations of the first rule whose selector list is exactly `selector`. */
const rule = (selector: string): string => {
  const at = css.indexOf(`${selector} {`)
  if (at < 0) throw new Error(`client/styles.css has no rule for ${selector}`)
  return css.slice(at, css.indexOf('}', at))
}

const kinds = builtinCardKinds().map((k) => ({ id: k.id, color: k.color }))
/** Where page controls and their focus rings sit: the panels, the page, a highlighted menu item. */
const PAGE_BACKGROUNDS = ['#ffffff', cssVar('bg'), '#e7f1fb']

test('every text on a card reaches 4.5:1 on every card kind\'s colour: the text, its kind, author, "Privat", dot counts and vote results', () => {
  const texts = { text: TEXT_INK, 'kind and author': cssVar('on-card-muted'), Privat: cssVar('on-card-private'), 'dots and results': cssVar('on-card-alert') }
  assert.ok(kinds.length >= 18, 'every built-in kind is checked')
  const low: string[] = []
  for (const kind of kinds) {
    for (const [what, colour] of Object.entries(texts)) {
      const ratio = contrastRatio(colour, kind.color)
      if (ratio < MIN_TEXT_CONTRAST) low.push(`${what} (${colour}) on ${kind.id} (${kind.color}): ${ratio.toFixed(2)}:1`)
    }
  }
  assert.equal(low, [])
})

test('the card rules use those colours, with no opacity that would fade them', () => {
  assert.match(rule('.sv-dot-count'), 'var(--on-card-alert)')
  assert.match(rule('.sv-card-result'), 'var(--on-card-alert)')
  assert.match(rule('.sv-card-private'), 'var(--on-card-private)')
  for (const sel of ['.sv-card-kind', '.sv-card-author']) {
    assert.match(rule(sel), 'var(--on-card-muted)')
    assert.not.match(rule(sel), 'opacity')
  }
})

test('the focus ring reaches 3:1 on the page, the panels and every card colour', () => {
  const focus = cssVar('focus')
  for (const bg of [...PAGE_BACKGROUNDS, ...kinds.map((k) => k.color)]) {
    const ratio = contrastRatio(focus, bg)
    assert.ok(ratio >= MIN_UI_CONTRAST, `focus ${focus} on ${bg}: ${ratio.toFixed(2)}:1`)
  }
  assert.match(rule('button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible, [tabindex]:focus-visible'), 'var(--focus)')
  assert.not.match(css, /f59f00/i, 'the old 2.1:1 orange is gone')
})

test('field borders reach 3:1 on the page and on every card colour', () => {
  const border = cssVar('field-border')
  for (const bg of [...PAGE_BACKGROUNDS, ...kinds.map((k) => k.color)]) {
    const ratio = contrastRatio(border, bg)
    assert.ok(ratio >= MIN_UI_CONTRAST, `border ${border} on ${bg}: ${ratio.toFixed(2)}:1`)
  }
  for (const sel of ['.field input, .link-row input', '.outline textarea, .outline select', '.field select']) assert.match(rule(sel), 'var(--field-border)')
})

test.run()
