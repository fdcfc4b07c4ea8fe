import type { RoundResults } from './aggregate'
import type { Localized } from '../lang'

/**
 * The follow-up: a date (by default some months after the workshop) from
 * which a link asks the same questions about now, and how its answers
 * compare with the workshop's. Dates are calendar days in the workshop's
 * time zone, written as ISO dates ("2027-06-01").
 */

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm'
/** Further ahead than this is surely a typo (and past any retention). */
export const MAX_FOLLOW_UP_YEARS = 5

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export interface CalendarDate {
  year: number
  month: number
  day: number
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
export const formatDate = (d: CalendarDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The date, or null unless `text` is a real calendar day as YYYY-MM-DD. */
export function parseDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 2000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
  return { year, month, day }
}

/** The calendar day of an instant in a time zone. */
export function dateAt(ms: number, timeZone: string = DEFAULT_TIME_ZONE): CalendarDate {
  // sv-SE writes ISO dates.
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
  return parseDate(text)!
}

/** `months` later; a day the later month lacks becomes its last (31 August + 6 → 28 or 29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return { year, month, day: Math.min(date.day, daysIn(year, month)) }
}

export function defaultFollowUpDate(fromMs: number, months: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatDate(addMonths(dateAt(fromMs, timeZone), months))
}

/** Offset of the time zone from UTC at an instant, in ms (Stockholm: +1 h in winter, +2 h in summer). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** The instant a calendar day starts (00:00) in a time zone. */
export function startOfDay(date: CalendarDate, timeZone: string = DEFAULT_TIME_ZONE): number {
  const utc = Date.UTC(date.year, date.month - 1, date.day)
  let ms = utc - offsetAt(utc, timeZone)
  // Once more, in case the offset changes between the guess and the answer (a DST night).
  ms = utc - offsetAt(ms, timeZone)
  return ms
}

export type DateProblem = 'not-a-date' | 'in-the-past' | 'too-far'

/** Whether a follow-up date can be set now: a real day, today or later, within MAX_FOLLOW_UP_YEARS. */
export function followUpDateProblem(text: string, nowMs: number, timeZone: string = DEFAULT_TIME_ZONE): DateProblem | null {
  const date = parseDate(text)
  if (!date) return 'not-a-date'
  const today = formatDate(dateAt(nowMs, timeZone))
  if (formatDate(date) < today) return 'in-the-past'
  const limit = formatDate(addMonths(dateAt(nowMs, timeZone), MAX_FOLLOW_UP_YEARS * 12))
  if (formatDate(date) > limit) return 'too-far'
  return null
}

/** One rating question at the workshop and at the follow-up, side by side. */
export interface ComparisonRow {
  id: string
  text: Localized
  /** Means on the 1–5 scale; null when hidden or not answered. */
  before: number | null
  after: number | null
  now: number | null
  /** Mean of each person's after − before, at the workshop. */
  change: number | null
  /** Follow-up mean − the workshop's "före" mean (different people may have answered; the rounds cannot be linked). */
  changeSinceBefore: number | null
}

/**
 * The follow-up beside the workshop, per rating question. Responses of the
 * two rounds are not linked (they are anonymous), so the comparison is of
 * means. A hidden round, or a hidden question, contributes nothing.
 */
export function compareFollowUp(
  questions: ReadonlyArray<{ id: string; kind: string; text: Localized }>,
  session: RoundResults | null,
  followUp: RoundResults | null,
): ComparisonRow[] {
  const shown = (round: RoundResults | null) => new Map(round && !round.hidden ? round.questions.map((q) => [q.id, q]) : [])
  const first = shown(session)
  const later = shown(followUp)
  return questions
    .filter((q) => q.kind === 'rating')
    .map((q) => {
      const s = first.get(q.id)
      const f = later.get(q.id)
      const visible = s && s.kind === 'rating' && !s.hidden ? s : null
      const before = visible?.meanBefore ?? null
      const after = visible?.meanAfter ?? null
      const now = f && f.kind === 'rating' && !f.hidden ? (f.meanNow ?? null) : null
      return {
        id: q.id,
        text: q.text,
        before,
        after,
        now,
        change: visible?.meanChange ?? null,
        changeSinceBefore: now !== null && before !== null ? now - before : null,
      }
    })
}
