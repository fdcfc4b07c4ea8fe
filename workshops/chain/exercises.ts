import type { BoardView } from './board'
import type { Card } from './cards'

/** The three roles of a conversation exercise, in the order the cards print them. */
export const EXERCISE_ROLES = ['manager', 'employee', 'observer'] as const
export type ExerciseRole = (typeof EXERCISE_ROLES)[number]

export interface Exercise {
  card: Card
  title: string
  situation: string
  /** What each role is told. */
  told: Record<ExerciseRole, string>
  /** The questions to practise, one per line as written. */
  questions: string[]
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/** WS7: the conversation exercises, in board order. */
export function buildExercises(board: BoardView): Exercise[] {
  return board.ofKind('exercise').map((card) => ({
    card,
    title: card.text.trim(),
    situation: textOf(card.fields.situation),
    told: { manager: textOf(card.fields.manager), employee: textOf(card.fields.employee), observer: textOf(card.fields.observer) },
    questions: textOf(card.fields.questions)
      .split(/\r\n|\r|\n/)
      .map((q) => q.trim())
      .filter((q) => q !== ''),
  }))
}
