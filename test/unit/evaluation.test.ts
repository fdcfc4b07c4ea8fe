import fs from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { aggregateRound, shuffled, type RoundResults } from '../../workshops/evaluation/aggregate'
import { checkAnswers, oneLine } from '../../workshops/evaluation/answers'
import { evaluationCsvTable } from '../../workshops/evaluation/evaluationTable'
import { addMonths, compareFollowUp, dateAt, defaultFollowUpDate, followUpDateProblem, startOfDay } from '../../workshops/evaluation/followUp'
import { DEFAULT_QUESTIONS, evaluationOf } from '../../workshops/evaluation/questions'
import { barCells, evaluationSection, evaluationSectionMarkdown, textBar } from '../../workshops/evaluation/reportSection'
import { DefinitionError, parseWorkshopDefinition } from '../../workshops/method/parseDefinition'

const Q = DEFAULT_QUESTIONS
const K = 'knowledge-mental-health'
const M = 'knowledge-methods-tools'
const T = 'take-away'

/** A seeded random (mulberry32): the same order every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const round = (responses: Array<Record<string, unknown>>, opts: { threshold?: number; open?: boolean; followUp?: boolean } = {}) =>
  aggregateRound({
    questions: Q,
    round: opts.followUp ? 'follow-up' : 'session',
    responses: responses as never,
    threshold: opts.threshold ?? 3,
    open: opts.open ?? false,
    random: seeded(7),
  })

test('aggregation: distribution before and after, n per question, the mean change per person', () => {
  const r = round([
    { [K]: { before: 1, after: 4 }, [M]: { before: 2, after: 3 }, [T]: 'A' },
    { [K]: { before: 2, after: 4 }, [T]: 'B' },
    { [K]: { before: 2, after: 5 }, [M]: { before: 3, after: 3 }, [T]: 'C' },
    { [K]: { before: 3, after: 3 }, [M]: { before: 1, after: 5 } },
  ])
  assert.is(r.hidden, false)
  if (r.hidden) return
  assert.is(r.n, 4)
  const k = r.questions[0]
  assert.is(k.kind, 'rating')
  if (k.kind !== 'rating') return
  assert.equal(k.before, { '1': 1, '2': 2, '3': 1, '4': 0, '5': 0 })
  assert.equal(k.after, { '1': 0, '2': 0, '3': 1, '4': 2, '5': 1 })
  assert.is(k.answered, 4)
  assert.is(k.meanBefore, 2)
  assert.is(k.meanAfter, 4)
  assert.is(k.meanChange, (3 + 2 + 3 + 0) / 4)
  const m = r.questions[1]
  assert.is(m.answered, 3, 'one person skipped the second question')
  assert.is(m.kind === 'rating' ? m.meanChange : null, (1 + 0 + 4) / 3)
  assert.equal([...r.texts].sort(), ['A', 'B', 'C'])
})

test('the threshold: nothing below it, nothing while open, and no question answered by fewer', () => {
  const three = [{ [K]: { before: 2, after: 4 }, [T]: 'bara jag' }, { [K]: { before: 3, after: 4 } }, { [K]: { before: 1, after: 2 } }]
  const two = round(three.slice(0, 2))
  assert.equal(two, { round: 'session', n: 2, hidden: true, reason: 'too-few', threshold: 3 })
  assert.equal(round(three, { open: true }), { round: 'session', n: 3, hidden: true, reason: 'open', threshold: 3 })
  const shown = round(three)
  assert.is(shown.hidden, false)
  if (shown.hidden) return
  const text = shown.questions.find((q) => q.id === T)!
  assert.is(text.hidden, true, 'one text among three responses is not shown')
  assert.not.ok('texts' in text)
  assert.equal(shown.texts, [])
  const methods = shown.questions.find((q) => q.id === M)!
  assert.is(methods.hidden, true)
  assert.not.ok('before' in methods, 'a hidden question carries no distribution')
  // A configured threshold of 5; and of 1 (the least allowed: 0 or less counts as 1).
  assert.is(round(three, { threshold: 5 }).hidden, true)
  assert.is(round(three.slice(0, 1), { threshold: 0 }).hidden, false)
})

test('free text comes in random order, not in the order it arrived', () => {
  const responses = Array.from({ length: 30 }, (_, i) => ({ [T]: `svar ${i}` }))
  const r = round(responses)
  assert.is(r.hidden, false)
  if (r.hidden) return
  assert.is(r.texts.length, 30)
  assert.equal([...r.texts].sort(), responses.map((x) => x[T]).sort())
  assert.not.equal(r.texts, responses.map((x) => x[T]))
  assert.equal(shuffled([1, 2, 3, 4], seeded(1)), shuffled([1, 2, 3, 4], seeded(1)), 'the same randomness gives the same order')
})

test('answers are checked against the questions: unknown question, rating outside 1–5, half a rating, long text', () => {
  assert.equal(checkAnswers(Q, 'session', { [K]: { before: 2, after: 5 }, [T]: '  Att\nvåga\tfråga  ' }), {
    ok: true,
    answers: { [K]: { before: 2, after: 5 }, [T]: 'Att våga fråga' },
  })
  const problem = (raw: unknown, r: 'session' | 'follow-up' = 'session') => {
    const c = checkAnswers(Q, r, raw)
    return c.ok ? null : c.problem
  }
  assert.match(problem({ nope: 1 })!, 'answers.nope: no such question')
  assert.match(problem({ [K]: { before: 6, after: 1 } })!, `answers.${K}.before: a rating is a whole number from 1 to 5`)
  assert.match(problem({ [K]: { before: '3', after: 1 } })!, 'whole number')
  assert.match(problem({ [K]: { after: 1 } })!, `answers.${K}.before: missing`)
  assert.match(problem({ [K]: { before: 1, after: 1, extra: 2 } })!, `answers.${K}.extra: unknown`)
  assert.match(problem({ [K]: { before: 1, after: 2 } }, 'follow-up')!, `answers.${K}.before: unknown; expected { "now": 1–5 }`)
  assert.match(problem({ [T]: 'å'.repeat(501) })!, 'at most 500 characters')
  assert.is(problem({ [T]: '😀'.repeat(500) }), null, 'characters, not UTF-16 units')
  assert.match(problem({ [T]: '   ' })!, 'answer at least one question')
  assert.match(problem(['x'])!, 'expected an object')
  assert.is(oneLine('a\u0007b\r\nc'), 'ab c')
})

test('follow-up dates: six months on, the last day of a shorter month, the start of the day in Stockholm', () => {
  assert.equal(addMonths({ year: 2026, month: 8, day: 31 }, 6), { year: 2027, month: 2, day: 28 })
  assert.equal(addMonths({ year: 2027, month: 8, day: 31 }, 6), { year: 2028, month: 2, day: 29 })
  assert.equal(addMonths({ year: 2026, month: 11, day: 25 }, 6), { year: 2027, month: 5, day: 25 })
  // 23:30 UTC on 31 December is already 1 January in Stockholm.
  assert.is(defaultFollowUpDate(Date.UTC(2026, 11, 31, 23, 30), 6), '2027-07-01')
  assert.is(startOfDay({ year: 2027, month: 1, day: 15 }), Date.UTC(2027, 0, 14, 23, 0), 'winter: UTC+1')
  assert.is(startOfDay({ year: 2027, month: 6, day: 1 }), Date.UTC(2027, 4, 31, 22, 0), 'summer: UTC+2')
  assert.is(startOfDay({ year: 2027, month: 3, day: 28 }), Date.UTC(2027, 2, 27, 23, 0), 'the night clocks go forward')
  const now = Date.UTC(2026, 10, 25, 12)
  assert.equal(dateAt(now), { year: 2026, month: 11, day: 25 })
  assert.is(followUpDateProblem('2026-11-25', now), null, 'today')
  assert.is(followUpDateProblem('2026-11-24', now), 'in-the-past')
  assert.is(followUpDateProblem('2027-02-29', now), 'not-a-date')
  assert.is(followUpDateProblem('25/5 2027', now), 'not-a-date')
  assert.is(followUpDateProblem('2032-01-01', now), 'too-far')
})

test('follow-up comparison: the means side by side; a hidden follow-up adds nothing', () => {
  const session = round([{ [K]: { before: 2, after: 4 } }, { [K]: { before: 2, after: 4 } }, { [K]: { before: 1, after: 3 } }])
  const later = round([{ [K]: { now: 4 } }, { [K]: { now: 5 } }, { [K]: { now: 3 } }, { [K]: { now: 4 } }], { followUp: true })
  const rows = compareFollowUp(Q, session, later)
  assert.is(rows.length, 2, 'one row per rating question')
  assert.equal(rows[0], { id: K, text: Q[0].text, before: 5 / 3, after: 11 / 3, now: 4, change: 2, changeSinceBefore: 4 - 5 / 3 })
  assert.equal(rows[1], { id: M, text: Q[1].text, before: null, after: null, now: null, change: null, changeSinceBefore: null })
  const hidden = round([{ [K]: { now: 4 } }], { followUp: true })
  assert.is(compareFollowUp(Q, session, hidden)[0].now, null)
  assert.is(compareFollowUp(Q, round([]), later)[0].now, 4, 'the follow-up shows when the workshop\'s round is hidden')
})

test('the report section: a bar per round on the 1–5 scale, the change, the distribution, the texts; hidden rounds say why', () => {
  assert.is(barCells(2.5), 10)
  assert.is(barCells(5), 20)
  assert.is(barCells(null), 0)
  assert.is(textBar(4), '████████████████░░░░')
  const session = round([
    { [K]: { before: 2, after: 4 }, [T]: 'Att våga fråga' },
    { [K]: { before: 2, after: 4 }, [T]: 'Samtalsstödet' },
    { [K]: { before: 1, after: 3 }, [T]: '# inte en rubrik' },
  ]) as RoundResults
  const followUp = { ...round([{ [K]: { now: 4 } }], { followUp: true }), date: '2027-05-25' }
  const section = evaluationSection({ asked: Q, session, followUp }, 'sv')
  assert.equal(section.summary, [
    'Antal svar vid workshoppen: 3',
    'Antal svar vid uppföljningen 2027-05-25: 1',
    'Uppföljningens resultat visas först när minst 3 har svarat (1 svar).',
  ])
  assert.equal(section.questions[0].bars.map((b) => [b.label, b.text]), [['Före', '1,7'], ['Efter', '3,7']])
  assert.is(section.questions[0].change, 'Förändring (efter − före, medel per person): +2,0')
  const md = evaluationSectionMarkdown(section).join('\n')
  assert.match(md, '## Utvärdering')
  assert.match(md, 'Före   ███████░░░░░░░░░░░░░  1,7')
  assert.match(md, '| Efter | 0 | 0 | 1 | 2 | 0 | 3,7 |')
  assert.match(md, '- \\# inte en rubrik', 'free text is escaped')
  assert.match(evaluationSectionMarkdown(section, 3).join('\n'), '### Utvärdering\n', 'a programme report nests it')

  const open = evaluationSection({ asked: Q, session: round([], { open: true }), followUp: null }, 'en')
  assert.equal(open.summary, ['Responses at the workshop: 0', 'The evaluation is open (0 responses). The results go into the report once the facilitator has closed it.'])
  assert.equal(open.questions, [])

  const csv = evaluationCsvTable({ asked: Q, session, followUp }, 'sv')
  assert.equal(csv.rows[0], ['Min kunskap om psykisk ohälsa', 'Workshoppen', 'Före', '3', '1', '2', '0', '0', '0', '1,7', '', ''])
  assert.equal(csv.rows[1].slice(9), ['3,7', '+2,0', ''])
  assert.ok(csv.rows.some((r) => r[1] === 'Uppföljning 2027-05-25' && r[11] === 'färre än 3 svar: resultaten visas inte'))
  assert.ok(csv.rows.some((r) => r[2] === 'Att våga fråga'))
})

test('questions are data in the definition file: WS8 carries them, others ask the defaults, mistakes name file, field and problem', () => {
  const ws8 = parseWorkshopDefinition('ws8.json', fs.readFileSync('workshops/definitions/ws8.json', 'utf8'))
  assert.is(ws8.evaluation?.step, 'evaluation')
  assert.equal(ws8.evaluation?.questions.map((q) => q.id), [K, M, T])
  const ws2 = parseWorkshopDefinition('ws2.json', fs.readFileSync('workshops/definitions/ws2.json', 'utf8'))
  assert.is(ws2.evaluation, undefined)
  assert.equal(evaluationOf(ws2).questions.map((q) => q.id), [K, M, T])

  const broken = (change: (e: any) => void) => {
    const def = JSON.parse(fs.readFileSync('workshops/definitions/ws8.json', 'utf8'))
    change(def.evaluation)
    try {
      parseWorkshopDefinition('region-ws8.json', JSON.stringify(def))
    } catch (e) {
      assert.instance(e, DefinitionError)
      return (e as Error).message
    }
    return 'no error'
  }
  assert.is(broken((e) => (e.step = 'evalution')), 'region-ws8.json: evaluation.step: there is no step "evalution" in this workshop; its steps are look-back, plan, share-plans, evaluation, follow-up')
  assert.is(broken((e) => (e.questions[1].kind = 'scale')), 'region-ws8.json: evaluation.questions[1].kind: unknown question kind "scale"; allowed are rating (1–5 before and after), text (one free-text line)')
  assert.is(broken((e) => (e.questions[2].id = e.questions[0].id)), `region-ws8.json: evaluation.questions[2].id: duplicate question id "${K}" (questions[0] already uses it)`)
  assert.is(broken((e) => (e.questions = [])), 'region-ws8.json: evaluation.questions: expected at least one question, got an empty list')
  assert.is(broken((e) => delete e.questions[0].text.en), 'region-ws8.json: evaluation.questions[0].text.en: missing')
  assert.is(broken((e) => (e.followUpMonths = 'sex')), 'region-ws8.json: evaluation.followUpMonths: expected a number of months, got "sex"')
  assert.match(broken((e) => ((e.question = e.questions), delete e.questions)), 'region-ws8.json: evaluation.question: unknown field; did you mean "questions"?')
})

test.run()
