import { createMemo, createSignal, For, Show } from 'solid-js'
import type { GroupsState } from '../../workshops/groups/groups'
import { GROUP_SIZE_MAX, GROUP_SIZE_MIN } from '../../workshops/method/definitionSchema'
import type { ActivityProps } from '../activities/activity'
import { localized, t } from '../i18n/i18n'
import { createMyPlace, groupsOf } from './createGroups'
import { groupsApi, type GroupsRequest } from './groupsApi'
import { OrganisationField } from './OrganisationField'

const groupNumber = (id: string) => id.replace(/^g/, '')

/** Small groups in the sidebar: the facilitator's controls and overview, or a participant's own group and role. */
export function GroupsPanel(props: ActivityProps) {
  const groups = groupsOf(props)
  const step = createMemo(() => {
    const id = props.control.state().agenda.stepId
    return props.definition.steps.find((s) => s.id === id) ?? null
  })
  // Shown where groups belong: a step that declares them, or while groups exist.
  const relevant = () => !!step()?.groups || (groups() !== null && groups()!.endedAt === null)
  return (
    <Show when={relevant() || (props.isFacilitator && groups())}>
      <section class="panel groups-panel" aria-labelledby="groups-heading" data-testid="groups-panel">
        <h2 id="groups-heading">{t('groups.heading')}</h2>
        <Show when={props.isFacilitator} fallback={<MyGroup {...props} groups={groups()} />}>
          <FacilitatorGroups {...props} groups={groups()} step={step()} />
        </Show>
      </section>
    </Show>
  )
}

function nameOf(props: ActivityProps, userId: string): string {
  const p = props.participants().find((x) => x.id === userId)
  return p?.name || t('groups.nameless')
}

function FacilitatorGroups(props: ActivityProps & { groups: GroupsState | null; step: ActivityProps['definition']['steps'][number] | null }) {
  const [size, setSize] = createSignal<number | null>(null)
  const [roles, setRoles] = createSignal<boolean | null>(null)
  const [byField, setByField] = createSignal(false)
  const [message, setMessage] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const chosenSize = () => size() ?? props.step?.groups?.size ?? 4
  const chosenRoles = () => roles() ?? props.step?.groups?.roles ?? false
  const present = () => props.participants().filter((p) => p.role === 'participant')
  const working = () => (props.groups && props.groups.endedAt === null ? props.groups : null)
  const inNoGroup = () => {
    const g = working()
    return g ? present().filter((p) => !g.groups.some((x) => x.members.includes(p.id))) : []
  }

  async function send(body: GroupsRequest) {
    setBusy(true)
    setError(null)
    try {
      await groupsApi.send(props.workshopId, props.workshopKey, body)
      return true
    } catch (e) {
      setError(t('groups.failed', { error: (e as Error).message }))
      return false
    } finally {
      setBusy(false)
    }
  }
  const cardsIn = (frameId: string) => props.records().filter((r) => r.typeName === 'shape' && (r as { type?: string }).type === 'card' && (r as { parentId?: string }).parentId === frameId).length
  const isDone = (userId: string) => {
    const stepId = props.control.state().agenda.stepId
    return !!stepId && props.participants().some((p) => p.id === userId && p.ready === stepId)
  }

  const MoveSelect = (p: { userId: string; current: string | null }) => (
    <label class="group-move">
      <span class="visually-hidden">{t('groups.moveTo', { name: nameOf(props, p.userId) })}</span>
      <select
        aria-label={t('groups.moveTo', { name: nameOf(props, p.userId) })}
        value={p.current ?? ''}
        disabled={busy()}
        onChange={(e) => {
          const to = e.currentTarget.value
          if (to && to !== p.current) void send({ action: 'move', userId: p.userId, to })
        }}
      >
        <Show when={!p.current}>
          <option value="">{t('groups.noGroup')}</option>
        </Show>
        <For each={working()?.groups ?? []}>{(g) => <option value={g.id}>{t('groups.group', { n: groupNumber(g.id) })}</option>}</For>
      </select>
    </label>
  )

  return (
    <>
      <form
        class="groups-split"
        onSubmit={(e) => {
          e.preventDefault()
          void send({ size: chosenSize(), roles: chosenRoles(), ...(byField() ? { by: 'organisation' } : {}), ...(props.step ? { step: props.step.id } : {}) })
        }}
      >
        <p class="hint">{t('groups.present', { n: present().length })}</p>
        <label class="field">
          <span>{t('groups.size')}</span>
          <input
            type="number"
            min={GROUP_SIZE_MIN}
            max={GROUP_SIZE_MAX}
            value={chosenSize()}
            disabled={chosenRoles()}
            onInput={(e) => setSize(Math.min(GROUP_SIZE_MAX, Math.max(GROUP_SIZE_MIN, Number(e.currentTarget.value) || GROUP_SIZE_MIN)))}
          />
        </label>
        <fieldset class="groups-how">
          <legend class="visually-hidden">{t('groups.split')}</legend>
          <label class="checkbox">
            <input type="radio" name="groups-how" checked={!byField()} onChange={() => setByField(false)} />
            <span>{t('groups.random')}</span>
          </label>
          <label class="checkbox">
            <input type="radio" name="groups-how" checked={byField()} onChange={() => setByField(true)} />
            <span>{t('groups.byField')}</span>
          </label>
        </fieldset>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={chosenRoles()}
            onChange={(e) => {
              setRoles(e.currentTarget.checked)
              if (e.currentTarget.checked) setSize(3)
            }}
          />
          <span>{t('groups.roles')}</span>
        </label>
        <button type="submit" disabled={busy() || present().length === 0}>
          {busy() ? t('groups.splitting') : t('groups.split')}
        </button>
      </form>
      <Show when={working()}>
        {(g) => (
          <>
            <Show when={g().roles}>
              <p role="status">{t('groups.round', { n: (g().round % 3) + 1 })}</p>
            </Show>
            <ul class="groups-list" data-testid="groups-list">
              <For each={g().groups}>
                {(group) => (
                  <li class="group-item">
                    <div class="group-head">
                      <strong>{t('groups.group', { n: groupNumber(group.id) })}</strong>
                      <span class="muted">{t('groups.cards', { n: cardsIn(group.frameId) })}</span>
                      <button type="button" class="secondary" onClick={() => props.show?.({ frameId: group.frameId })}>
                        {t('groups.visit', { n: groupNumber(group.id) })}
                      </button>
                    </div>
                    <ul class="group-members">
                      <For each={group.members}>
                        {(m) => (
                          <li>
                            <span>{nameOf(props, m)}</span>
                            <Show when={isDone(m)}>
                              <span class="muted"> · {t('groups.done')}</span>
                            </Show>
                            <MoveSelect userId={m} current={group.id} />
                          </li>
                        )}
                      </For>
                    </ul>
                  </li>
                )}
              </For>
            </ul>
            <Show when={inNoGroup().length > 0}>
              <h3>{t('groups.noGroup')}</h3>
              <ul class="group-members">
                <For each={inNoGroup()}>
                  {(p) => (
                    <li>
                      <span>{p.name || t('groups.nameless')}</span>
                      <MoveSelect userId={p.id} current={null} />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <form
              class="groups-message"
              onSubmit={async (e) => {
                e.preventDefault()
                if (message().trim() && (await send({ action: 'message', text: message().trim() }))) setMessage('')
              }}
            >
              <label class="field">
                <span>{t('groups.message')}</span>
                <input maxlength={280} value={message()} onInput={(e) => setMessage(e.currentTarget.value)} />
              </label>
              <button type="submit" class="secondary" disabled={busy() || !message().trim()}>
                {t('groups.send')}
              </button>
            </form>
            <div class="groups-actions">
              <Show when={g().roles}>
                <button type="button" class="secondary" disabled={busy()} onClick={() => void send({ action: 'rotate' })}>
                  {t('groups.rotate')}
                </button>
              </Show>
              <button
                type="button"
                disabled={busy()}
                onClick={async () => {
                  if (await send({ action: 'end' })) {
                    const plenary = g().plenaryFrameId
                    if (plenary) props.show?.({ frameId: plenary })
                  }
                }}
              >
                {t('groups.end')}
              </button>
            </div>
          </>
        )}
      </Show>
      <Show when={props.groups?.endedAt}>
        <p role="status">{t('groups.ended')}</p>
      </Show>
      <Show when={error()}>
        <p role="alert" class="error">
          {error()}
        </p>
      </Show>
    </>
  )
}

function MyGroup(props: ActivityProps & { groups: GroupsState | null }) {
  const place = createMyPlace(props, () => props.groups)
  const group = () => {
    const g = props.groups
    return g && g.endedAt === null ? (g.groups.find((x) => x.members.includes(props.userId ?? '')) ?? null) : null
  }
  return (
    <>
      <OrganisationField {...props} />
      <Show when={props.groups?.endedAt}>
        <p role="status">{t('groups.ended')}</p>
      </Show>
      <Show when={group()}>
        {(g) => (
          <div data-testid="my-group">
            <p>
              <strong>{t('groups.mine', { n: groupNumber(g().id) })}</strong>
            </p>
            <h3>{t('groups.with')}</h3>
            <ul class="group-members">
              <For each={g().members}>{(m) => <li>{m === props.userId ? t('groups.you', { name: nameOf(props, m) }) : nameOf(props, m)}</li>}</For>
            </ul>
            <button type="button" class="secondary" onClick={() => props.show?.({ frameId: g().frameId })}>
              {t('groups.show')}
            </button>
            <Show when={props.groups?.message}>{(m) => <p role="status" class="group-message">{t('groups.fromFacilitator', { text: m().text })}</p>}</Show>
            <Show when={place()?.role}>
              {(role) => (
                <div class="role-card" data-testid="my-role">
                  <h3>{t('groups.yourRole', { role: t(`groups.role.${role()}`) })}</h3>
                  <p class="hint">{t('groups.roleOnlyYou')}</p>
                  <Show when={place()?.exercise} fallback={<p>{t(`groups.genericRole.${role()}`)}</p>}>
                    {(ex) => (
                      <>
                        <h4>{localized(ex().title)}</h4>
                        <p>
                          <strong>{t('groups.situation')}:</strong> {localized(ex().situation)}
                        </p>
                        <p data-testid="role-instructions">{localized(ex().instructions)}</p>
                        <Show when={ex().questions.length > 0}>
                          <h4>{t('groups.questions')}</h4>
                          <ul>
                            <For each={ex().questions}>{(q) => <li>{localized(q)}</li>}</For>
                          </ul>
                        </Show>
                      </>
                    )}
                  </Show>
                </div>
              )}
            </Show>
          </div>
        )}
      </Show>
    </>
  )
}
