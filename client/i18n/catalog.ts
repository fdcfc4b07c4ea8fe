import type { Lang } from '../../workshops/lang'
import { authMessages } from '../auth/messages'
import { voteMessages } from '../facilitation/voteMessages'
import { runningMessages } from '../facilitation/runningMessages'
import { cardMessages } from '../cards/messages'
import { outlineMessages } from '../outline/messages'
import { programmeMessages } from '../programme/messages'
import { startMessages } from '../start/messages'
import { licenceMessages } from '../workshop/licenceMessages'
import { refusalMessages } from '../workshop/refusalMessages'
import { mediaMessages } from '../media/messages'
import { evaluationMessages } from '../evaluation/messages'
import { a11yMessages } from '../a11y/messages'
import { trainingMessages } from '../training/messages'
import { en } from './en'
import { sv } from './sv'

/** Every feature's texts. A feature with its own messages file adds one entry here. */
const parts = [{ sv, en }, outlineMessages, licenceMessages, refusalMessages, authMessages, startMessages, mediaMessages, voteMessages, programmeMessages, cardMessages, evaluationMessages, runningMessages, a11yMessages, trainingMessages] as const

type Part = (typeof parts)[number]
type KeysOf<P> = P extends { sv: infer S } ? keyof S & string : never

export type MessageKey = KeysOf<Part>

export const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  sv: Object.assign({}, ...parts.map((p) => p.sv)),
  en: Object.assign({}, ...parts.map((p) => p.en)),
}
