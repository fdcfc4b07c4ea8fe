/**
 * Fixture boards of a programme: each workshop's board as a new workshop
 * gets it (templates and step frames), with cards written into its frames.
 */
import fs from 'node:fs'
import type { TLRecord } from '@tldraw/tlschema'
import type { CardKind } from '../../../workshops/cards/kinds'
import { BOARD_PAGE_ID, emptyBoardRecords } from '../../../workshops/doc/initialRecords'
import { parsePersona, parseWorkshopDefinition } from '../../../workshops/method/parseDefinition'
import type { WorkshopDefinition } from '../../../workshops/method/types'
import { frameOfStep, placeTemplates } from '../../../workshops/templates/placeTemplates'
import { arrow as pageArrow, card } from './boardRecords'

const dir = new URL('../../../workshops/definitions/', import.meta.url)
const anna = parsePersona('anna.json', fs.readFileSync(new URL('../personas/anna.json', dir), 'utf8'))

export function definition(id: string): WorkshopDefinition {
  return parseWorkshopDefinition(`${id}.json`, fs.readFileSync(new URL(`${id}.json`, dir), 'utf8'))
}

/** A new board of the method `id`, with `extra` records on it. */
export function boardOf(id: string, extra: readonly object[] = []): TLRecord[] {
  return [...emptyBoardRecords(id), ...placeTemplates(definition(id), { persona: anna, lang: 'sv' }), ...(extra as TLRecord[])]
}

const METHOD = ['ws1', 'ws2', 'ws3', 'ws4', 'ws5', 'ws6', 'ws7', 'ws8'].map(definition)

/** The frame where a step's work happens (its own, or the work area its definition names); step ids are unique across the method. */
export function frameOf(step: string): string {
  const def = METHOD.find((d) => d.steps.some((s) => s.id === step))
  return frameOfStep(def, step)
}

/** A card in the frame where a step's work happens; `kind` may be one this server does not know (the test says so). */
export function cardIn(step: string, id: string, kind: string, text: string, at: { x?: number; y?: number; meta?: object; props?: object } = {}) {
  const c = card(id, kind as CardKind, text, { parent: frameOf(step), x: at.x ?? 20, y: at.y ?? 20 })
  return { ...c, props: { ...c.props, ...at.props }, meta: { ...at.meta } }
}

/** An arrow from one card to another on a workshop's board (its page is BOARD_PAGE_ID). */
export function arrow(id: string, from: string, to: string) {
  return pageArrow(id, from, to).map((r) => ('parentId' in r ? { ...r, parentId: BOARD_PAGE_ID } : r))
}

/** WS1 as a working group leaves it: two themes, quotes by arrow and by where they sit, needs, one quote alone. */
export function ws1Board(): TLRecord[] {
  return boardOf('ws1', [
    cardIn('cluster-themes', 't-lead', 'theme', 'Ledarskap', { x: 20, y: 20 }),
    cardIn('cluster-themes', 't-res', 'theme', 'Resurser', { x: 800, y: 20 }),
    // By where they sit: nearest to their theme in the same frame.
    cardIn('cluster-themes', 'q-1', 'quote', 'Jag vet inte hur jag ska börja samtalet.', { x: 20, y: 200 }),
    cardIn('cluster-themes', 'q-2', 'quote', 'Jag känner frustration när det saknas vikarier.', { x: 800, y: 200 }),
    // By arrow, though it sits nearer the other theme.
    cardIn('cluster-themes', 'q-3', 'quote', 'Chefen frågade aldrig hur jag mådde.', { x: 760, y: 400 }),
    ...arrow('a-q3', 'q-3', 't-lead'),
    cardIn('identify-needs', 'n-1', 'need', 'Stöd i svåra samtal', { x: 20, y: 200 }),
    cardIn('identify-needs', 'n-2', 'need', 'Fler vikarier', { x: 400, y: 200 }),
    ...arrow('a-n1', 'n-1', 't-lead'),
    ...arrow('a-n2', 'n-2', 't-res'),
    card('q-alone', 'quote', 'Ett citat utanför ramarna', { parent: 'page:board', x: -4000, y: 0 }),
  ])
}
