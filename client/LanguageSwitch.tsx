import { lang, setLang, t } from './i18n/i18n'

export function LanguageSwitch() {
  return (
    <button
      type="button"
      class="lang-switch"
      lang={lang() === 'sv' ? 'en' : 'sv'}
      title={t('lang.switchLabel')}
      onClick={() => setLang(lang() === 'sv' ? 'en' : 'sv')}
    >
      {t('lang.switch')}
    </button>
  )
}
