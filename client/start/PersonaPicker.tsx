import { createResource, createSignal, For, Show } from 'solid-js'
import { api, type Persona } from '../api/http'
import { StatusMessage } from '../StatusMessage'
import { t, type MessageKey } from '../i18n/i18n'
import { organiserApi } from './organiserApi'

const TEXT_FIELDS = ['family', 'home', 'work', 'interests', 'diagnosis', 'situation'] as const

/** Chooses the persona a new workshop's board shows, and adds new ones with Anna's fields. */
export function PersonaPicker(props: { value: string; onChange: (id: string) => void }) {
  const [personas, { refetch }] = createResource(api.personas)
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null)

  async function add(e: SubmitEvent) {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const data = new FormData(form)
    const fields = Object.fromEntries(TEXT_FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()]))
    try {
      const saved: Persona = await api.addPersona({
        name: String(data.get('name') ?? '').trim(),
        age: Number(data.get('age')),
        ...(fields as Record<(typeof TEXT_FIELDS)[number], string>),
      })
      await refetch()
      props.onChange(saved.id)
      form.reset()
      setMessage({ ok: true, text: t('persona.saved', { name: saved.name }) })
    } catch (error) {
      setMessage({ ok: false, text: t('persona.failed', { error: (error as Error).message }) })
    }
  }

  const chosen = () => personas()?.find((p) => p.id === props.value)

  async function remove() {
    const persona = chosen()
    if (!persona?.custom) return
    try {
      await organiserApi.deletePersona(persona.id)
      await refetch()
      props.onChange('anna')
      setMessage({ ok: true, text: t('persona.deleted', { name: persona.name }) })
    } catch (error) {
      setMessage({ ok: false, text: t('persona.failed', { error: (error as Error).message }) })
    }
  }

  return (
    <div class="persona-picker">
      <label class="field">
        <span>{t('persona.label')}</span>
        <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <For each={personas()}>
            {(p) => (
              <option value={p.id} selected={p.id === props.value}>
                {p.name}, {p.age} – {p.work}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={chosen()?.custom}>
        <button type="button" class="secondary small" aria-label={t('persona.deleteLabel', { name: chosen()!.name })} onClick={() => void remove()}>
          {t('persona.delete')}
        </button>
      </Show>
      <details>
        <summary>{t('persona.add')}</summary>
        {/* A form of its own, outside the workshop form: saving a persona does not create a workshop. */}
        <form class="persona-form" onSubmit={add}>
          <label class="field">
            <span>{t('persona.name')}</span>
            <input name="name" required maxlength={60} />
          </label>
          <label class="field">
            <span>{t('persona.age')}</span>
            <input name="age" type="number" required min={15} max={100} />
          </label>
          <For each={[...TEXT_FIELDS]}>
            {(f) => (
              <label class="field">
                <span>{t(`persona.${f}` as MessageKey)}</span>
                <input name={f} required maxlength={200} />
              </label>
            )}
          </For>
          <button type="submit">{t('persona.save')}</button>
          <StatusMessage status={message()} />
        </form>
      </details>
    </div>
  )
}
