/**
 * Interview quotes into quote cards: parse pasted text or a CSV/TSV file, then
 * lay the quotes out as `card` shapes (kind 'quote') in a step frame.
 *
 * Interview quotes can identify people, so respondents never leave this
 * module under their real names: the first respondent met is R1, the next R2,
 * and so on (or on from a given number, so several imports into one workshop
 * number on). Whenever a column may hold respondents and no header says
 * which, nothing is imported until the caller says which column is which
 * (the 'choose-columns' error carries what to ask with). Nothing here echoes
 * input text in error messages either.
 *
 * Pure: no Node or DOM API.
 */
import { createShapeId, type TLParentId, type TLRecord, type TLShapeId } from '@tldraw/tlschema'
import { CARD_DEFAULT_SIZE, CARD_TEXT_MAX } from '../cards/cardShape'
import { cardGridPosition, GRID_ORIGIN, STEP_FRAME_COLUMNS, type Point } from '../templates/grid'
import { cardShape, indexCounter } from '../templates/shapes'

export interface ImportedQuote {
  text: string
  /** Pseudonym R1, R2, … in order of first appearance (or on from the numbering given); never the real value. */
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
  /** A table whose columns nobody has named: the caller must say which is the quote and which the respondent. */
  | 'choose-columns'

/** One column of a table to choose from: its header, when the first row is one, and its first values. */
export interface QuoteColumn {
  header: string | null
  samples: string[]
}

/** What to ask before a table is imported. Samples can hold real names: show them to the person importing, never store them. */
export interface QuoteTable {
  columns: QuoteColumn[]
  /** Whether the first row looks like a header (it names the quote column). */
  hasHeader: boolean
  /** A first choice to offer: the column of the longest texts as the quote, the one of short repeated values as the respondent. */
  suggested: ColumnChoice
}

/** Which column holds the quotes and which (if any) the respondents, 0-based; whether the first row is a header. */
export interface ColumnChoice {
  quote: number
  respondent: number | null
  headerRow: boolean
}

/**
 * Respondent pseudonyms across imports: the next free number and, while the
 * caller keeps this object, who got which one. Kept in memory only by its
 * caller; never stored with the board.
 */
export interface Pseudonyms {
  next: number
  byName: Map<string, string>
}

/** Pseudonyms numbered on from `highest` (R<highest + 1> is the next one). */
export function createPseudonyms(highest = 0): Pseudonyms {
  return { next: highest + 1, byName: new Map() }
}

/** The highest respondent number in quote texts made by quoteCardText (`"…" — R7`), or 0. */
export function highestRespondent(texts: Iterable<string>): number {
  let highest = 0
  for (const text of texts) {
    const m = /— R(\d{1,6})$/.exec(text)
    if (m) highest = Math.max(highest, Number(m[1]))
  }
  return highest
}

export interface ParseQuotesOptions {
  /** The answer to a 'choose-columns' error. */
  columns?: ColumnChoice
  /** Numbering to continue; a fresh R1, R2 … by default. */
  pseudonyms?: Pseudonyms
}

/** Why an import was refused. `code` is stable for the UI to translate; `message` is English. */
export class QuoteImportError extends Error {
  constructor(
    readonly code: QuoteImportErrorCode,
    message: string,
    /** 1-based line of the input the problem is on, when there is one. */
    readonly line?: number,
    /** For 'choose-columns': the columns to choose from. */
    readonly table?: QuoteTable,
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

export function parseQuotes(input: { text: string; fileName?: string }, opts: ParseQuotesOptions = {}): { quotes: ImportedQuote[] } {
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text
  if (text.trim() === '') throw new QuoteImportError('empty', 'There is nothing to import: the text is empty.')
  if (looksBinary(text)) {
    throw new QuoteImportError(
      'binary',
      'This does not look like text (perhaps an Excel workbook, a PDF or an image). Save the quotes as CSV (UTF-8) or paste them as text.',
    )
  }
  const pseudonyms = opts.pseudonyms ?? createPseudonyms()
  const fileName = input.fileName ?? ''
  const isTableFile = /\.(csv|tsv)$/i.test(fileName)
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? ''
  // Pasted text and text files are tables only when cells are split by tabs (as a spreadsheet pastes them): commas and semicolons are prose.
  const tableSeparator: Separator | null = isTableFile ? guessSeparator(firstLine, fileName) : text.includes('\t') ? '\t' : null

  // A header row naming a quote column makes it a table, pasted or not.
  for (const sep of SEPARATORS) {
    const header = splitRecords(firstLine, sep)[0]?.cells ?? []
    const quoteColumn = header.findIndex((cell) => QUOTE_COLUMNS.includes(headerName(cell)))
    if (quoteColumn < 0) continue
    if (header.length === 1) return collect(fromRecords(splitRecords(text, null).slice(1), 0, -1), pseudonyms)
    const records = splitRecords(text, sep)
    if (opts.columns) return collect(fromRecords(records.slice(opts.columns.headerRow ? 1 : 0), opts.columns.quote, opts.columns.respondent ?? -1), pseudonyms)
    const respondentColumn = header.findIndex((cell) => RESPONDENT_COLUMNS.includes(headerName(cell)))
    if (respondentColumn >= 0) return collect(fromRecords(records.slice(1), quoteColumn, respondentColumn), pseudonyms)
    // Other columns under names we do not know: one of them may be who said it.
    throw chooseColumns(records, true, { quote: quoteColumn, respondent: null, headerRow: true })
  }

  if (tableSeparator) {
    const records = splitRecords(text, tableSeparator)
    const width = Math.max(0, ...records.map((r) => r.cells.length))
    if (width > 1) {
      const first = records[0]?.cells ?? []
      if (!opts.columns && first.some((cell) => RESPONDENT_COLUMNS.includes(headerName(cell)))) {
        throw new QuoteImportError(
          'no-quote-column',
          `No column with the quotes was found. Name the column "citat", "quote" or "text" in the first row (and the respondent column "respondent", "intervjuperson", "person", "namn" or "name").`,
          records[0]?.line,
        )
      }
      if (opts.columns) return collect(fromRecords(records.slice(opts.columns.headerRow ? 1 : 0), opts.columns.quote, opts.columns.respondent ?? -1), pseudonyms)
      // Columns without a header: which one is the quote, and is one of them a name?
      throw chooseColumns(records, false, guessColumns(records, Math.min(width, COLUMNS_MAX)))
    }
    // One column and no header: every record is a quote.
    if (isTableFile) return collect(fromRecords(splitRecords(text, null), 0, -1), pseudonyms)
  }

  return collect(fromLines(text), pseudonyms)
}

const SAMPLES = 3
/** Columns offered to choose from; a quote table has a few, and a line of a thousand tabs must not become a thousand choices. */
export const COLUMNS_MAX = 20

function chooseColumns(records: CsvRecord[], hasHeader: boolean, suggested: ColumnChoice): QuoteImportError {
  const width = Math.min(COLUMNS_MAX, Math.max(0, ...records.map((r) => r.cells.length)))
  const rows = hasHeader ? records.slice(1) : records
  const columns: QuoteColumn[] = Array.from({ length: width }, (_, i) => ({
    header: hasHeader ? (records[0]?.cells[i] ?? '').trim() : null,
    samples: rows
      .map((r) => (r.cells[i] ?? '').trim())
      .filter((v) => v !== '')
      .slice(0, SAMPLES)
      .map((v) => (v.length > 60 ? `${v.slice(0, 59)}…` : v)),
  }))
  return new QuoteImportError(
    'choose-columns',
    `The text has ${width} columns and no header says which holds the quotes and which the respondents. Choose them; respondents become R1, R2 … and their names are not kept.`,
    records[0]?.line,
    { columns, hasHeader, suggested },
  )
}

/** The column of the longest texts is the quote; of the others, the one of the shortest texts (names are short) may be the respondent. */
function guessColumns(records: CsvRecord[], width: number): ColumnChoice {
  const average = Array.from({ length: width }, (_, i) => {
    const values = records.map((r) => (r.cells[i] ?? '').trim()).filter((v) => v !== '')
    return values.length ? values.reduce((sum, v) => sum + v.length, 0) / values.length : 0
  })
  const quote = average.indexOf(Math.max(...average))
  let respondent: number | null = null
  for (let i = 0; i < width; i++) {
    if (i === quote || average[i] === 0 || average[i] > 40) continue
    if (respondent === null || average[i] < average[respondent]) respondent = i
  }
  return { quote, respondent, headerRow: false }
}

interface RawQuote {
  text: string
  respondent: string
  line: number
}

/** Cleans, checks and pseudonymises raw quotes; `pseudonyms` is only changed when the whole import succeeds. */
function collect(raw: Iterable<RawQuote>, book: Pseudonyms): { quotes: ImportedQuote[] } {
  const quotes: ImportedQuote[] = []
  const pseudonyms = new Map(book.byName)
  let next = book.next
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
        pseudonym = `R${next++}`
        pseudonyms.set(who, pseudonym)
      }
      quotes.push({ text: quote, respondent: pseudonym })
    }
  }
  if (quotes.length === 0) throw new QuoteImportError('empty', 'There is nothing to import: no quotes were found.')
  book.byName = pseudonyms
  book.next = next
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
