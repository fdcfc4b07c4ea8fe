/**
 * Fills a message's placeholders: `{name}` becomes the parameter, and
 * `{n|one|other}` the first form when n is 1 and the second otherwise — the
 * two forms Swedish and English have ("1 prick", "2 prickar"; "1 dot",
 * "0 dots"). A missing parameter stays visible as `{name}`.
 */
export function fillMessage(text: string, params?: Record<string, string | number>): string {
  if (!params) return text
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (Number(params[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}
