import type { Exercise } from '../chain/exercises'
import type { PlanBlock, TrainingPlan } from '../chain/trainingPlan'
import { DEFAULT_QUESTIONS } from '../evaluation/questions'
import type { Localized } from '../lang'
import type { BlockKind, RolePlayExercise, TrainingBlock, TrainingDefinition, TrainingSession, TrainingStep } from './types'
import { BLOCK_KINDS } from './types'

/** A block without minutes on its card gets this long. */
export const DEFAULT_BLOCK_MINUTES = 30
const TITLE_CHARS = 120

export class EmptyPlanError extends Error {}

const same = (text: string): Localized => ({ sv: text, en: text })
const clip = (text: string) => (text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1)}…` : text)

interface StepText {
  title: Localized
  instructions: Localized
  facilitatorNote: Localized
}

function step(id: string, timebox: number, text: StepText, extra: Partial<TrainingStep> = {}): TrainingStep {
  return { id, ...text, timebox, cardKinds: ['note'], privateWriting: false, vote: false, ...extra }
}

const TOGETHER: StepText = {
  title: { sv: 'Tillsammans i helgrupp', en: 'Together as a whole group' },
  instructions: { sv: 'Gruppernas lappar ligger nu här. Vad är lika, vad skiljer sig?', en: 'The groups\' cards are here now. What is alike, what differs?' },
  facilitatorNote: { sv: 'Låt varje grupp säga en sak.', en: 'Let each group say one thing.' },
}

/** The steps each kind of block runs as, in `minutes`; ids are prefixed with the block's. */
function stepsOf(kind: BlockKind, prefix: string, minutes: number, title: string, material: string, exercise: string | undefined): TrainingStep[] {
  const first = Math.max(1, Math.ceil(minutes / 2))
  const rest = Math.max(1, minutes - first)
  const note: Localized = material ? { sv: `Material: ${material}.`, en: `Material: ${material}.` } : { sv: 'Inget material angivet i planen.', en: 'No material given in the plan.' }
  const groups = (size: number, roles: boolean) => ({ groups: { size, roles } })
  switch (kind) {
    case 'film':
      return [
        step(`${prefix}-film`, first, {
          title: { sv: 'Filmen', en: 'The film' },
          instructions: { sv: `Vi ser filmen tillsammans: ${title}.`, en: `We watch the film together: ${title}.` },
          facilitatorNote: { sv: `${note.sv} Ladda upp filmen i ramen och välj Spela för alla.`, en: `${note.en} Upload the film into the frame and choose Play for everyone.` },
        }, { cardKinds: [] }),
        step(`${prefix}-groups`, rest, {
          title: { sv: 'Samtal i små grupper', en: 'Talk in small groups' },
          instructions: { sv: 'Vad väckte filmen hos dig? Vad kan du som chef göra? Skriv en tanke per lapp i gruppens ram.', en: 'What did the film raise in you? What can you as a manager do? Write one thought per card in your group\'s frame.' },
          facilitatorNote: { sv: 'Grupper om fyra; Alla tillbaka när tiden är ute.', en: 'Groups of four; Everyone back when time is up.' },
        }, groups(4, false)),
      ]
    case 'reflection':
      return [
        step(`${prefix}-reflect`, first, {
          title: { sv: 'Enskild reflektion', en: 'On your own' },
          instructions: { sv: `Skriv för dig själv om ${title}. Ingen annan ser dina lappar.`, en: `Write for yourself about ${title}. Nobody else sees your cards.` },
          facilitatorNote: { sv: `${note.sv} Visa lapparna när alla valt vad de vill dela.`, en: `${note.en} Reveal the cards when everyone has chosen what to share.` },
        }, { privateWriting: true }),
        step(`${prefix}-share`, rest, {
          title: { sv: 'Dela det du vill', en: 'Share what you choose' },
          instructions: { sv: 'Välj de lappar du vill dela med gruppen och berätta kort varför.', en: 'Choose the cards you want to share with the group and say briefly why.' },
          facilitatorNote: { sv: 'Det är frivilligt vad man delar.', en: 'What anyone shares is voluntary.' },
        }, { frame: { step: `${prefix}-reflect` } }),
      ]
    case 'discussion':
      return [
        step(`${prefix}-groups`, first, {
          title: { sv: 'Samtal i små grupper', en: 'Talk in small groups' },
          instructions: { sv: `Samtala om: ${title}. Skriv en tanke per lapp i gruppens ram.`, en: `Talk about: ${title}. Write one thought per card in your group's frame.` },
          facilitatorNote: { sv: `${note.sv} Grupper om fyra.`, en: `${note.en} Groups of four.` },
        }, groups(4, false)),
        step(`${prefix}-together`, rest, TOGETHER),
      ]
    case 'exercise':
      return [
        step(`${prefix}-role-play`, first, {
          title: { sv: 'Rollspel i tre', en: 'Role-play in threes' },
          instructions: { sv: 'Chef, medarbetare och observatör: läs instruktionen för din roll – bara du ser den. Observatören skriver anteckningar i gruppens ram. Sedan byter ni roller.', en: 'Manager, employee and observer: read the instructions for your role – only you see them. The observer writes notes in the group\'s frame. Then you swap roles.' },
          facilitatorNote: { sv: `${note.sv} Byt roller efter varje omgång, tre omgångar.`, en: `${note.en} Swap roles after each round, three rounds.` },
        }, { ...groups(3, true), ...(exercise ? { exercise } : {}) }),
        step(`${prefix}-together`, rest, TOGETHER),
      ]
    case 'lecture':
      return [
        step(`${prefix}-talk`, minutes, {
          title: same(title),
          instructions: { sv: `Genomgång: ${title}. Skriv frågor på lappar.`, en: `Talk: ${title}. Write questions on cards.` },
          facilitatorNote: note,
        }),
      ]
  }
}

function blockOf(block: PlanBlock, n: number, exercise: string | undefined): TrainingBlock {
  const kind: BlockKind = (BLOCK_KINDS as readonly string[]).includes(block.type ?? '') ? (block.type as BlockKind) : 'discussion'
  // A role-play with no exercise to play is a discussion.
  const runAs: BlockKind = kind === 'exercise' && !exercise ? 'discussion' : kind
  const title = clip(block.block.text.trim()) || `Block ${n}`
  const minutes = Math.max(2, Math.round(block.minutes ?? DEFAULT_BLOCK_MINUTES))
  return {
    id: `block-${n}`,
    title: same(title),
    type: kind,
    minutes,
    material: block.material.slice(0, 500),
    steps: stepsOf(runAs, `b${n}`, minutes, title, block.material.slice(0, 200), exercise),
  }
}

/** WS7's exercise cards as a training's exercises (the card's texts in both languages: they were written in one). */
export function exercisesFromCards(cards: readonly Exercise[]): RolePlayExercise[] {
  return cards
    .filter((e) => e.title && e.situation && e.told.manager && e.told.employee && e.told.observer)
    .slice(0, 30)
    .map((e, i) => ({
      id: `exercise-${i + 1}`,
      title: same(clip(e.title)),
      situation: same(e.situation),
      roles: { manager: same(e.told.manager), employee: same(e.told.employee), observer: same(e.told.observer) },
      questions: e.questions.slice(0, 20).map(same),
    }))
}

/**
 * "Skapa utbildning från WS5": a WS5 board's training plan as a training.
 * Each session card with blocks becomes a session; each block runs as the
 * steps its type calls for (a film then small groups, a reflection then
 * sharing, …); role-play plays the first of `exercises` (WS7's cards, or the
 * built-in training's). The last session ends with the evaluation.
 */
export function trainingFromPlan(plan: TrainingPlan, opts: { id: string; title: string; exercises: readonly RolePlayExercise[] }): TrainingDefinition {
  const exercise = opts.exercises[0]?.id
  let n = 0
  const sessions: TrainingSession[] = plan.sessions
    .filter((s) => s.blocks.length > 0)
    .map((s, i) => ({
      id: `tillfalle-${i + 1}`,
      title: same(clip(s.session.text.trim()) || `Tillfälle ${i + 1}`),
      templates: [],
      blocks: s.blocks.map((b) => blockOf(b, ++n, exercise)),
    }))
  if (sessions.length === 0) throw new EmptyPlanError('the WS5 board has no session card with blocks in it')
  const last = sessions[sessions.length - 1]
  last.blocks.push({
    id: 'evaluation',
    title: { sv: 'Utvärdering', en: 'Evaluation' },
    type: 'lecture',
    minutes: 10,
    material: '',
    steps: [
      step('evaluation', 10, {
        title: { sv: 'Utvärdering', en: 'Evaluation' },
        instructions: { sv: 'Svara på den anonyma utvärderingen.', en: 'Answer the anonymous evaluation.' },
        facilitatorNote: { sv: 'Resultatet visas från tre svar.', en: 'Results show from three answers.' },
      }, { cardKinds: [] }),
    ],
  })
  last.evaluation = { step: 'evaluation', questions: DEFAULT_QUESTIONS.map((q) => ({ ...q, text: { ...q.text } })), followUpMonths: 6 }
  const used = sessions.some((s) => s.blocks.some((b) => b.steps.some((st) => st.exercise)))
  return {
    id: opts.id,
    title: same(clip(opts.title)),
    goal: { sv: 'Utbildningen som arbetsgruppen planerade i WS5.', en: 'The training the working group planned in WS5.' },
    sessions,
    exercises: used ? opts.exercises.slice(0, 30).map((e) => ({ ...e })) : [],
  }
}
