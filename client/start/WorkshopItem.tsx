import { createSignal, For, Show } from 'solid-js'
import { StatusMessage, type Status } from '../StatusMessage'
import { lang, localized, t, type MessageKey } from '../i18n/i18n'
import { AuditLog } from './AuditLog'
import { CopyField } from './CopyField'
import { Organisers } from './Organisers'
import { organiserApi, type MyWorkshop } from './organiserApi'

/** "Mina workshoppar" warns this long before retention deletes a workshop nobody uses. */
export const RETENTION_WARNING_DAYS = 14

const EXPORTS: Array<{ file: string; label: MessageKey }> = [
  { file: 'pairs.xlsx', label: 'export.pairsXlsx' },
  { file: 'pairs.csv', label: 'export.pairsCsv' },
  { file: 'pairs.md', label: 'export.pairsMd' },
  { file: 'pairs.json', label: 'export.pairsJson' },
  { file: 'report.docx', label: 'export.reportDocx' },
  { file: 'report.md', label: 'export.reportMd' },
  { file: 'workshop.json', label: 'export.workshopFile' },
]

const day = (iso: string) => new Date(iso).toLocaleDateString(lang() === 'sv' ? 'sv-SE' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' })

type Confirming = 'delete' | 'facilitator' | null

/** One workshop of the organiser's, with what they can do with it. */
export function WorkshopItem(props: { workshop: MyWorkshop; me: string; onChanged: () => void }) {
  const w = () => props.workshop
  const [status, setStatus] = createSignal<Status | null>(null)
  const [confirming, setConfirming] = createSignal<Confirming>(null)
  const [facilitatorUrl, setFacilitatorUrl] = createSignal<string | null>(null)
  const [format, setFormat] = createSignal(EXPORTS[0].file)
  const [busy, setBusy] = createSignal(false)
  const [auditOpen, setAuditOpen] = createSignal(false)

  const deletesSoon = () => {
    const at = w().deletesAt
    return at !== null && Date.parse(at) - Date.now() < RETENTION_WARNING_DAYS * 86_400_000 ? at : null
  }

  async function act(action: () => Promise<unknown>) {
    setStatus(null)
    setBusy(true)
    try {
      await action()
    } catch (e) {
      setStatus({ ok: false, text: t('mine.failed', { error: (e as Error).message }) })
    } finally {
      setBusy(false)
    }
  }

  const open = () => act(async () => location.assign((await organiserApi.open(w().id)).facilitatorUrl))
  const newParticipantLink = () => act(async () => {
    await organiserApi.newParticipantLink(w().id)
    props.onChanged()
  })
  const newFacilitatorLink = () => act(async () => {
    setFacilitatorUrl((await organiserApi.newFacilitatorLink(w().id)).facilitatorUrl)
    setConfirming(null)
  })
  const download = () => act(() => organiserApi.download(w().id, format(), lang()))
  const remove = () => act(async () => {
    await organiserApi.remove(w().id)
    setConfirming(null)
    props.onChanged()
  })

  return (
    <li class="workshop-item" data-testid="my-workshop" aria-labelledby={`w-${w().id}`}>
      <h3 id={`w-${w().id}`}>{w().title}</h3>
      <p class="muted">
        {t('mine.meta', { method: w().methodTitle ? localized(w().methodTitle!) : w().method, created: day(w().createdAt), active: day(w().lastActivityAt) })}
      </p>
      <Show when={deletesSoon()}>{(at) => <p class="retention-warning">{t('mine.deletesSoon', { date: day(at()) })}</p>}</Show>
      <Show
        when={w().participantUrl}
        fallback={
          <button type="button" class="secondary" disabled={busy()} onClick={() => void newParticipantLink()}>
            {t('mine.newParticipant')}
          </button>
        }
      >
        {(url) => <CopyField label={t('mine.participantLink')} url={url()} testId="my-participant-link" copyLabel={t('mine.copyParticipantLabel', { title: w().title })} />}
      </Show>
      <div class="workshop-actions">
        <button type="button" disabled={busy()} aria-label={t('mine.openLabel', { title: w().title })} onClick={() => void open()}>
          {t('mine.open')}
        </button>
        <button type="button" class="secondary" disabled={busy()} aria-label={t('mine.newFacilitatorLabel', { title: w().title })} onClick={() => setConfirming('facilitator')}>
          {t('mine.newFacilitator')}
        </button>
        <span class="export-picker">
          <select aria-label={t('mine.exportLabel', { title: w().title })} value={format()} onChange={(e) => setFormat(e.currentTarget.value)}>
            <For each={EXPORTS}>{(x) => <option value={x.file}>{t(x.label)}</option>}</For>
          </select>
          <button type="button" class="secondary" disabled={busy()} onClick={() => void download()}>
            {t('mine.export')}
          </button>
        </span>
        <button type="button" class="secondary danger" disabled={busy()} aria-label={t('mine.deleteLabel', { title: w().title })} onClick={() => setConfirming('delete')}>
          {t('mine.delete')}
        </button>
      </div>
      <Show when={confirming()}>
        {(which) => (
          <div class="confirm" role="group" aria-label={which() === 'delete' ? t('mine.deleteLabel', { title: w().title }) : t('mine.newFacilitatorLabel', { title: w().title })}>
            <p>{which() === 'delete' ? t('mine.deleteConfirm') : t('mine.newFacilitatorConfirm')}</p>
            <button type="button" class={which() === 'delete' ? 'danger secondary' : ''} disabled={busy()} onClick={() => void (which() === 'delete' ? remove() : newFacilitatorLink())}>
              {which() === 'delete' ? t('mine.deleteDo') : t('mine.newFacilitatorDo')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(null)}>
              {t('mine.cancel')}
            </button>
          </div>
        )}
      </Show>
      <Show when={facilitatorUrl()}>
        {(url) => (
          <div role="status">
            <p>{t('mine.newFacilitatorDone')}</p>
            <CopyField label={t('created.facilitatorLink')} url={url()} testId="my-facilitator-link" />
          </div>
        )}
      </Show>
      <StatusMessage status={status()} />
      <details>
        <summary>{t('mine.organisers', { n: w().organisers.length })}</summary>
        <Organisers workshop={w()} me={props.me} onChanged={props.onChanged} />
      </details>
      <details onToggle={(e) => setAuditOpen(e.currentTarget.open)}>
        <summary>{t('mine.audit')}</summary>
        <Show when={auditOpen()}>
          <AuditLog workshopId={w().id} />
        </Show>
      </details>
    </li>
  )
}
