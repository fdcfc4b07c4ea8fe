import fs from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { cardKinds } from '../../workshops/cards/kinds'
import { DefinitionError, parsePersona, parseWorkshopDefinition } from '../../workshops/method/parseDefinition'
import { TEMPLATE_IDS } from '../../workshops/method/templates'

const definitionsDir = new URL('../../workshops/definitions/', import.meta.url)
const WS3 = 'workshops/definitions/ws3.json'
const ANNA = 'workshops/personas/anna.json'
const ws3Text = fs.readFileSync(new URL('ws3.json', definitionsDir), 'utf8')
const annaText = fs.readFileSync(new URL('../personas/anna.json', definitionsDir), 'utf8')

const EXPECTED_TITLES: Record<string, string> = {
  ws1: 'Intervjuanalys',
  ws2: 'Insikter och utmaningar',
  ws3: 'Idégenerering och prototyper',
  ws4: 'Test av prototyper',
  ws5: 'Konkretisering av utbildningen',
  ws6: 'Manus och filminspelning',
  ws7: 'Samtalsövningar',
  ws8: 'Plan för fortsatt arbete och utvärdering',
}

function loadBuiltin(id: string) {
  const text = fs.readFileSync(new URL(`${id}.json`, definitionsDir), 'utf8')
  return parseWorkshopDefinition(`workshops/definitions/${id}.json`, text)
}

/** ws3's real text with one change made to the parsed JSON. */
function brokenWs3(change: (def: any) => void): string {
  const def = JSON.parse(ws3Text)
  change(def)
  return JSON.stringify(def, null, 2)
}

function brokenAnna(change: (p: any) => void): string {
  const p = JSON.parse(annaText)
  change(p)
  return JSON.stringify(p, null, 2)
}

/** The DefinitionError thrown by fn; fails the test when fn does not throw one. */
function errorOf(fn: () => unknown): DefinitionError {
  try {
    fn()
  } catch (err) {
    assert.instance(err, DefinitionError)
    return err as DefinitionError
  }
  assert.unreachable('expected a DefinitionError')
  throw new Error('unreachable')
}

function ws3Message(text: string): string {
  return errorOf(() => parseWorkshopDefinition(WS3, text)).message
}

// --- the built-in method ---------------------------------------------------

test('the definitions directory holds exactly ws1 … ws8', () => {
  const files = fs.readdirSync(definitionsDir).filter((f) => f.endsWith('.json')).sort()
  assert.equal(files, Object.keys(EXPECTED_TITLES).map((id) => `${id}.json`))
})

for (const [id, title] of Object.entries(EXPECTED_TITLES)) {
  test(`${id} parses, carries its own id and METHOD.md's title, and its timeboxes fit its duration`, () => {
    const def = loadBuiltin(id)
    assert.is(def.id, id)
    assert.is(def.title.sv, title)
    assert.ok(def.steps.length >= 4 && def.steps.length <= 7, `${id} has ${def.steps.length} steps`)
    const total = def.steps.reduce((sum, step) => sum + step.timebox, 0)
    assert.ok(total <= def.duration, `${id}: steps take ${total} of ${def.duration} minutes`)
    assert.ok(total >= def.duration * 0.9, `${id}: steps take only ${total} of ${def.duration} minutes`)
    for (const step of def.steps) {
      for (const field of ['title', 'instructions', 'facilitatorNote'] as const) {
        assert.is.not(step[field].en, step[field].sv, `${id}/${step.id}.${field} is not translated`)
      }
      for (const kind of step.cardKinds) assert.ok(cardKinds().has(kind))
    }
    for (const template of def.templates) assert.ok(TEMPLATE_IDS.includes(template))
  })
}

test('ws1 places persona, journey and cause-effect; ws3 places inspiration, risk factors and the target picture', () => {
  assert.equal(loadBuiltin('ws1').templates, ['persona', 'journey', 'cause-effect'])
  assert.equal(loadBuiltin('ws3').templates, ['inspiration', 'risk-factors', 'target-picture'])
})

test('ws2 uses the insight and challenge frames and ends with a dot vote on challenges', () => {
  const ws2 = loadBuiltin('ws2')
  const all = ws2.steps.map((s) => s.instructions.sv).join('\n')
  assert.match(all, 'Vi har funnit att')
  assert.match(all, 'Hur skulle vi kunna')
  const insightStep = ws2.steps.find((s) => s.cardKinds.includes('insight'))
  assert.ok(insightStep?.cardKinds.includes('quote'), 'insights are written next to their quotes')
  const vote = ws2.steps.find((s) => s.vote)
  assert.equal(vote?.cardKinds, ['challenge'])
})

test('ws3 brainstorms privately, reveals, votes on ideas and then builds prototypes', () => {
  const steps = loadBuiltin('ws3').steps
  const privateStep = steps.findIndex((s) => s.privateWriting)
  const voteStep = steps.findIndex((s) => s.vote)
  const prototypeStep = steps.findIndex((s) => s.cardKinds.includes('prototype'))
  assert.ok(privateStep >= 0 && privateStep < voteStep && voteStep < prototypeStep)
  assert.equal(steps[privateStep].cardKinds, ['idea'])
  assert.match(steps[prototypeStep].instructions.sv, 'Informationsmaterial till politiker/ledning')
})

test('ws7 role-plays manager, employee and observer; ws8 follows up after six months', () => {
  const rolePlay = loadBuiltin('ws7').steps.find((s) => s.id === 'role-play')
  for (const role of ['chef', 'medarbetare', 'observatör']) assert.match(rolePlay!.instructions.sv, role)
  assert.ok(loadBuiltin('ws8').steps.some((s) => /sex månader/.test(s.title.sv)))
})

test('Anna parses with the fields from METHOD.md', () => {
  assert.equal(parsePersona(ANNA, annaText), {
    id: 'anna',
    name: 'Anna',
    age: 36,
    family: 'sambo och 2 barn',
    home: 'villa utanför Karlstad',
    work: 'sjuksköterska (drivs av att ta hand om och möta människor)',
    interests: 'kreativt arbete, t.ex. pyssel, renovering, fotografi',
    diagnosis: 'utmattningssyndrom',
    situation: 'idag sjukskriven 75 %',
  })
})

// --- broken files: one precise message each ----------------------------------

test('a DefinitionError carries file, path and problem, and its message joins them', () => {
  const err = errorOf(() => parseWorkshopDefinition(WS3, brokenWs3((d) => (d.steps[2].timebox = 'ten'))))
  assert.is(err.file, WS3)
  assert.is(err.path, 'steps[2].timebox')
  assert.is(err.problem, 'expected a number of minutes, got "ten"')
  assert.is(err.message, 'workshops/definitions/ws3.json: steps[2].timebox: expected a number of minutes, got "ten"')
  assert.is(err.name, 'DefinitionError')
})

test('timebox that is not a positive whole number', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[2].timebox = 2.5))),
    `${WS3}: steps[2].timebox: expected a whole number of minutes, got 2.5`,
  )
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[0].timebox = 0))),
    `${WS3}: steps[0].timebox: expected a number of minutes greater than 0, got 0`,
  )
  assert.is(ws3Message(brokenWs3((d) => (d.duration = null))), `${WS3}: duration: expected a number of minutes, got null`)
})

test('a step longer than the whole workshop', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[4].timebox = 500))),
    `${WS3}: steps[4].timebox: 500 minutes is longer than the whole workshop (duration 180)`,
  )
})

test('missing fields', () => {
  assert.is(ws3Message(brokenWs3((d) => delete d.steps[1].title)), `${WS3}: steps[1].title: missing`)
  assert.is(ws3Message(brokenWs3((d) => delete d.title.en)), `${WS3}: title.en: missing`)
  assert.is(ws3Message(brokenWs3((d) => delete d.steps)), `${WS3}: steps: missing`)
  assert.is(ws3Message(brokenWs3((d) => delete d.steps[5].vote)), `${WS3}: steps[5].vote: missing`)
})

test('wrong types', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.title = 'Idégenerering'))),
    `${WS3}: title: expected texts in "sv" and "en", like { "sv": "…", "en": "…" }, got "Idégenerering"`,
  )
  assert.is(ws3Message(brokenWs3((d) => (d.goal.sv = '   '))), `${WS3}: goal.sv: expected a non-empty text, got "   "`)
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[3].vote = 'yes'))),
    `${WS3}: steps[3].vote: expected true or false, got "yes"`,
  )
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[4].cardKinds = 'idea'))),
    `${WS3}: steps[4].cardKinds: expected a list of card kinds, like ["insight", "quote"], got "idea"`,
  )
  assert.is(
    ws3Message(JSON.stringify([JSON.parse(ws3Text)])),
    `${WS3}: (file): expected a workshop definition (an object with id, title, goal, duration, templates and steps), got a list of 1`,
  )
})

test('bad ids', () => {
  const rule =
    'expected an id of lowercase letters a-z, digits and hyphens, starting with a letter or digit, at most 40 characters'
  assert.is(ws3Message(brokenWs3((d) => (d.id = 'WS 3'))), `${WS3}: id: ${rule}, got "WS 3"`)
  assert.is(ws3Message(brokenWs3((d) => (d.steps[0].id = '-målbild'))), `${WS3}: steps[0].id: ${rule}, got "-målbild"`)
  assert.is(ws3Message(brokenWs3((d) => (d.id = 'w'.repeat(41)))), `${WS3}: id: ${rule}, got "${'w'.repeat(40)}…"`)
  assert.is(parseWorkshopDefinition(WS3, brokenWs3((d) => (d.id = 'w'.repeat(40)))).id, 'w'.repeat(40))
})

test('unknown card kind lists the allowed ones', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[4].cardKinds = ['prototype', 'ideas']))),
    `${WS3}: steps[4].cardKinds[1]: unknown card kind "ideas"; allowed are quote, theme, need, insight, challenge, idea, prototype, note, feedback, session, block, scene, role, line, shot, exercise, organisation, activity`,
  )
})

test('unknown template lists the allowed ones', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.templates[0] = 'inspiration-cards'))),
    `${WS3}: templates[0]: unknown template "inspiration-cards"; allowed are persona, journey, target-picture, cause-effect, risk-factors, inspiration, prototype-test, training-plan, storyboard, exercise-cards, plans`,
  )
})

test('a template or card kind listed twice', () => {
  assert.is(
    ws3Message(brokenWs3((d) => d.templates.push('inspiration'))),
    `${WS3}: templates[3]: "inspiration" is listed twice`,
  )
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[2].cardKinds = ['idea', 'theme', 'idea']))),
    `${WS3}: steps[2].cardKinds[2]: "idea" is listed twice`,
  )
})

test('a step that works in another frame names one the workshop has', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[0].frame = { template: 'training-plan' }))),
    `${WS3}: steps[0].frame.template: "training-plan" is not among this workshop's templates (inspiration, risk-factors, target-picture)`,
  )
  assert.is(ws3Message(brokenWs3((d) => (d.steps[3].frame = { step: 'brainstrom' }))), `${WS3}: steps[3].frame.step: no step "brainstrom" in this workshop`)
  assert.is(ws3Message(brokenWs3((d) => (d.steps[3].frame = { step: d.steps[3].id }))), `${WS3}: steps[3].frame.step: a step cannot use its own frame`)
  assert.is(
    ws3Message(
      brokenWs3((d) => {
        d.steps[1].frame = { template: 'inspiration' }
        d.steps[3].frame = { step: d.steps[1].id }
      }),
    ),
    `${WS3}: steps[3].frame.step: step "brainstorm" works in another frame itself; name that frame instead`,
  )
  assert.match(ws3Message(brokenWs3((d) => (d.steps[0].frame = { template: 'persona', step: 'brainstorm' }))), `${WS3}: steps[0].frame`)
  const ok = parseWorkshopDefinition(WS3, brokenWs3((d) => (d.steps[3].frame = { step: 'brainstorm' })))
  assert.equal(ok.steps[3].frame, { step: 'brainstorm' })
})

test('a step pairs with another step that has a frame of its own, once', () => {
  assert.is(ws3Message(brokenWs3((d) => (d.steps[3].pairsWith = 'brainstrom'))), `${WS3}: steps[3].pairsWith: no step "brainstrom" in this workshop`)
  assert.is(ws3Message(brokenWs3((d) => (d.steps[3].pairsWith = d.steps[3].id))), `${WS3}: steps[3].pairsWith: a step cannot pair with itself`)
  assert.is(
    ws3Message(
      brokenWs3((d) => {
        d.steps[2].pairsWith = d.steps[1].id
        d.steps[3].pairsWith = d.steps[1].id
      }),
    ),
    `${WS3}: steps[3].pairsWith: step "brainstorm" already has a frame beside it`,
  )
  const ok = parseWorkshopDefinition(WS3, brokenWs3((d) => (d.steps[3].pairsWith = d.steps[1].id)))
  assert.is(ok.steps[3].pairsWith, 'brainstorm')
})

test('duplicate step id names the earlier step', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[3].id = 'brainstorm'))),
    `${WS3}: steps[3].id: duplicate step id "brainstorm" (steps[1] already uses it)`,
  )
})

test('an extra key is rejected, with a guess when it looks like a typo', () => {
  assert.is(
    ws3Message(
      brokenWs3((d) => {
        d.steps[2].timeBox = d.steps[2].timebox
        delete d.steps[2].timebox
      }),
    ),
    `${WS3}: steps[2].timeBox: unknown field; did you mean "timebox"? allowed fields are id, title, instructions, facilitatorNote, timebox, cardKinds, privateWriting, vote, frame, pairsWith, groups`,
  )
  assert.is(
    ws3Message(brokenWs3((d) => (d.author = 'HR'))),
    `${WS3}: author: unknown field; allowed fields are id, title, goal, duration, templates, steps, carryOver, evaluation`,
  )
  assert.is(
    ws3Message(brokenWs3((d) => (d.title.de = 'Ideen'))),
    `${WS3}: title.de: unknown field; allowed fields are sv, en`,
  )
})

test('empty steps', () => {
  assert.is(ws3Message(brokenWs3((d) => (d.steps = []))), `${WS3}: steps: expected at least one step, got an empty list`)
})

test('private writing or a vote needs a card kind', () => {
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[1].cardKinds = []))),
    `${WS3}: steps[1].cardKinds: a step with private writing needs at least one card kind to write, got an empty list`,
  )
  assert.is(
    ws3Message(brokenWs3((d) => (d.steps[3].cardKinds = []))),
    `${WS3}: steps[3].cardKinds: a step with a vote needs at least one card kind to vote on, got an empty list`,
  )
  // a step without private writing or a vote may use no cards
  assert.equal(parseWorkshopDefinition(WS3, brokenWs3((d) => (d.steps[0].cardKinds = []))).steps[0].cardKinds, [])
})

test('bad JSON: the parser message with line and column', () => {
  const lines = ws3Text.split('\n')
  const durationLine = lines.findIndex((l) => l.includes('"duration": 180,'))
  assert.ok(durationLine > 0)
  const withoutComma = ws3Text.replace('"duration": 180,', '"duration": 180')
  assert.is(
    ws3Message(withoutComma),
    `${WS3}: (file): invalid JSON: Expected ',' or '}' after property value (line ${durationLine + 2}, column 3)`,
  )

  const unquoted = ws3Text.replace('"timebox": 20', '"timebox": ten')
  const offset = unquoted.indexOf('"timebox": ten') + '"timebox": t'.length
  const line = unquoted.slice(0, offset).split('\n').length
  const column = offset - unquoted.lastIndexOf('\n', offset - 1)
  const message = ws3Message(unquoted)
  assert.ok(message.startsWith(`${WS3}: (file): invalid JSON: Unexpected token`), message)
  assert.ok(message.endsWith(`(line ${line}, column ${column})`), message)

  assert.is(ws3Message(''), `${WS3}: (file): invalid JSON: the file is empty`)
  assert.is(
    ws3Message('{\n  "id": "ws3",\n}'),
    `${WS3}: (file): invalid JSON: Expected double-quoted property name (line 3, column 1)`,
  )
})

test('a byte order mark from a Windows editor is accepted', () => {
  assert.is(parseWorkshopDefinition(WS3, '\uFEFF' + ws3Text).id, 'ws3')
})

test('broken persona files', () => {
  const annaMessage = (text: string) => errorOf(() => parsePersona(ANNA, text)).message
  assert.is(
    annaMessage(brokenAnna((p) => (p.age = '36'))),
    `${ANNA}: age: expected an age in whole years between 15 and 100, got "36"`,
  )
  assert.is(
    annaMessage(brokenAnna((p) => (p.age = 360))),
    `${ANNA}: age: expected an age in whole years between 15 and 100, got 360`,
  )
  assert.is(annaMessage(brokenAnna((p) => delete p.situation)), `${ANNA}: situation: missing`)
  assert.is(
    annaMessage(
      brokenAnna((p) => {
        p.diagnos = p.diagnosis
        delete p.diagnosis
      }),
    ),
    `${ANNA}: diagnos: unknown field; did you mean "diagnosis"? allowed fields are id, name, age, family, home, work, interests, diagnosis, situation`,
  )
  assert.is(annaMessage('{ "id": "anna", }'), `${ANNA}: (file): invalid JSON: Expected double-quoted property name (line 1, column 17)`)
})

test.run()
