import type { TLRecord } from '@tldraw/tlschema'
import { BOARD_PAGE_ID, emptyBoardRecords } from '../../workshops/doc/initialRecords'
import { buildWorkshopFile } from '../../workshops/export/workshopFile'
import { card } from '../unit/helpers/boardRecords'

/**
 * A workshop file with an empty board plus `cards` idea cards in a grid,
 * each with about `textChars` characters of text: what a very full board
 * exports, as compact JSON. With the board's two base records it has
 * cards + 2 records.
 */
export function bigWorkshopFile(cards: number, textChars = 60): string {
  const filler = 'Idé om stöd till chefer i samtal med medarbetare som inte mår bra. '.repeat(Math.ceil(textChars / 66) + 1)
  const records: unknown[] = [...emptyBoardRecords('Stor tavla')]
  for (let i = 0; i < cards; i++) {
    records.push({
      ...card(`c${i}`, 'idea', `${i}: ${filler.slice(0, textChars)}`),
      parentId: BOARD_PAGE_ID,
      x: (i % 100) * 220,
      y: Math.floor(i / 100) * 160,
    })
  }
  return JSON.stringify(
    buildWorkshopFile({ method: 'ws2', title: 'Stor tavla', settings: {}, records: records as TLRecord[], votes: {}, agendaAsRun: [], exportedAt: new Date() }),
  )
}
