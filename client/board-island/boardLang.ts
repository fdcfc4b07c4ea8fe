import { atom } from 'tldraw'
import type { Lang } from '../../workshops/lang'

/** The UI language as a tldraw signal, so shapes re-render when it changes. Set by mountBoard. */
export const boardLang = atom<Lang>('boardLang', 'sv')
