import { createSignal } from 'solid-js'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { CARD_DEFAULT_SIZE } from '../../workshops/cards/cardShape'
import { nextIndex } from '../../workshops/doc/boardOps'
import { parseQuotes, quoteCards } from '../../workshops/import/quotes'
import type { WorkshopDefinition } from '../../workshops/method/types'
import { CARD_GAP, cardGridFrameSize, GRID_ORIGIN, STEP_FRAME_COLUMNS } from '../../workshops/templates/grid'
import { stepFrameId } from '../../workshops/templates/placeTemplates'
import { StatusMessage } from '../StatusMessage'
import { t } from '../i18n/i18n'
import type { BoardRecords } from '../workshop/createBoardRecords'

/** The frame quotes go into: the first step that uses quote cards. */
export function quoteStepFrame(definition: WorkshopDefinition | null, records: BoardRecords): TLShape | null {
  const step = definition?.steps.find((s) => s.cardKinds.includes('quote'))
  const frame = step ? records.source.get(stepFrameId(step.id)) : undefined
  return frame?.typeName === 'shape' ? frame : null
}

/**
 * WS1: paste interview quotes or upload a CSV/text file; one quote card per
 * quote, in a grid in the step's frame, after any cards already there. A bad
 * file creates nothing and says why.
 */
export function QuoteImport(props: { board: BoardRecords; frameId: string; author: string }) {
  const [text, setText] = createSignal('')
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null)
  let fileInput!: HTMLInputElement

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    setMessage(null)
    try {
      const file = fileInput.files?.[0]
      const input = file ? { text: await file.text(), fileName: file.name } : { text: text() }
      const { quotes } = parseQuotes(input)
      const frame = props.board.source.get(props.frameId)
      if (frame?.typeName !== 'shape') return
      const existing = [...props.board.source.values()].filter((r) => r.typeName === 'shape' && r.parentId === frame.id).length
      const rowsUsed = Math.ceil(existing / STEP_FRAME_COLUMNS)
      const origin = { x: GRID_ORIGIN.x, y: GRID_ORIGIN.y + rowsUsed * (CARD_DEFAULT_SIZE.h + CARD_GAP) }
      const cards = quoteCards(quotes, {
        parentId: frame.id,
        author: props.author,
        origin,
        indexAbove: nextIndex(props.board.source, frame.id),
      })
      // Grow the frame so every new card sits inside it.
      const needed = cardGridFrameSize(rowsUsed * STEP_FRAME_COLUMNS + quotes.length, STEP_FRAME_COLUMNS)
      const size = frame.props as { w: number; h: number }
      const grown: TLRecord[] = needed.h > size.h || needed.w > size.w
        ? [{ ...frame, props: { ...frame.props, w: Math.max(size.w, needed.w), h: Math.max(size.h, needed.h) } } as TLRecord]
        : []
      props.board.apply({ put: [...grown, ...cards] })
      setText('')
      fileInput.value = ''
      setMessage({ ok: true, text: t('import.done', { n: cards.length }) })
    } catch (error) {
      setMessage({ ok: false, text: t('import.failed', { error: (error as Error).message }) })
    }
  }

  return (
    <details class="quote-import">
      <summary>{t('import.open')}</summary>
      <form onSubmit={submit}>
        <label>
          <span>{t('import.paste')}</span>
          <textarea rows={6} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('import.file')}</span>
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" ref={fileInput} />
        </label>
        <p class="hint">{t('import.pseudonyms')}</p>
        <button type="submit">{t('import.submit')}</button>
        <StatusMessage status={message()} />
      </form>
    </details>
  )
}
