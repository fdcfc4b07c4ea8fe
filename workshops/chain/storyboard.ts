import { inReadingOrder, type BoardView } from './board'
import type { Card } from './cards'

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)

export interface ScriptLine {
  line: Card
  /** Who says it: the line's own field, else the role it is linked to. */
  speaker: string
}

export interface Shot {
  shot: Card
  /** The scene it belongs to, null when none. */
  scene: Card | null
  /** 1-based number of that scene in the storyboard. */
  sceneNumber: number | null
  place: string
  who: string
  props: string
  minutes: number | null
}

export interface Scene {
  scene: Card
  number: number
  place: string
  who: string
  /** Roles linked to the scene. */
  roles: Card[]
  lines: ScriptLine[]
  shots: Shot[]
}

export interface Storyboard {
  /** Left to right (rows top to bottom), numbered from 1. */
  scenes: Scene[]
  roles: Array<{ role: Card; name: string }>
  /** The shot list: every shot, scene by scene, then those in no scene. */
  shots: Shot[]
  /** Lines in no scene. */
  looseLines: ScriptLine[]
}

/** WS6: the film script (scenes with their key lines) and the shot list. */
export function buildStoryboard(board: BoardView): Storyboard {
  const speakerOf = (line: Card): string => textOf(line.fields.speaker) || board.linkedOfKind(line, 'role').map((r) => textOf(r.fields.name) || r.text.trim()).join(', ')
  const scriptLine = (line: Card): ScriptLine => ({ line, speaker: speakerOf(line) })
  const shotOf = (shot: Card, scene: Card | null, sceneNumber: number | null): Shot => ({
    shot,
    scene,
    sceneNumber,
    place: textOf(shot.fields.place) || (scene ? textOf(scene.fields.place) : ''),
    who: textOf(shot.fields.who),
    props: textOf(shot.fields.props),
    minutes: numberOf(shot.fields.minutes),
  })
  const scenes = inReadingOrder(board.ofKind('scene')).map((scene, i) => ({
    scene,
    number: i + 1,
    place: textOf(scene.fields.place),
    who: textOf(scene.fields.who),
    roles: board.linkedOfKind(scene, 'role'),
    lines: board.partsOf(scene, 'line').map(scriptLine),
    shots: board.partsOf(scene, 'shot').map((shot) => shotOf(shot, scene, i + 1)),
  }))
  const loose = board.ofKind('shot').filter((s) => board.ownersOf(s).length === 0).map((s) => shotOf(s, null, null))
  return {
    scenes,
    roles: board.ofKind('role').map((role) => ({ role, name: textOf(role.fields.name) })),
    shots: [...scenes.flatMap((s) => s.shots), ...loose],
    looseLines: board.ofKind('line').filter((l) => board.ownersOf(l).length === 0).map(scriptLine),
  }
}
