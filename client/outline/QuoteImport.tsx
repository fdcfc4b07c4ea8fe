import { createSignal, For, Show } from 'solid-js'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { readCards } from '../../workshops/chain/cards'
import { nextIndex } from '../../workshops/doc/boardOps'
import {
  createPseudonyms,
  highestRespondent,
  parseQuotes,
  QuoteImportError,
  quoteCards,
  type ColumnChoice,
  type Pseudonyms,
  type QuoteTable,
} from '../../workshops/import/quotes'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { CARD_DEFAULT_SIZE } from '../../workshops/cards/cardShape'
import { CARD_GAP, cardGridFrameSize, GRID_ORIGIN } from '../../workshops/templates/grid'
import { frameOfStep } from '../../workshops/templates/placeTemplates'
import { StatusMessage } from '../StatusMessage'
import { t } from '../i18n/i18n'
import type { BoardRecords } from '../workshop/createBoardRecords'

/** The frame quotes go into: the current step's, or before the workshop starts the first step's that uses quote cards. */
export function quoteStepFrame(definition: WorkshopDefinition | null, records: BoardRecords, currentStepId?: string | null): TLShape | null {
  const step = currentStepId ?? definition?.steps.find((s) => s.cardKinds.includes('quote'))?.id
  const frame = step ? records.source.get(frameOfStep(definition, step)) : undefined
  return frame?.typeName === 'shape' && frame.type === 'frame' ? frame : null
}

/**
 * Who got which R-number, per workshop, for as long as this page is open: the
 * same person in a second import keeps her number. Only in memory: a reload
 * forgets it, and it is never written anywhere.
 */
const pseudonymsByWorkshop = new Map<string, Pseudonyms>()

/** This page's numbering for a workshop, moved past the highest R-number on the board (others may have imported too). */
function pseudonymsFor(workshopId: string, records: readonly TLRecord[]): Pseudonyms {
  const onBoard = highestRespondent(readCards(records).filter((c) => c.kind === 'quote').map((c) => c.text))
  const book = pseudonymsByWorkshop.get(workshopId) ?? createPseudonyms(onBoard)
  book.next = Math.max(book.next, onBoard + 1)
  pseudonymsByWorkshop.set(workshopId, book)
  return book
}

const shortSample = (v: string) => (v.length > 30 ? `${v.slice(0, 29)}…` : v)

/**
 * WS1: paste interview quotes or upload a CSV/text file; one quote card per
 * quote, in a grid in the step's frame, after any cards already there. When
 * a column may hold respondents, it first asks which column is which. A bad
 * file creates nothing and says why.
 */
export function QuoteImport(props: { board: BoardRecords; frameId: string; author: string; workshopId: string }) {
  const [text, setText] = createSignal('')
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null)
  const [table, setTable] = createSignal<QuoteTable | null>(null)
  const [choice, setChoice] = createSignal<ColumnChoice | null>(null)
  let fileInput!: HTMLInputElement
  let firstChoice: HTMLSelectElement | undefined

  const forget = () => {
    setTable(null)
    setChoice(null)
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    setMessage(null)
    try {
      const file = fileInput.files?.[0]
      const input = file ? { text: await file.text(), fileName: file.name } : { text: text() }
      const frame = props.board.source.get(props.frameId)
      if (frame?.typeName !== 'shape') return
      const book = pseudonymsFor(props.workshopId, props.board.records())
      const { quotes } = parseQuotes(input, { columns: choice() ?? undefined, pseudonyms: book })
      // Below everything already in the frame, wherever it was moved to: nothing is covered.
      const inFrame = [...props.board.source.values()].filter((r): r is TLShape => r.typeName === 'shape' && r.parentId === frame.id && r.type !== 'arrow')
      const lowest = Math.max(0, ...inFrame.map((r) => r.y + ((r.props as { h?: number }).h ?? 0)))
      const origin = { x: GRID_ORIGIN.x, y: inFrame.length > 0 ? lowest + CARD_GAP : GRID_ORIGIN.y }
      const size = frame.props as { w: number; h: number }
      // As many columns as the frame is wide for (a narrow pairing frame has three).
      const columns = Math.max(1, Math.floor((size.w - CARD_GAP) / (CARD_DEFAULT_SIZE.w + CARD_GAP)))
      const cards = quoteCards(quotes, {
        columns,
        parentId: frame.id,
        author: props.author,
        origin,
        indexAbove: nextIndex(props.board.source, frame.id),
      })
      // Grow the frame so every new card sits inside it.
      const grid = cardGridFrameSize(quotes.length, columns)
      const needed = { w: grid.w, h: origin.y - GRID_ORIGIN.y + grid.h }
      const grown: TLRecord[] = needed.h > size.h || needed.w > size.w
        ? [{ ...frame, props: { ...frame.props, w: Math.max(size.w, needed.w), h: Math.max(size.h, needed.h) } } as TLRecord]
        : []
      props.board.apply({ put: [...grown, ...cards] })
      setText('')
      fileInput.value = ''
      forget()
      const names = [...new Set(quotes.map((q) => q.respondent).filter((r): r is string => !!r))]
      setMessage({
        ok: true,
        text: names.length
          ? t('import.doneRespondents', { n: cards.length, names: names.length > 8 ? `${names.slice(0, 8).join(', ')} …` : names.join(', ') })
          : t('import.done', { n: cards.length }),
      })
    } catch (error) {
      if (error instanceof QuoteImportError && error.code === 'choose-columns' && error.table) {
        setTable(error.table)
        setChoice(error.table.suggested)
        queueMicrotask(() => firstChoice?.focus())
        return
      }
      setMessage({ ok: false, text: t('import.failed', { error: (error as Error).message }) })
    }
  }

  const columnLabel = (i: number) => {
    const column = table()?.columns[i]
    const name = column?.header && choice()?.headerRow ? column.header : t('import.column', { n: i + 1 })
    const samples = column?.samples.map(shortSample).join(' · ')
    return samples ? `${name}: ${samples}` : name
  }
  const update = (patch: Partial<ColumnChoice>) => setChoice((c) => (c ? { ...c, ...patch } : c))

  return (
    <details class="quote-import">
      <summary>{t('import.open')}</summary>
      <form onSubmit={submit}>
        <label>
          <span>{t('import.paste')}</span>
          <textarea
            rows={6}
            value={text()}
            onInput={(e) => {
              setText(e.currentTarget.value)
              forget()
            }}
          />
        </label>
        <label>
          <span>{t('import.file')}</span>
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" ref={fileInput} onChange={forget} />
        </label>
        <Show when={table()}>
          {(tbl) => (
            <fieldset class="import-columns" data-testid="import-columns">
              <legend>{t('import.chooseHeading')}</legend>
              <p class="hint">{t('import.chooseHelp')}</p>
              <label>
                <span>{t('import.quoteColumn')}</span>
                <select ref={firstChoice} value={String(choice()?.quote ?? 0)} onChange={(e) => update({ quote: Number(e.currentTarget.value) })}>
                  <For each={tbl().columns}>{(_, i) => <option value={String(i())}>{columnLabel(i())}</option>}</For>
                </select>
              </label>
              <label>
                <span>{t('import.respondentColumn')}</span>
                <select
                  value={choice()?.respondent === null ? '' : String(choice()?.respondent)}
                  onChange={(e) => update({ respondent: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
                >
                  <option value="">{t('import.noRespondent')}</option>
                  <For each={tbl().columns}>{(_, i) => <option value={String(i())}>{columnLabel(i())}</option>}</For>
                </select>
              </label>
              <label class="checkbox">
                <input type="checkbox" checked={choice()?.headerRow ?? false} onChange={(e) => update({ headerRow: e.currentTarget.checked })} />
                <span>{t('import.headerRow')}</span>
              </label>
              <button type="button" class="secondary" onClick={forget}>
                {t('import.cancel')}
              </button>
            </fieldset>
          )}
        </Show>
        <p class="hint">{t('import.pseudonyms')}</p>
        <button type="submit">{t('import.submit')}</button>
        <StatusMessage status={message()} />
      </form>
    </details>
  )
}
