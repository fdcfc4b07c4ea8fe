import { lang, setLang, t } from './i18n/i18n'

export function LanguageSwitch() {
  return (
    <button
      type="button"
      class="lang-switch"
      aria-label={t('lang.switchLabel')}
      onClick={() => setLang(lang() === 'sv' ? 'en' : 'sv')}
    >
      {t('lang.switch')}
    </button>
  )
}
