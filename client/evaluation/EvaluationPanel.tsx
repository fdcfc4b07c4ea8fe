import { createResource, createSignal, Show } from 'solid-js'
import type { Round } from '../../workshops/evaluation/answers'
import { followUpStatus } from '../../workshops/evaluation/state'
import type { ActivityProps } from '../activities/activity'
import { lang, t } from '../i18n/i18n'
import { CopyField } from '../start/CopyField'
import { fileNameFrom, saveBlob } from '../workshop/ExportMenu'
import { createEvaluationState } from './createEvaluationState'
import { evaluationApi } from './evaluationApi'
import { ResultsView } from './ResultsView'
import './evaluation.css'

/**
 * The facilitator's evaluation panel: open and close it, pass on its link,
 * see the count live, the results once it is closed, the CSV/XLSX, and the
 * follow-up's date and link. Participants see nothing here; their form
 * comes over the board (ParticipantEvaluation).
 */
export function EvaluationPanel(props: ActivityProps) {
  const state = createEvaluationState(props.control)
  const [error, setError] = createSignal<string | null>(null)
  const [showResults, setShowResults] = createSignal(false)
  const [date, setDate] = createSignal('')
  const changes = () =>
    props.isFacilitator && JSON.stringify([state()?.status, state()?.followUp?.date, state()?.followUp?.closedAt, state() === null])
  const [info] = createResource(changes, () => evaluationApi.describe(props.workshopId, props.workshopKey))
  const resultsKey = () => showResults() && JSON.stringify([state()?.status, state()?.responses, state()?.followUp])
  const [results] = createResource(resultsKey, () => evaluationApi.results(props.workshopId, props.workshopKey))

  const act = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(t('evaluation.failed', { error: (e as Error).message }))
    }
  }
  const control = (action: 'open' | 'close', round: Round = 'session') =>
    act(() => evaluationApi.control(props.workshopId, props.workshopKey, { action, round }))
  const download = (format: 'csv' | 'xlsx') =>
    act(async () => {
      const file = await evaluationApi.file(props.workshopId, props.workshopKey, format, lang())
      saveBlob(file.blob, fileNameFrom(file.disposition, `evaluation.${format}`))
    })
  const followUpDate = () => date() || state()?.followUp?.date || info()?.defaultFollowUpDate || ''
  const followUp = () => state()?.followUp ?? null

  return (
    <Show when={props.isFacilitator}>
      <section class="panel evaluation" aria-labelledby="evaluation-heading" data-testid="evaluation-panel">
        <h2 id="evaluation-heading">{t('evaluation.heading')}</h2>
        <Show
          when={state()}
          fallback={
            <>
              <p class="small-text">{t('evaluation.intro')}</p>
              <button type="button" onClick={() => void control('open')}>
                {t('evaluation.open')}
              </button>
            </>
          }
        >
          {(s) => (
            <>
              <p role="status" data-testid="evaluation-count">
                {t(s().status === 'open' ? 'evaluation.isOpen' : 'evaluation.isClosed', { n: s().responses })}
              </p>
              <Show when={s().status === 'open' && info()?.evaluationUrl}>
                {(url) => <CopyField label={t('evaluation.link')} url={url()} testId="evaluation-link" copyLabel={t('evaluation.copyLink')} />}
              </Show>
              <div class="tool-buttons">
                <Show
                  when={s().status === 'open'}
                  fallback={
                    <button type="button" class="secondary" onClick={() => void control('open')}>
                      {t('evaluation.reopen')}
                    </button>
                  }
                >
                  <button type="button" onClick={() => void control('close')}>
                    {t('evaluation.close')}
                  </button>
                </Show>
                <button type="button" class="secondary" aria-expanded={showResults()} onClick={() => setShowResults(!showResults())}>
                  {showResults() ? t('evaluation.hideResults') : t('evaluation.showResults')}
                </button>
              </div>
              <Show when={showResults() && results()}>
                {(r) => (
                  <>
                    <ResultsView results={r()} />
                    <div class="tool-buttons">
                      <button type="button" class="secondary" onClick={() => void download('csv')}>
                        {t('evaluation.csv')}
                      </button>
                      <button type="button" class="secondary" onClick={() => void download('xlsx')}>
                        {t('evaluation.xlsx')}
                      </button>
                    </div>
                  </>
                )}
              </Show>
              <div class="eval-follow-up">
                <h3>{t('evaluation.followUp')}</h3>
                <Show when={followUp()}>
                  {(f) => {
                    const status = () => followUpStatus(f(), props.now())
                    return (
                      <>
                        <p role="status" data-testid="follow-up-status">
                          {status() === 'scheduled'
                            ? t('evaluation.followUpScheduled', { date: f().date })
                            : status() === 'open'
                              ? t('evaluation.followUpOpen', { date: f().date, n: f().responses })
                              : t('evaluation.followUpIsClosed', { n: f().responses })}
                        </p>
                        <Show when={info()?.followUpUrl}>
                          {(url) => (
                            <CopyField label={t('evaluation.followUpLink', { date: f().date })} url={url()} testId="follow-up-link" copyLabel={t('evaluation.copyFollowUpLink')} />
                          )}
                        </Show>
                        <button type="button" class="secondary" onClick={() => void control(status() === 'closed' ? 'open' : 'close', 'follow-up')}>
                          {status() === 'closed' ? t('evaluation.followUpReopen') : t('evaluation.followUpClose')}
                        </button>
                      </>
                    )
                  }}
                </Show>
                <form
                  class="eval-follow-up-form"
                  onSubmit={(e) => {
                    e.preventDefault()
                    void act(() => evaluationApi.followUp(props.workshopId, props.workshopKey, followUpDate()))
                  }}
                >
                  <label class="field">
                    <span>{t('evaluation.followUpDate')}</span>
                    <input type="date" required value={followUpDate()} onInput={(e) => setDate(e.currentTarget.value)} />
                  </label>
                  <button type="submit" class="secondary">
                    {followUp() ? t('evaluation.followUpMove') : t('evaluation.followUpCreate')}
                  </button>
                </form>
              </div>
            </>
          )}
        </Show>
        <Show when={error()}>
          <p role="alert">{error()}</p>
        </Show>
      </section>
    </Show>
  )
}
