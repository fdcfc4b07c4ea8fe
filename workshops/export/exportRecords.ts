import type { TLRecord } from '@tldraw/tlschema'
import { CARD_SHAPE_TYPE } from '../cards/cardShape'
import { withoutPlaceholder } from '../cards/starters'

/**
 * The board as the pair and report exports read it: card texts without what
 * is left of a sentence frame's placeholder ("Vi har funnit att …chefer" →
 * "Vi har funnit att chefer"; an untouched "Hur skulle vi kunna … ?" is an
 * empty card). Boards written before typing replaced the placeholder still
 * hold such texts. The workshop file (a backup) keeps the board as it is.
 */
export function recordsForExport<R>(records: readonly R[]): R[] {
  return records.map((record) => {
    const r = record as unknown as TLRecord
    if (r.typeName !== 'shape' || r.type !== CARD_SHAPE_TYPE) return record
    const props = r.props as { text?: unknown }
    if (typeof props.text !== 'string') return record
    const text = withoutPlaceholder(props.text)
    return text === props.text ? record : ({ ...r, props: { ...props, text } } as unknown as R)
  })
}
