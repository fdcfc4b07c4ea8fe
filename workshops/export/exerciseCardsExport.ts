import type { CardCatalog } from '../cards/catalog'
import { cardKinds } from '../cards/kinds'
import { EXERCISE_ROLES, type Exercise } from '../chain/exercises'
import type { Lang } from '../lang'
import type { DocBlock, DocModel } from './document'
import { kindTexts } from './kindText'

const LABELS: Record<Lang, Record<'cards' | 'none' | 'exerciseN' | 'rotate', string>> = {
  sv: {
    cards: 'Samtalsövningar',
    none: 'Inga samtalsövningar på tavlan ännu.',
    exerciseN: 'Övning {n}',
    rotate: 'Ni är tre: chef, medarbetare och observatör. Byt roller efter varje samtal så att alla får prova alla tre.',
  },
  en: {
    cards: 'Conversation exercises',
    none: 'No conversation exercises on the board yet.',
    exerciseN: 'Exercise {n}',
    rotate: 'There are three of you: manager, employee and observer. Swap roles after each conversation so that everyone tries all three.',
  },
}

/**
 * WS7's printable exercise cards: one exercise per page, with the
 * situation, what each of the three roles is told, and the questions to
 * practise. Each page stands on its own, so it can be handed out.
 */
export function exerciseCardsDocument(exercises: readonly Exercise[], lang: Lang, title: string, catalog: CardCatalog = cardKinds()): DocModel {
  const l = LABELS[lang]
  const k = kindTexts(catalog, lang)
  const blocks: DocBlock[] = []
  if (exercises.length === 0) blocks.push({ type: 'heading', level: 0, text: title }, { type: 'paragraph', text: l.none })
  exercises.forEach((exercise, i) => {
    if (i > 0) blocks.push({ type: 'pageBreak' })
    const n = l.exerciseN.replace('{n}', String(i + 1))
    blocks.push({ type: 'heading', level: 1, text: exercise.title ? `${n}: ${exercise.title}` : n })
    if (exercise.situation) blocks.push({ type: 'heading', level: 2, text: k.field('exercise', 'situation') }, { type: 'paragraph', text: exercise.situation })
    for (const role of EXERCISE_ROLES) {
      if (exercise.told[role]) blocks.push({ type: 'heading', level: 2, text: k.field('exercise', role) }, { type: 'paragraph', text: exercise.told[role] })
    }
    if (exercise.questions.length > 0) blocks.push({ type: 'heading', level: 2, text: k.field('exercise', 'questions') }, { type: 'bullets', items: exercise.questions })
    blocks.push({ type: 'paragraph', text: l.rotate, italic: true })
  })
  return { title, description: `${l.cards}: ${title}`, blocks }
}
