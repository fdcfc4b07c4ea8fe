/**
 * Interview quotes into quote cards: parse pasted text or a CSV/TSV file, then
 * lay the quotes out as `card` shapes (kind 'quote') in a step frame.
 *
 * Interview quotes can identify people, so respondents never leave this
 * module under their real names: the first respondent met is R1, the next R2,
 * and so on. Nothing here echoes input text in error messages either.
 *
 * Pure: no Node or DOM API.
 */
import { createShapeId, type TLParentId, type TLRecord, type TLShapeId } from '@tldraw/tlschema'
import { CARD_DEFAULT_SIZE, CARD_TEXT_MAX } from '../cards/cardShape'
import { cardGridPosition, GRID_ORIGIN, STEP_FRAME_COLUMNS, type Point } from '../templates/grid'
import { cardShape, indexCounter } from '../templates/shapes'

export interface ImportedQuote {
  text: string
  /** Pseudonym R1, R2, … in order of first appearance; never the real value. */
  respondent?: string
}

/** Most quotes one import takes. */
export const QUOTES_MAX = 500

/**
 * Longest quote. A card shows `"<quote>" — R500` at most, 9 characters more
 * than the quote, and must stay within CARD_TEXT_MAX.
 */
export const QUOTE_TEXT_MAX = CARD_TEXT_MAX - 10

export type QuoteImportErrorCode =
  /** Nothing but whitespace. */
  | 'empty'
  /** Looks like a binary file (a workbook, a PDF, an image) rather than text. */
  | 'binary'
  /** A table with several columns, none of them named like a quote column. */
  | 'no-quote-column'
  /** A quote longer than QUOTE_TEXT_MAX. */
  | 'quote-too-long'
  /** More than QUOTES_MAX quotes. */
  | 'too-many-quotes'

/** Why an import was refused. `code` is stable for the UI to translate; `message` is English. */
export class QuoteImportError extends Error {
  constructor(
    readonly code: QuoteImportErrorCode,
    message: string,
    /** 1-based line of the input the problem is on, when there is one. */
    readonly line?: number,
  ) {
    super(message)
    this.name = 'QuoteImportError'
  }
}

/** Header names (compared case-insensitively) of the column holding the quotes. */
const QUOTE_COLUMNS = ['citat', 'citaten', 'quote', 'quotes', 'text']
/** Header names of the column saying who said it. */
const RESPONDENT_COLUMNS = ['respondent', 'intervjuperson', 'person', 'namn', 'name']

const SEPARATORS = ['\t', ';', ','] as const
type Separator = (typeof SEPARATORS)[number]

export function parseQuotes(input: { text: string; fileName?: string }): { quotes: ImportedQuote[] } {
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text
  if (text.trim() === '') throw new QuoteImportError('empty', 'There is nothing to import: the text is empty.')
  if (looksBinary(text)) {
    throw new QuoteImportError(
      'binary',
      'This does not look like text (perhaps an Excel workbook, a PDF or an image). Save the quotes as CSV (UTF-8) or paste them as text.',
    )
  }

  const fileName = input.fileName ?? ''
  const isTableFile = /\.(csv|tsv)$/i.test(fileName)
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? ''

  // A header row naming a quote column makes it a table, pasted or not.
  for (const sep of SEPARATORS) {
    const header = splitRecords(firstLine, sep)[0]?.cells ?? []
    const quoteColumn = header.findIndex((cell) => QUOTE_COLUMNS.includes(headerName(cell)))
    if (quoteColumn < 0) continue
    if (header.length === 1) return collect(fromRecords(splitRecords(text, null).slice(1), 0, -1))
    const respondentColumn = header.findIndex((cell) => RESPONDENT_COLUMNS.includes(headerName(cell)))
    return collect(fromRecords(splitRecords(text, sep).slice(1), quoteColumn, respondentColumn))
  }

  if (isTableFile) {
    const sep = guessSeparator(firstLine, fileName)
    const records = splitRecords(text, sep)
    if ((records[0]?.cells.length ?? 0) > 1) {
      throw new QuoteImportError(
        'no-quote-column',
        `No column with the quotes was found. Name the column "citat", "quote" or "text" in the first row (and the respondent column "respondent", "intervjuperson", "person", "namn" or "name").`,
        records[0]?.line,
      )
    }
    // One column and no header: every record is a quote.
    return collect(fromRecords(splitRecords(text, null), 0, -1))
  }

  return collect(fromLines(text))
}

interface RawQuote {
  text: string
  respondent: string
  line: number
}

/** Cleans, checks and pseudonymises raw quotes. */
function collect(raw: Iterable<RawQuote>): { quotes: ImportedQuote[] } {
  const quotes: ImportedQuote[] = []
  const pseudonyms = new Map<string, string>()
  for (const item of raw) {
    const quote = stripSurroundingQuotes(item.text.trim())
    if (quote === '') continue
    if (quote.length > QUOTE_TEXT_MAX) {
      throw new QuoteImportError(
        'quote-too-long',
        `The quote on line ${item.line} is ${quote.length} characters long; a card holds at most ${QUOTE_TEXT_MAX}. Shorten it or split it into several quotes.`,
        item.line,
      )
    }
    if (quotes.length === QUOTES_MAX) {
      throw new QuoteImportError(
        'too-many-quotes',
        `There are more than ${QUOTES_MAX} quotes. Import them in smaller batches.`,
        item.line,
      )
    }
    const who = item.respondent.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv')
    if (who === '') quotes.push({ text: quote })
    else {
      let pseudonym = pseudonyms.get(who)
      if (!pseudonym) {
        pseudonym = `R${pseudonyms.size + 1}`
        pseudonyms.set(who, pseudonym)
      }
      quotes.push({ text: quote, respondent: pseudonym })
    }
  }
  if (quotes.length === 0) throw new QuoteImportError('empty', 'There is nothing to import: no quotes were found.')
  return { quotes }
}

/** One quote per non-empty line, without list bullets or numbers. */
function* fromLines(text: string): Iterable<RawQuote> {
  const lines = text.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    yield { text: stripBullet(lines[i].trim()), respondent: '', line: i + 1 }
  }
}

function* fromRecords(records: CsvRecord[], quoteColumn: number, respondentColumn: number): Iterable<RawQuote> {
  for (const record of records) {
    yield {
      text: record.cells[quoteColumn] ?? '',
      respondent: respondentColumn >= 0 ? (record.cells[respondentColumn] ?? '') : '',
      line: record.line,
    }
  }
}

/** "- ", "• ", "* ", "1. ", "2) ", "(3) " and the like at the start of a line. */
const BULLET = /^(?:[-–—](?:\s+|$)|[•·▪◦‣*]\s*|\(?\d{1,3}[.)](?:\s+|$))/

function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim()
}

const QUOTE_MARKS = '"“”„«»'

/**
 * `”Jag … tittar också”.` → `Jag … tittar också.`: drops quotation marks around
 * the whole text (keeping a full stop or comma after the closing one), but
 * not when the text quotes something inside it too.
 */
function stripSurroundingQuotes(text: string): string {
  const after = /[.,!?]$/.test(text) && QUOTE_MARKS.includes(text[text.length - 2] ?? '') ? text[text.length - 1] : ''
  const end = text.length - after.length
  if (end < 2 || !QUOTE_MARKS.includes(text[0]) || !QUOTE_MARKS.includes(text[end - 1])) return text
  const inner = text.slice(1, end - 1)
  if ([...inner].some((ch) => QUOTE_MARKS.includes(ch))) return text
  const body = inner.trim()
  if (body === '') return ''
  return /[.!?,;:…]$/.test(body) ? body : body + after
}

function headerName(cell: string): string {
  return stripSurroundingQuotes(cell.trim()).trim().toLocaleLowerCase('sv')
}

function guessSeparator(firstLine: string, fileName: string): Separator {
  if (/\.tsv$/i.test(fileName) || firstLine.includes('\t')) return '\t'
  // Swedish Excel saves CSV with semicolons; count outside quoted fields.
  const semicolons = (splitRecords(firstLine, ';')[0]?.cells.length ?? 1) - 1
  const commas = (splitRecords(firstLine, ',')[0]?.cells.length ?? 1) - 1
  return semicolons >= commas && semicolons > 0 ? ';' : ','
}

/**
 * NUL bytes, a file signature (ZIP, PDF, PNG, JPEG, OLE2) or a noticeable
 * share of control characters and replacement characters (what binary bytes
 * become when decoded as UTF-8).
 */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  if (/^(?:PK\u0003\u0004|%PDF-|\u0089PNG|\uFFFD\uFFFD\uFFFD|\u00D0\u00CF\u0011\u00E0)/.test(text)) return true
  const sample = text.slice(0, 8192)
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f || c === 0xfffd) odd++
  }
  return odd >= 3 && odd / sample.length > 0.01
}

interface CsvRecord {
  cells: string[]
  /** 1-based line the record starts on. */
  line: number
}

/**
 * RFC 4180 records: fields in double quotes may hold separators, line breaks
 * and doubled quotes. With `sep` null, each record is one field. Blank lines
 * are skipped.
 */
function splitRecords(text: string, sep: Separator | null): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let i = 0
  const endField = () => {
    cells.push(field)
    field = ''
  }
  const endRecord = () => {
    endField()
    if (cells.some((cell) => cell.trim() !== '')) records.push({ cells, line: recordLine })
    cells = []
  }
  while (i < text.length) {
    // Start of a field: skip spaces before an opening quote.
    let j = i
    while (j < text.length && (text[j] === ' ' || (text[j] === '\t' && sep !== '\t'))) j++
    if (text[j] === '"') {
      i = j + 1
      for (;;) {
        if (i >= text.length) break
        const ch = text[i]
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (ch === '\n') line++
        field += ch
        i++
      }
      // Anything between the closing quote and the next separator is kept as written.
      while (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
    } else {
      while (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
    }
    if (i >= text.length) break
    if (text[i] === sep) {
      endField()
      i++
      continue
    }
    // Line break: \r\n, \n or \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1
    line++
    endRecord()
    recordLine = line
  }
  endRecord()
  return records
}

// ---------------------------------------------------------------------------

export interface QuoteCardsOptions {
  /** The frame the cards go in (usually a step frame), or a page. */
  parentId: TLParentId
  /** Top-left of the first card, relative to the parent; defaults to the grid's origin. */
  origin?: Point
  /** Cards per row; defaults to the step frame's STEP_FRAME_COLUMNS. */
  columns?: number
  /** Display name stored on each card ('' when the workshop is anonymous). */
  author: string
  /** New shape ids; defaults to random ones. */
  idFactory?: () => TLShapeId
  /** Index of the parent's topmost child, so the new cards land above what is there. */
  indexAbove?: string
}

/** The text a quote card shows: `"<quote>" — R1`, or the quote alone. */
export function quoteCardText(quote: ImportedQuote): string {
  return quote.respondent ? `"${quote.text}" — ${quote.respondent}` : quote.text
}

/** Quote cards in a grid, row by row, in the order of the quotes. */
export function quoteCards(quotes: readonly ImportedQuote[], opts: QuoteCardsOptions): TLRecord[] {
  const columns = Math.max(1, Math.floor(opts.columns ?? STEP_FRAME_COLUMNS))
  const origin = opts.origin ?? GRID_ORIGIN
  const newId = opts.idFactory ?? (() => createShapeId())
  const nextIndex = indexCounter(opts.indexAbove)
  return quotes.map((quote, i) => {
    const text = quoteCardText(quote)
    if (text.length > CARD_TEXT_MAX) {
      throw new QuoteImportError('quote-too-long', `Quote ${i + 1} is too long for a card (${CARD_TEXT_MAX} characters at most).`)
    }
    const at = cardGridPosition(i, columns, origin)
    return cardShape(
      { id: newId(), parentId: opts.parentId, index: nextIndex(), x: at.x, y: at.y, isLocked: false },
      { kind: 'quote', text, author: opts.author, ...CARD_DEFAULT_SIZE },
    )
  })
}
