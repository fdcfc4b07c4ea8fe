/**
 * Text contrast on card colours (WCAG 2.1, 1.4.3): the cards' dark text must
 * reach 4.5:1 on every kind's colour, so a declared colour is checked when
 * the method loads.
 */

/** The text colour on cards (client/styles.css --ink). */
export const TEXT_INK = '#1c1f23'
export const MIN_TEXT_CONTRAST = 4.5

function channel(value: number): number {
  const c = value / 255
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}
