import fs from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readBoard } from '../../workshops/chain/board'
import { buildTrainingPlan } from '../../workshops/chain/trainingPlan'
import { DefinitionError } from '../../workshops/method/dataFile'
import { parseWorkshopDefinition } from '../../workshops/method/parseDefinition'
import { exercisesFromCards, trainingFromPlan } from '../../workshops/training/fromTrainingPlan'
import { checkTraining, parseTraining } from '../../workshops/training/parseTraining'
import { exerciseOfStep, parseSessionMethodId, sessionDefinition, sessionMethodId } from '../../workshops/training/sessionDefinition'
import { moveMember, placeOf, roleOf, splitIntoGroups, type GroupsState } from '../../workshops/groups/groups'
import { ROLES } from '../../workshops/training/types'
import { makeRandom } from '../helpers/seededRandom'
import { card, frame } from './helpers/boardRecords'

const FILE = 'workshops/trainings/chefsutbildning.json'
const text = fs.readFileSync(new URL('../../workshops/trainings/chefsutbildning.json', import.meta.url), 'utf8')
const builtin = () => parseTraining(FILE, text)

function broken(change: (t: any) => void): string {
  const t = JSON.parse(text)
  change(t)
  return JSON.stringify(t)
}

function problem(fileText: string): { path: string; problem: string } {
  try {
    parseTraining(FILE, fileText)
  } catch (error) {
    if (error instanceof DefinitionError) {
      assert.is(error.file, FILE)
      return { path: error.path, problem: error.problem }
    }
    throw error
  }
  throw new Error('expected a DefinitionError')
}

test('the built-in manager training: two sessions, the four blocks of the source, role-play and the evaluation at the end', () => {
  const t = builtin()
  assert.is(t.title.sv, 'Chefsutbildning om psykisk ohälsa')
  assert.equal(t.sessions.map((s) => s.blocks.map((b) => b.title.sv)), [['Annas resa', 'Självinsikt'], ['Filmer om chefens roll', 'Samtalsövningar']])
  assert.equal(t.sessions.map((s) => s.blocks.map((b) => b.type)), [['film', 'reflection'], ['film', 'exercise']])
  const [one, two] = t.sessions.map((s) => sessionDefinition(t, s))
  assert.is(one.id, 'chefsutbildning--tillfalle-1')
  assert.equal(parseSessionMethodId(one.id), { trainingId: 'chefsutbildning', sessionId: 'tillfalle-1' })
  assert.is(parseSessionMethodId('ws1'), null)
  assert.is(one.steps[0].title.sv, 'Annas resa: Filmen om Anna')
  assert.ok(one.steps.some((s) => s.privateWriting), 'Självinsikt is private writing')
  assert.equal(one.steps.find((s) => s.id === 'anna-groups')?.groups, { size: 4, roles: false })
  assert.equal(two.steps.find((s) => s.id === 'role-play')?.groups, { size: 3, roles: true })
  assert.is(two.evaluation?.step, 'evaluation')
  assert.is(two.steps[two.steps.length - 1].id, 'evaluation', 'the session ends with the evaluation')
  // The generated definition is an ordinary one, and carries no role text to the browsers.
  parseWorkshopDefinition('generated.json', JSON.stringify(two))
  assert.not.match(JSON.stringify(two), 'Du är medarbetaren')
  assert.ok(!('exercise' in two.steps.find((s) => s.id === 'role-play')!))
  const exercise = exerciseOfStep(t, 'tillfalle-2', 'role-play')
  assert.match(exercise!.roles.employee.sv, 'Du är medarbetaren')
  assert.is(exerciseOfStep(t, 'tillfalle-2', 'role-films'), undefined)
  assert.is(sessionMethodId('a', 'b'), 'a--b')
})

test('a broken training file names the file, the field and the problem', () => {
  assert.equal(problem('{'), { path: '(file)', problem: problem('{').problem })
  assert.equal(problem(broken((t) => delete t.sessions)), { path: 'sessions', problem: 'missing' })
  assert.equal(problem(broken((t) => (t.sessions[0].blocks[0].type = 'movie'))).path, 'sessions[0].blocks[0].type')
  assert.match(problem(broken((t) => (t.sessions[0].blocks[0].type = 'movie'))).problem, 'allowed are film, reflection')
  assert.equal(problem(broken((t) => (t.sessions[0].blocks[0].steps[1].timebox = 600))), {
    path: 'sessions[0].blocks[0].steps[1].timebox',
    problem: '600 minutes is longer than the block (minutes 60)',
  })
  assert.equal(problem(broken((t) => (t.sessions[1].blocks[1].steps[0].exercise = 'nope'))).path, 'sessions[1].blocks[1].steps[0].exercise')
  assert.match(problem(broken((t) => delete t.sessions[1].blocks[1].steps[0].exercise)).problem, 'names the exercise')
  assert.match(problem(broken((t) => (t.sessions[1].blocks[1].steps[0].groups.size = 4))).problem, 'role-play is in threes')
  assert.equal(problem(broken((t) => (t.sessions[0].blocks[1].steps[0].id = 'anna-film'))).path, 'sessions[0].blocks[1].steps[0].id')
  assert.equal(problem(broken((t) => (t.sessions[0].blocks[0].steps[0].cardKinds = ['nope']))).path, 'sessions[0].blocks[0].steps[0].cardKinds[0]')
  assert.match(problem(broken((t) => ((t.exercises[0].roles.observr = t.exercises[0].roles.observer), delete t.exercises[0].roles.observer))).problem, 'did you mean "observer"')
  assert.equal(problem(broken((t) => (t.sessions[1].evaluation.step = 'nope'))).path, 'sessions[1].evaluation.step')
})

test('Skapa utbildning från WS5: each session card with blocks becomes a session, each block the steps its type calls for', () => {
  const ws5 = [
    frame('plan', 'Utbildningsplan', { w: 1400, h: 1400 }),
    card('s2', 'session', 'Tillfälle 2', { parent: 'plan', x: 700, y: 100, fields: { minutes: 90 } }),
    card('s1', 'session', 'Tillfälle 1', { parent: 'plan', x: 40, y: 110, fields: { minutes: 60 } }),
    card('b1', 'block', 'Annas resa', { parent: 'plan', x: 40, y: 300, fields: { type: 'film', minutes: 40, material: 'Filmen' } }),
    card('b2', 'block', 'Självinsikt', { parent: 'plan', x: 40, y: 520, fields: { type: 'reflection', minutes: 30 } }),
    card('b3', 'block', 'Filmer om chefens roll', { parent: 'plan', x: 700, y: 300, fields: { type: 'film', minutes: 45 } }),
    card('b4', 'block', 'Samtalsövningar', { parent: 'plan', x: 700, y: 520, fields: { type: 'exercise' } }),
    card('s3', 'session', 'Tom', { x: 0, y: 3000 }),
  ]
  const exercises = exercisesFromCards([
    { card: null as never, title: 'Drar sig undan', situation: 'Hen är tyst', told: { manager: 'Fråga', employee: 'Svara undvikande', observer: 'Anteckna' }, questions: ['Hur har du det?'] },
    { card: null as never, title: 'Halv', situation: '', told: { manager: '', employee: '', observer: '' }, questions: [] },
  ])
  assert.is(exercises.length, 1, 'an exercise card without its roles is left out')
  const t = checkTraining('(ws5)', trainingFromPlan(buildTrainingPlan(readBoard(ws5)), { id: 'ws5-abc', title: 'Vår utbildning', exercises }))
  assert.equal(t.sessions.map((s) => s.title.sv), ['Tillfälle 1', 'Tillfälle 2'], 'a session card without blocks is left out')
  assert.equal(t.sessions[0].blocks.map((b) => b.steps.map((s) => s.id)), [['b1-film', 'b1-groups'], ['b2-reflect', 'b2-share']])
  assert.equal(t.sessions[0].blocks[0].minutes, 40)
  assert.is(t.sessions[1].blocks[1].minutes, 30, 'a block without minutes gets 30')
  const rolePlay = t.sessions[1].blocks[1].steps[0]
  assert.equal([rolePlay.groups, rolePlay.exercise], [{ size: 3, roles: true }, 'exercise-1'])
  assert.is(t.sessions[1].evaluation?.step, 'evaluation')
  const def = sessionDefinition(t, t.sessions[1])
  assert.is(def.steps[def.steps.length - 1].id, 'evaluation')
  assert.ok(t.sessions[0].blocks[1].steps[0].privateWriting)
  // Without an exercise to play, role-play is run as a discussion in groups.
  const none = trainingFromPlan(buildTrainingPlan(readBoard(ws5)), { id: 'ws5-x', title: 'X', exercises: [] })
  assert.equal(none.sessions[1].blocks[1].steps[0].groups, { size: 4, roles: false })
  assert.throws(() => trainingFromPlan(buildTrainingPlan(readBoard([])), { id: 'ws5-y', title: 'Y', exercises }), /no session card/)
})

const people = (n: number, field?: (i: number) => string) => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, field: field?.(i) }))

test('splitting: sizes within one of each other, everyone once, random but repeatable with a seed', () => {
  for (const [n, size] of [[24, 4], [10, 4], [7, 3], [60, 5], [3, 4], [1, 4]] as const) {
    const groups = splitIntoGroups(people(n), size, { roles: false, byField: false, random: makeRandom(n) })
    const sizes = groups.map((g) => g.length)
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${n} by ${size}: ${sizes}`)
    assert.ok(Math.max(...sizes) <= size)
    assert.equal(groups.flat().sort(), people(n).map((p) => p.id).sort())
  }
  assert.is(splitIntoGroups(people(24), 4, { roles: false, byField: false, random: makeRandom(1) }).length, 6)
  assert.equal(splitIntoGroups([], 4, { roles: false, byField: false, random: Math.random }), [])
  // Role-play: every group has at least three, a fourth is a second observer.
  const threes = splitIntoGroups(people(10), 3, { roles: true, byField: false, random: makeRandom(2) })
  assert.equal(threes.map((g) => g.length).sort(), [3, 3, 4])
  const a = splitIntoGroups(people(12), 4, { roles: false, byField: false, random: makeRandom(7) })
  const b = splitIntoGroups(people(12), 4, { roles: false, byField: false, random: makeRandom(8) })
  assert.not.equal(a, b, 'a different seed mixes differently')
})

test('splitting by field: people with the same value are together, in groups within one of each other', () => {
  const orgs = ['Karlstad', 'karlstad ', 'Torsby', 'Försäkringskassan']
  const list = people(22, (i) => (i < 12 ? orgs[i % 2] : i < 18 ? orgs[2] : orgs[3]))
  const groups = splitIntoGroups(list, 4, { roles: false, byField: true, random: makeRandom(3) })
  const org = (id: string) => list.find((p) => p.id === id)!.field!.trim().toLowerCase()
  for (const g of groups) assert.is(new Set(g.map(org)).size, 1, `one organisation per group: ${g.map(org)}`)
  assert.equal(groups.map((g) => g.length), [4, 4, 4, 4, 3, 3], 'Försäkringskassan 4, Karlstad 12, Torsby 6')
})

test('moving a person: out of one group, into another; a late joiner is added; an unknown group changes nothing', () => {
  const groups = [
    { id: 'g1', members: ['a', 'b'], frameId: 'f1' },
    { id: 'g2', members: ['c'], frameId: 'f2' },
  ]
  assert.equal(moveMember(groups, 'a', 'g2').map((g) => g.members), [['b'], ['c', 'a']])
  assert.equal(moveMember(groups, 'late', 'g1').map((g) => g.members), [['a', 'b', 'late'], ['c']])
  assert.equal(moveMember(groups, 'a', 'g9').map((g) => g.members), [['a', 'b'], ['c']])
  assert.equal(groups[0].members, ['a', 'b'], 'the input is not changed')
})

test('role rotation: over three rounds everyone plays chef, medarbetare and observatör; one of each per round', () => {
  for (const size of [3, 4]) {
    const seen = Array.from({ length: size }, () => new Set<string>())
    for (let round = 0; round < 3; round++) {
      const roles = Array.from({ length: size }, (_, i) => roleOf(i, round))
      assert.equal(new Set(roles.slice(0, 3)).size, 3, `round ${round}: three different roles`)
      roles.forEach((r, i) => seen[i].add(r))
    }
    for (const s of seen) assert.equal([...s].sort(), [...ROLES].sort())
  }
  const state: GroupsState = { id: 'x', stepId: 'role-play', roles: true, round: 1, groups: [{ id: 'g1', members: ['a', 'b', 'c'], frameId: 'f' }], message: null, endedAt: null, plenaryFrameId: null }
  assert.equal(placeOf(state, 'a')?.role, 'employee')
  assert.is(placeOf(state, 'zz'), null)
  assert.is(placeOf({ ...state, endedAt: 1 }, 'a'), null, 'after Alla tillbaka nobody is in a group')
})

test.run()
