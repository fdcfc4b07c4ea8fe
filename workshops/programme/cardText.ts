/** A shape's text for people: a card's `text`, or the plain text of tldraw's rich text (text and geo shapes). */
export function shapeText(props: unknown): string {
  if (!props || typeof props !== 'object') return ''
  const p = props as { text?: unknown; richText?: unknown }
  if (typeof p.text === 'string') return p.text
  const lines: string[] = []
  const walk = (node: unknown, depth: number): string => {
    if (!node || typeof node !== 'object' || depth > 32) return ''
    const n = node as { text?: unknown; content?: unknown }
    if (typeof n.text === 'string') return n.text
    return Array.isArray(n.content) ? n.content.map((c) => walk(c, depth + 1)).join('') : ''
  }
  const doc = p.richText as { content?: unknown } | undefined
  if (doc && Array.isArray(doc.content)) for (const block of doc.content) lines.push(walk(block, 0))
  return lines.join('\n')
}
