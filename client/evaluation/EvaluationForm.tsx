import { createResource, createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js'
import type { Round } from '../../workshops/evaluation/answers'
import type { EvaluationForm as Form } from '../../workshops/evaluation/api'
import { MAX_TEXT_CHARS, RATINGS, type EvaluationQuestion } from '../../workshops/evaluation/questions'
import { ApiError } from '../api/http'
import { localized, t, type MessageKey } from '../i18n/i18n'
import { evaluationApi, FormUnavailableError } from './evaluationApi'
import { lastToken, savedToken, saveToken } from './responseToken'

type Part = 'before' | 'after' | 'now'
type Ratings = Record<string, Partial<Record<Part, number>>>

const PART_LABEL: Record<Part, MessageKey> = { before: 'evaluation.beforeWorkshop', after: 'evaluation.afterWorkshop', now: 'evaluation.nowFollowUp' }

/** What the form shows instead of questions, by the reason the server gave. */
function unavailableText(error: unknown): string {
  if (error instanceof FormUnavailableError) {
    const d = error.detail
    if (d.status === 'scheduled') return t('evaluation.opensOn', { date: d.opensOn ?? '' })
    return t(d.status === 'closed' ? 'evaluation.closedNow' : 'evaluation.notOpen')
  }
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return t('evaluation.denied')
  return t('evaluation.failed', { error: (error as Error)?.message ?? String(error) })
}

/**
 * The evaluation's form: per rating question 1–5 before and after (or now,
 * at the follow-up), and the free-text lines. The server issues the token;
 * it is kept for this tab, so a reload shows and replaces this person's own
 * answers. Nothing here knows who answers.
 */
export function EvaluationForm(props: { workshopId: string; workshopKey: string; round?: Round; onLoaded?: (form: Form) => void }) {
  const uid = createUniqueId()
  const [ratings, setRatings] = createSignal<Ratings>({})
  const [texts, setTexts] = createSignal<Record<string, string>>({})
  /** Answers from this token are on the server (the button then updates them). */
  const [sent, setSent] = createSignal(false)
  /** What the form shows is what the server holds. */
  const [saved, setSaved] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [closedSince, setClosedSince] = createSignal<unknown>(null)

  const [form] = createResource(async () => {
    const round = props.round ?? null
    const known = round ? savedToken(props.workshopId, round) : lastToken(props.workshopId)
    const answer = await evaluationApi.form(props.workshopId, props.workshopKey, round, known)
    saveToken(props.workshopId, answer.round, answer.token)
    if (answer.answers) {
      const r: Ratings = {}
      const x: Record<string, string> = {}
      for (const [id, a] of Object.entries(answer.answers)) {
        if (typeof a === 'string') x[id] = a
        else r[id] = { ...a }
      }
      setRatings(r)
      setTexts(x)
      setSent(true)
      setSaved(true)
    }
    props.onLoaded?.(answer)
    return answer
  })

  const parts = (f: Form): Part[] => (f.round === 'session' ? ['before', 'after'] : ['now'])
  const choose = (id: string, part: Part, value: number) => {
    setError(null)
    setSaved(false)
    setRatings((r) => ({ ...r, [id]: { ...r[id], [part]: value } }))
  }

  function collect(f: Form): Record<string, unknown> | string {
    const answers: Record<string, unknown> = {}
    for (const q of f.questions) {
      if (q.kind === 'text') {
        const text = (texts()[q.id] ?? '').trim()
        if (text) answers[q.id] = text
        continue
      }
      const given = ratings()[q.id] ?? {}
      const filled = parts(f).filter((p) => given[p] !== undefined)
      if (filled.length === 0) continue
      if (filled.length < parts(f).length) return t('evaluation.half', { question: localized(q.text) })
      answers[q.id] = Object.fromEntries(parts(f).map((p) => [p, given[p]]))
    }
    return Object.keys(answers).length > 0 ? answers : t('evaluation.empty')
  }

  async function submit(f: Form) {
    const answers = collect(f)
    if (typeof answers === 'string') return setError(answers)
    setBusy(true)
    setError(null)
    try {
      await evaluationApi.respond(props.workshopId, f.token, answers)
      setSent(true)
      setSaved(true)
    } catch (e) {
      if (e instanceof FormUnavailableError) setClosedSince(e)
      else setError(t('evaluation.failed', { error: (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  const ratingQuestion = (f: Form, q: EvaluationQuestion) => {
    const scaleId = `${uid}-${q.id}-scale`
    return (
      <fieldset class="eval-question" aria-describedby={scaleId}>
        <legend>{localized(q.text)}</legend>
        <p class="muted small-text" id={scaleId}>
          {t('evaluation.scale')}
        </p>
        <For each={parts(f)}>
          {(part) => (
            <fieldset class="eval-scale">
              <legend>{t(PART_LABEL[part])}</legend>
              <div class="eval-options">
                <For each={[...RATINGS]}>
                  {(r) => (
                    <label class="eval-option">
                      <input
                        type="radio"
                        name={`${uid}-${q.id}-${part}`}
                        value={r}
                        checked={ratings()[q.id]?.[part] === r}
                        onChange={() => choose(q.id, part, r)}
                      />
                      <span>{r}</span>
                    </label>
                  )}
                </For>
              </div>
            </fieldset>
          )}
        </For>
      </fieldset>
    )
  }

  return (
    <Switch>
      <Match when={closedSince()}>
        <p role="status">{unavailableText(closedSince())}</p>
      </Match>
      <Match when={form.error}>
        <p role="status">{unavailableText(form.error)}</p>
      </Match>
      <Match when={form()}>
        {(f) => (
          <form
            class="eval-form"
            data-testid="evaluation-form"
            onSubmit={(e) => {
              e.preventDefault()
              void submit(f())
            }}
          >
            <Show when={f().round === 'follow-up'}>
              <p>{t('evaluation.followUpIntro')}</p>
            </Show>
            <p class="muted small-text">{t('evaluation.anonymous')}</p>
            <For each={f().questions}>
              {(q) =>
                q.kind === 'rating' ? (
                  ratingQuestion(f(), q)
                ) : (
                  <label class="field eval-text">
                    <span>{localized(q.text)}</span>
                    <input
                      type="text"
                      maxlength={MAX_TEXT_CHARS}
                      value={texts()[q.id] ?? ''}
                      onInput={(e) => {
                        const value = e.currentTarget.value
                        setSaved(false)
                        setTexts((x) => ({ ...x, [q.id]: value }))
                      }}
                    />
                  </label>
                )
              }
            </For>
            <Show when={error()}>
              <p role="alert">{error()}</p>
            </Show>
            <button type="submit" disabled={busy()}>
              {busy() ? t('evaluation.sending') : sent() ? t('evaluation.update') : t('evaluation.submit')}
            </button>
            <p role="status" class="ok">
              {saved() && !busy() ? t('evaluation.thanks') : ''}
            </p>
          </form>
        )}
      </Match>
      <Match when={form.loading}>
        <p class="muted">{t('evaluation.loading')}</p>
      </Match>
    </Switch>
  )
}
