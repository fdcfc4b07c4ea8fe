import { createRoot, createSignal } from 'solid-js'
import { DEFAULT_LANG, isLang, type Lang, type Localized } from '../../workshops/lang'
import { dictionaries, type MessageKey } from './catalog'
import { fillMessage } from './fillMessage'

const LANG_STORAGE_KEY = 'samverkstad.lang'

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY)
    return isLang(v) ? v : DEFAULT_LANG
  } catch {
    return DEFAULT_LANG
  }
}

// One language signal for the whole app (Solid and the React island read it).
const [lang, setLangSignal] = createRoot(() => createSignal<Lang>(storedLang()))

export { lang }

export function setLang(next: Lang): void {
  setLangSignal(next)
  document.documentElement.lang = next
  try {
    localStorage.setItem(LANG_STORAGE_KEY, next)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** The text for `key` in the current language, with `{name}` placeholders and `{n|one|other}` plurals filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fillMessage(dictionaries[lang()][key], params)
}

/** Picks the current language from a text that comes with the method data. */
export function localized(text: Localized): string {
  return text[lang()]
}

export type { MessageKey }
