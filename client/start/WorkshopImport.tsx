import { createSignal, Show } from 'solid-js'
import type { CreatedWorkshop } from '../api/http'
import { t } from '../i18n/i18n'
import { organiserApi } from './organiserApi'

/** Importing a workshop file (exported from this or another Samverkstad) as a new workshop. */
export function WorkshopImport(props: { onImported: (links: CreatedWorkshop) => void }) {
  const [file, setFile] = createSignal<File | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const chosen = file()
    if (!chosen) return
    setBusy(true)
    setError(null)
    try {
      props.onImported(await organiserApi.importFile(chosen))
      form.reset()
      setFile(null)
    } catch (e) {
      setError(t('workshopImport.failed', { name: chosen.name, error: (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="create-form" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('workshopImport.heading')}</h2>
      <p class="hint">{t('workshopImport.hint')}</p>
      <form class="sign-in-form" onSubmit={submit}>
        <label class="field">
          <span>{t('workshopImport.fileLabel')}</span>
          <input type="file" accept=".json,application/json" required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={busy() || !file()}>
          {busy() ? t('workshopImport.importing') : t('workshopImport.submit')}
        </button>
        <Show when={error()}>
          <p role="alert">{error()}</p>
        </Show>
      </form>
    </section>
  )
}
