import type { CardCatalog } from '../cards/catalog'
import { cardKinds } from '../cards/kinds'
import type { Storyboard } from '../chain/storyboard'
import type { Lang } from '../lang'
import type { DocBlock, DocModel } from './document'
import { kindTexts } from './kindText'
import type { Table } from './table'

type Key = 'manuscript' | 'sceneN' | 'roles' | 'noScenes' | 'noLines' | 'loose' | 'scene' | 'rolesInScene' | 'shots' | 'minutes'

export const MANUSCRIPT_LABELS: Record<Lang, Record<Key, string>> = {
  sv: {
    manuscript: 'Manus',
    sceneN: 'Scen {n}',
    roles: 'Roller',
    noScenes: 'Inga scener på tavlan ännu.',
    noLines: 'Inga repliker i scenen ännu.',
    loose: 'Repliker utan scen',
    scene: 'Scen',
    rolesInScene: 'Roller i scenen',
    shots: 'Att spela in',
    minutes: 'min',
  },
  en: {
    manuscript: 'Script',
    sceneN: 'Scene {n}',
    roles: 'Roles',
    noScenes: 'No scenes on the board yet.',
    noLines: 'No lines in the scene yet.',
    loose: 'Lines without a scene',
    scene: 'Scene',
    rolesInScene: 'Roles in the scene',
    shots: 'To record',
    minutes: 'min',
  },
}

const sceneHeading = (n: number, lang: Lang, place: string) =>
  `${MANUSCRIPT_LABELS[lang].sceneN.replace('{n}', String(n))}${place ? ` – ${place}` : ''}`

/** A line as a script writes it: "ANNA: Hur har du det?" (no speaker: the line alone). */
function scriptLine(speaker: string, text: string): string {
  return speaker ? `${speaker.toUpperCase()}: ${text.trim()}` : text.trim()
}

/** WS6 as a Word manuscript: the roles, then scene by scene what happens, who is in it and the key lines. */
export function manuscriptDocument(board: Storyboard, lang: Lang, title: string, catalog: CardCatalog = cardKinds()): DocModel {
  const l = MANUSCRIPT_LABELS[lang]
  const k = kindTexts(catalog, lang)
  const blocks: DocBlock[] = [{ type: 'heading', level: 0, text: title }, { type: 'paragraph', text: l.manuscript, italic: true }]
  if (board.roles.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: l.roles })
    blocks.push({ type: 'bullets', items: board.roles.map(({ role, name }) => (name ? `${name}: ${role.text.trim()}` : role.text.trim())) })
  }
  if (board.scenes.length === 0) blocks.push({ type: 'paragraph', text: l.noScenes })
  for (const scene of board.scenes) {
    blocks.push({ type: 'heading', level: 1, text: sceneHeading(scene.number, lang, scene.place) })
    if (scene.who) blocks.push({ type: 'field', label: k.field('scene', 'who'), value: scene.who })
    if (scene.roles.length > 0) {
      blocks.push({ type: 'field', label: l.rolesInScene, value: scene.roles.map((r) => String(r.fields.name ?? '').trim() || r.text.trim()).join(', ') })
    }
    if (scene.scene.text.trim()) blocks.push({ type: 'paragraph', text: scene.scene.text, italic: true })
    if (scene.lines.length === 0) blocks.push({ type: 'paragraph', text: l.noLines })
    for (const line of scene.lines) blocks.push({ type: 'paragraph', text: scriptLine(line.speaker, line.line.text) })
    if (scene.shots.length > 0) {
      blocks.push({ type: 'field', label: l.shots, value: scene.shots.map((s) => s.shot.text.trim()).join('; ') })
    }
  }
  if (board.looseLines.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: l.loose })
    for (const line of board.looseLines) blocks.push({ type: 'paragraph', text: scriptLine(line.speaker, line.line.text) })
  }
  return { title, description: `${l.manuscript}: ${title}`, blocks }
}

/** WS6's shot list: one row per shot, scene by scene (XLSX and CSV). */
export function shotListRows(board: Storyboard, lang: Lang, catalog: CardCatalog = cardKinds()): Table {
  const l = MANUSCRIPT_LABELS[lang]
  const k = kindTexts(catalog, lang)
  return {
    header: [
      l.scene,
      k.kind('shot'),
      k.field('shot', 'place'),
      k.field('shot', 'who'),
      k.field('shot', 'props'),
      `${k.field('shot', 'minutes')} (${l.minutes})`,
    ],
    rows: board.shots.map((shot) => [
      shot.sceneNumber !== null ? `${shot.sceneNumber}${shot.scene?.text.trim() ? `. ${shot.scene.text.trim()}` : ''}` : '',
      shot.shot.text,
      shot.place,
      shot.who,
      shot.props,
      shot.minutes !== null ? String(shot.minutes) : '',
    ]),
    widths: [30, 40, 24, 24, 24, 10],
  }
}
