import { createMemo, For, Show, type JSX } from 'solid-js'
import type { BoardView } from '../../workshops/chain/board'
import type { Card } from '../../workshops/chain/cards'
import { buildExercises, EXERCISE_ROLES } from '../../workshops/chain/exercises'
import { buildFeedback, VERDICTS, type FeedbackItem } from '../../workshops/chain/feedback'
import { buildPlans } from '../../workshops/chain/plans'
import { buildStoryboard } from '../../workshops/chain/storyboard'
import { buildTrainingPlan } from '../../workshops/chain/trainingPlan'
import { fieldValueText } from '../../workshops/cards/catalog'
import { cardKinds } from '../../workshops/cards/kinds'
import { kindsUsed } from '../../workshops/method/kindsUsed'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { fieldsSummary } from '../cards/FieldInputs'
import { lang, localized, t } from '../i18n/i18n'

const text = (card: Card) => card.text.trim() || t('outline.empty')
const fieldLabel = (kind: string, field: string) => {
  const f = cardKinds().field(kind, field)
  return f ? localized(f.label) : field
}

function Part(props: { id: string; heading: string; when: boolean; children: JSX.Element }) {
  return (
    <Show when={props.when}>
      <section aria-labelledby={props.id} data-testid={props.id}>
        <h3 id={props.id}>{props.heading}</h3>
        {props.children}
      </section>
    </Show>
  )
}

/**
 * What WS4–WS8 make of their cards, as headings and lists beside the
 * board: feedback per prototype, the training plan (with its checks), the
 * script and shot list, the exercises and each organisation's plan. Each
 * part shows when the workshop's steps use its kinds or the board holds
 * such cards; everything here is editable in the list of all cards below.
 */
export function MethodViews(props: { board: BoardView; definition: WorkshopDefinition | null }) {
  const used = createMemo(() => new Set(kindsUsed(props.definition)))
  const shows = (...kinds: string[]) => kinds.some((k) => used().has(k) || props.board.ofKind(k).length > 0)
  const feedback = createMemo(() => buildFeedback(props.board))
  const plan = createMemo(() => buildTrainingPlan(props.board))
  const story = createMemo(() => buildStoryboard(props.board))
  const exercises = createMemo(() => buildExercises(props.board))
  const plans = createMemo(() => buildPlans(props.board))
  const verdictLabel = (item: FeedbackItem) => {
    const field = cardKinds().field('feedback', 'verdict')
    return item.verdict && field ? fieldValueText(field, item.verdict, lang()) : t('outline.unmarked')
  }
  const feedbackLine = (item: FeedbackItem) => `${text(item.card)}${item.role ? ` (${t('outline.from', { role: item.role })})` : ''}`

  return (
    <>
      <Part id="outline-feedback" heading={t('outline.feedback')} when={shows('feedback')}>
        <Show when={feedback().prototypes.length > 0} fallback={<p class="muted">{t('outline.noPrototypes')}</p>}>
          <For each={feedback().prototypes}>
            {(entry) => (
              <article class="outline-group" data-testid="outline-prototype">
                <h4>{text(entry.prototype)}</h4>
                <Show when={entry.changes}>
                  <p>{t('outline.changes', { text: entry.changes })}</p>
                </Show>
                <Show when={entry.items.length > 0} fallback={<p class="muted">{t('outline.noFeedback')}</p>}>
                  <For each={[...VERDICTS.map((v) => entry.byVerdict[v]), entry.unmarked].filter((items) => items.length > 0)}>
                    {(items) => (
                      <>
                        <p class="outline-sub">{verdictLabel(items[0])}</p>
                        <ul>
                          <For each={items}>{(item) => <li>{feedbackLine(item)}</li>}</For>
                        </ul>
                      </>
                    )}
                  </For>
                </Show>
              </article>
            )}
          </For>
        </Show>
      </Part>

      <Part id="outline-plan" heading={t('outline.plan')} when={shows('session', 'block')}>
        <Show when={plan().sessions.length > 0} fallback={<p class="muted">{t('outline.noSessions')}</p>}>
          <For each={plan().sessions}>
            {(session) => (
              <article class="outline-group" data-testid="outline-session" data-overrun={session.overrun || undefined}>
                <h4>
                  {text(session.session)}{' '}
                  <span class="outline-fields">
                    {session.minutes === null
                      ? t('outline.sessionNoLength', { total: session.total })
                      : t('outline.sessionTime', { total: session.total, minutes: session.minutes })}
                  </span>
                </h4>
                <Show when={session.overrun > 0}>
                  <p class="outline-warning" role="note">
                    {t('outline.sessionOverrun', { n: session.overrun })}
                  </p>
                </Show>
                <Show when={session.blocks.length > 0} fallback={<p class="muted">{t('outline.noBlocks')}</p>}>
                  <ol>
                    <For each={session.blocks}>
                      {(b) => (
                        <li>
                          {text(b.block)}
                          <Show when={fieldsSummary('block', b.block.fields)}>{(summary) => <span class="outline-fields">{summary()}</span>}</Show>
                          <Show when={b.needs.length + b.prototypes.length > 0}>
                            <span class="outline-fields">{t('outline.answers', { list: [...b.needs, ...b.prototypes].map(text).join('; ') })}</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              </article>
            )}
          </For>
        </Show>
        <Show when={plan().unplaced.length > 0}>
          <p class="outline-sub">{t('outline.unplaced')}</p>
          <ul>
            <For each={plan().unplaced}>{(b) => <li>{text(b.block)}</li>}</For>
          </ul>
        </Show>
        <p class="outline-sub">{t('outline.needsWithoutBlock')}</p>
        <Show when={plan().needsWithoutBlock.length > 0} fallback={<p class="muted">{t('outline.allNeedsAnswered')}</p>}>
          <ul class="outline-warning" data-testid="outline-needs-without-block">
            <For each={plan().needsWithoutBlock}>{(need) => <li>{text(need)}</li>}</For>
          </ul>
        </Show>
      </Part>

      <Part id="outline-storyboard" heading={t('outline.storyboard')} when={shows('scene', 'line', 'shot', 'role')}>
        <Show when={story().roles.length > 0}>
          <p class="outline-sub">{t('outline.roles')}</p>
          <ul>
            <For each={story().roles}>{(r) => <li>{r.name ? `${r.name}: ${text(r.role)}` : text(r.role)}</li>}</For>
          </ul>
        </Show>
        <Show when={story().scenes.length > 0} fallback={<p class="muted">{t('outline.noScenes')}</p>}>
          <For each={story().scenes}>
            {(scene) => (
              <article class="outline-group" data-testid="outline-scene">
                <h4>
                  {t('outline.sceneN', { n: scene.number })}
                  {scene.place ? ` – ${scene.place}` : ''}
                </h4>
                <p>{text(scene.scene)}</p>
                <Show when={scene.lines.length > 0}>
                  <ul>
                    <For each={scene.lines}>{(l) => <li>{l.speaker ? `${l.speaker}: ${text(l.line)}` : text(l.line)}</li>}</For>
                  </ul>
                </Show>
                <Show when={scene.shots.length > 0}>
                  <p class="outline-sub">{t('outline.shots')}</p>
                  <ul>
                    <For each={scene.shots}>{(s) => <li>{text(s.shot)}</li>}</For>
                  </ul>
                </Show>
              </article>
            )}
          </For>
        </Show>
      </Part>

      <Part id="outline-exercises" heading={t('outline.exercises')} when={shows('exercise')}>
        <Show when={exercises().length > 0} fallback={<p class="muted">{t('outline.noExercises')}</p>}>
          <For each={exercises()}>
            {(ex) => (
              <article class="outline-group" data-testid="outline-exercise">
                <h4>{ex.title || t('outline.empty')}</h4>
                <Show when={ex.situation}>
                  <p>
                    <strong>{fieldLabel('exercise', 'situation')}:</strong> {ex.situation}
                  </p>
                </Show>
                <For each={EXERCISE_ROLES.filter((role) => ex.told[role])}>
                  {(role) => (
                    <p>
                      <strong>{fieldLabel('exercise', role)}:</strong> {ex.told[role]}
                    </p>
                  )}
                </For>
                <Show when={ex.questions.length > 0}>
                  <p class="outline-sub">{fieldLabel('exercise', 'questions')}</p>
                  <ul>
                    <For each={ex.questions}>{(q) => <li>{q}</li>}</For>
                  </ul>
                </Show>
              </article>
            )}
          </For>
        </Show>
      </Part>

      <Part id="outline-plans" heading={t('outline.plans')} when={shows('organisation', 'activity')}>
        <Show when={plans().organisations.length > 0} fallback={<p class="muted">{t('outline.noOrganisations')}</p>}>
          <For each={plans().organisations}>
            {(org) => (
              <article class="outline-group" data-testid="outline-organisation">
                <h4>{org.name || t('outline.empty')}</h4>
                <Show when={org.followUp}>
                  <p>{t('outline.followUp', { date: org.followUp })}</p>
                </Show>
                <Show when={org.activities.length > 0} fallback={<p class="muted">{t('outline.noActivities')}</p>}>
                  <ul>
                    <For each={org.activities}>
                      {(a) => (
                        <li>
                          {a.what || t('outline.empty')}
                          <Show when={[a.who, a.when].some((x) => x)}>
                            <span class="outline-fields">{[a.who, a.when].filter((x) => x).join(', ')}</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </article>
            )}
          </For>
        </Show>
        <Show when={plans().loose.length > 0}>
          <p class="outline-sub">{t('outline.looseActivities')}</p>
          <ul>
            <For each={plans().loose}>{(a) => <li>{a.what || t('outline.empty')}</li>}</For>
          </ul>
        </Show>
      </Part>
    </>
  )
}
