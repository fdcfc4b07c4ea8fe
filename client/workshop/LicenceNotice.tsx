import { Show } from 'solid-js'
import type { LicenceProblem } from '../board-island/licenceWatch'
import { t } from '../i18n/i18n'

/**
 * In place of a board tldraw will not run here: what happened, in plain
 * words, and the way on (the outline). It does not cover the canvas while
 * tldraw still shows it: it sits above it, and fills the area once tldraw
 * has taken the board away.
 */
export function LicenceNotice(props: { problem: LicenceProblem; isFacilitator: boolean }) {
  const toOutline = () => {
    const heading = document.getElementById('outline-heading')
    heading?.setAttribute('tabindex', '-1')
    heading?.focus()
  }
  return (
    <div role="alert" class="licence-notice" data-testid="licence-notice">
      <h2>{t(props.problem === 'expired' ? 'licence.headingExpired' : 'licence.heading')}</h2>
      <p>{t('licence.body')}</p>
      <Show when={props.isFacilitator}>
        <p>{t('licence.forFacilitator')}</p>
      </Show>
      <button type="button" onClick={toOutline}>
        {t('licence.toOutline')}
      </button>
    </div>
  )
}
