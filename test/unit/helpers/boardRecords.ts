/**
 * Small builders for realistic board records (they pass validateBoardRecord).
 * Short ids are prefixed: card('q1', …) has id 'shape:q1'.
 */
import type { CardKind } from '../../../workshops/cards/kinds'
import { arrowProps } from '../../../workshops/doc/boardOps'

export const PAGE_ID = 'page:page'

export function shapeId(id: string): string {
  return id.startsWith('shape:') ? id : `shape:${id}`
}

export function page(id = PAGE_ID, name = 'Page 1') {
  return { id, typeName: 'page', name, index: 'a1', meta: {} }
}

interface Placement {
  x?: number
  y?: number
  rotation?: number
  /** A frame's short or full id, or a page id; defaults to the page. */
  parent?: string
}

function parentOf(parent: string | undefined): string {
  if (!parent) return PAGE_ID
  return parent.startsWith('page:') ? parent : shapeId(parent)
}

function base(id: string, type: string, at: Placement) {
  return {
    id: shapeId(id),
    typeName: 'shape',
    type,
    x: at.x ?? 0,
    y: at.y ?? 0,
    rotation: at.rotation ?? 0,
    index: 'a1',
    parentId: parentOf(at.parent),
    isLocked: false,
    opacity: 1,
    meta: {},
  }
}

export function card(
  id: string,
  kind: CardKind,
  text: string,
  opts: Placement & { author?: string; w?: number; h?: number; fields?: Record<string, string | number> } = {},
) {
  return {
    ...base(id, 'card', opts),
    props: { kind, text, author: opts.author ?? '', w: opts.w ?? 200, h: opts.h ?? 140, fields: { ...opts.fields } },
  }
}

export function frame(id: string, name: string, opts: Placement & { w?: number; h?: number } = {}) {
  return {
    ...base(id, 'frame', opts),
    props: { w: opts.w ?? 800, h: opts.h ?? 600, name, color: 'black' },
  }
}

export function group(id: string, opts: Placement = {}) {
  return { ...base(id, 'group', opts), props: {} }
}

function binding(id: string, arrowId: string, toId: string, terminal: 'start' | 'end') {
  return {
    id: `binding:${id}`,
    typeName: 'binding',
    type: 'arrow',
    fromId: arrowId,
    toId: shapeId(toId),
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    meta: {},
  }
}

/** An arrow from one card to another: the arrow shape and its start and end bindings. */
export function arrow(id: string, from: string, to: string) {
  const arrowShape = {
    ...base(id, 'arrow', {}),
    props: arrowProps({ x: 100, y: 0 }),
  }
  return [
    arrowShape,
    binding(`${id}-start`, arrowShape.id, from, 'start'),
    binding(`${id}-end`, arrowShape.id, to, 'end'),
  ] as const
}
