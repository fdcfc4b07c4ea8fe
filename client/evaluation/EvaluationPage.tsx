import { createSignal, Show } from 'solid-js'
import type { EvaluationForm as Form } from '../../workshops/evaluation/api'
import { t } from '../i18n/i18n'
import { LanguageSwitch } from '../LanguageSwitch'
import { takeWorkshopKey } from '../workshop/workshopKey'
import { EvaluationForm } from './EvaluationForm'
import './evaluation.css'

/**
 * /e/<workshopId>#key=<key>: the evaluation link, for someone without the
 * board. Its key opens this form and nothing else; the page loads no board,
 * no Yjs and asks for no name.
 */
export function EvaluationPage(props: { workshopId: string }) {
  const key = takeWorkshopKey(props.workshopId, 'evaluation-key')
  const [form, setForm] = createSignal<Form | null>(null)
  const title = () => {
    const f = form()
    if (!f) return t('evaluation.heading')
    return t(f.round === 'follow-up' ? 'evaluation.followUpTitle' : 'evaluation.pageTitle', { title: f.title })
  }
  return (
    <main class="notice-page evaluation-page">
      <header class="page-header">
        <p class="muted">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <h1>{title()}</h1>
      <Show when={key} fallback={<p role="alert">{t('evaluation.noKey')}</p>}>
        {(k) => <EvaluationForm workshopId={props.workshopId} workshopKey={k()} onLoaded={setForm} />}
      </Show>
    </main>
  )
}
