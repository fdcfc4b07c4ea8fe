import { For, Show } from 'solid-js'
import type { ResultsAnswer } from '../../workshops/evaluation/api'
import { BAR_CELLS_PER_STEP, barCells, evaluationSection, toReportResults } from '../../workshops/evaluation/reportSection'
import { RATING_MAX } from '../../workshops/evaluation/questions'
import { lang, t } from '../i18n/i18n'

/**
 * The results as the facilitator sees them: per question a bar per round
 * (före, efter, uppföljning) on the 1–5 scale with its mean, the change,
 * the distribution, and the free text in random order. Built from the same
 * section model as the report, so the page and the report say the same.
 */
export function ResultsView(props: { results: ResultsAnswer }) {
  const section = () => evaluationSection(toReportResults(props.results), lang())
  const width = (value: number | null) => `${(barCells(value) / (RATING_MAX * BAR_CELLS_PER_STEP)) * 100}%`
  return (
    <div class="eval-results" data-testid="evaluation-results">
      <h3>{t('evaluation.resultsHeading')}</h3>
      <For each={section().summary}>{(line) => <p class="small-text">{line}</p>}</For>
      <p class="muted small-text">{t('evaluation.issued', { n: props.results.issued })}</p>
      <For each={section().questions}>
        {(q) => (
          <section class="eval-result-question">
            <h4>{q.text}</h4>
            <ul class="eval-chart">
              <For each={q.bars}>
                {(bar) => (
                  <li aria-label={t('evaluation.chartLabel', { label: bar.label, value: bar.text })}>
                    <span class="eval-bar-label" aria-hidden="true">{bar.label}</span>
                    <span class="eval-bar-track" aria-hidden="true">
                      <span class={`eval-bar eval-bar-${bar.kind}`} style={{ width: width(bar.value) }} />
                    </span>
                    <span class="eval-bar-value" aria-hidden="true">{bar.text}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={q.change}>
              <p class="small-text">{q.change}</p>
            </Show>
            <Show when={q.note}>
              <p class="muted small-text">{q.note}</p>
            </Show>
            <Show when={q.distribution.length > 0}>
              <table class="eval-distribution">
                <caption class="visually-hidden">{t('evaluation.distribution')}</caption>
                <thead>
                  <tr>
                    <For each={section().distributionHeader}>{(h) => <th scope="col">{h}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={q.distribution}>
                    {(row) => (
                      <tr>
                        <For each={row}>{(cell, i) => (i() === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>)}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </section>
        )}
      </For>
      <For each={section().texts}>
        {(group) => (
          <section>
            <h4>{group.question}</h4>
            <p class="muted small-text">{t('evaluation.texts')}</p>
            <ul class="eval-texts" data-testid="evaluation-texts">
              <For each={group.answers}>{(text) => <li>{text}</li>}</For>
            </ul>
          </section>
        )}
      </For>
    </div>
  )
}
