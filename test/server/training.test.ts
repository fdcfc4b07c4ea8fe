import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readGroups } from '../../workshops/groups/groupsDoc'
import type { GroupsState } from '../../workshops/groups/groups'
import { CONTROL_GROUPS } from '../../workshops/facilitation/controlLayout'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { writeCard } from '../helpers/boardEdits'
import { ADMIN_HEADERS, keyOf, startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

let server: TestServer

test.before(async () => {
  server = await startTestServer()
})
test.after(async () => {
  await server.close({ removeData: true })
})

const json = { 'content-type': 'application/json' }

async function post(path: string, body: unknown, headers: Record<string, string> = ADMIN_HEADERS) {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as any }
}

async function createTraining(body: Record<string, unknown> = { training: 'chefsutbildning', title: 'Chefer våren 2027' }) {
  const res = await post('/api/trainings', body)
  assert.is(res.status, 201, JSON.stringify(res.body))
  return res.body as { id: string; sessions: Array<{ id: string; facilitatorUrl: string; participantUrl: string }> }
}

interface Person {
  board: YClient
  control: YClient
  userId: string
  seat: string
}

async function join(workshopId: string, key: string, userId: string, name: string): Promise<Person> {
  const board = connectClient(server.wsUrl, workshopId, key, { notices: true })
  const control = connectClient(server.wsUrl, `${workshopId}/control`, key)
  board.provider.awareness.setLocalStateField('user', { id: userId, name, color: '#1864ab', role: 'participant' })
  await waitForSync(board)
  await waitForSync(control)
  await waitFor(() => board.notices.some((n) => n.type === 'seat'), 'a seat')
  const seat = (board.notices.find((n) => n.type === 'seat') as { seat: string }).seat
  return { board, control, userId, seat }
}

const groupsOf = (p: Person): GroupsState | null => readGroups(p.control.doc)

async function mine(workshopId: string, key: string, seat: string) {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/groups/mine?key=${key}&seat=${encodeURIComponent(seat)}`)
  return { status: res.status, body: (await res.json()) as any }
}

test('the trainings: listed without any role text; an organiser creates both sessions as workshops', async () => {
  const list = (await (await fetch(`${server.url}/api/trainings`)).json()) as any[]
  const t = list.find((x) => x.id === 'chefsutbildning')
  assert.is(t.title.sv, 'Chefsutbildning om psykisk ohälsa')
  assert.equal(t.sessions.map((s: any) => s.blocks.map((b: any) => b.title.sv)), [['Annas resa', 'Självinsikt'], ['Filmer om chefens roll', 'Samtalsövningar']])
  assert.not.match(JSON.stringify(list), 'Du är medarbetaren', 'role texts are not listed')

  assert.is((await post('/api/trainings', { training: 'chefsutbildning', title: 'X' }, {})).status, 401, 'an organiser only')
  assert.is((await post('/api/trainings', { training: 'nope', title: 'X' })).status, 400)
  assert.is((await post('/api/trainings', { training: 'chefsutbildning', title: 'x'.repeat(201) })).status, 400)
  assert.is((await post('/api/trainings', { training: 'chefsutbildning', title: 'X', extra: 1 })).status, 400)

  const created = await createTraining()
  assert.is(created.id, 'chefsutbildning')
  assert.is(created.sessions.length, 2)
  const [one, two] = created.sessions
  const info = (await (await fetch(`${server.url}/api/workshops/${two.id}?key=${keyOf(two.participantUrl)}`)).json()) as any
  assert.is(info.title, 'Chefer våren 2027 – Tillfälle 2')
  assert.equal(info.definition.steps.map((s: any) => s.id), ['role-films', 'role-groups', 'role-play', 'exercise-together', 'evaluation'])
  assert.equal(info.definition.steps[2].groups, { size: 3, roles: true })
  assert.not.match(JSON.stringify(info), 'Du är medarbetaren', 'the definition the browsers get has no role text')
  assert.is(info.definition.evaluation.step, 'evaluation')
  const first = (await (await fetch(`${server.url}/api/workshops/${one.id}?key=${keyOf(one.facilitatorUrl)}`)).json()) as any
  assert.is(first.role, 'facilitator')
  assert.ok(first.definition.steps.some((s: any) => s.privateWriting))
})

test('Skapa utbildning från WS5: the plan on a WS5 board becomes sessions; only from WS5, only for its facilitator', async () => {
  const ws5 = await server.createWorkshop({ method: 'ws5', title: 'Konkretisering' })
  const client = connectClient(server.wsUrl, ws5.id, ws5.facilitatorKey)
  await waitForSync(client)
  writeCard(client.doc, 'shape:s1', 'Tillfälle 1', { kind: 'session', parent: 'shape:tpl-training-plan', x: 20, y: 20 })
  writeCard(client.doc, 'shape:b1', 'Annas resa', { kind: 'block', parent: 'shape:tpl-training-plan', x: 20, y: 200 })
  // The server reads the board it holds: wait until it has the cards.
  await waitFor(() => server.app.sync.withDoc(ws5.id, 'board', readBoardRecords).some((r) => r.id === 'shape:b1'), 'the cards on the server')
  assert.is((await post('/api/trainings', { fromWorkshop: ws5.id, title: 'Vår' }, {})).status, 401)
  const made = await createTraining({ fromWorkshop: ws5.id, title: 'Vår utbildning' })
  assert.match(made.id, /^ws5-/)
  assert.is(made.sessions.length, 1)
  const info = (await (await fetch(`${server.url}/api/workshops/${made.sessions[0].id}?key=${keyOf(made.sessions[0].facilitatorUrl)}`)).json()) as any
  assert.equal(info.definition.steps.map((s: any) => s.id), ['b1-groups', 'b1-together', 'evaluation'], 'a block without a type is a discussion')
  const ws2 = await server.createWorkshop({ method: 'ws2' })
  assert.is((await post('/api/trainings', { fromWorkshop: ws2.id, title: 'X' })).status, 400)
  assert.is((await post('/api/trainings', { training: made.id, title: 'X' })).status, 400, 'a made training is not created again by id')
  client.destroy()
})

test('24 participants split into groups of 4: frames of their own, each asks for their own place only; participants cannot split, write the groups or move people', async () => {
  const { sessions } = await createTraining()
  const { id } = sessions[0]
  const fKey = keyOf(sessions[0].facilitatorUrl)
  const pKey = keyOf(sessions[0].participantUrl)
  const people: Person[] = []
  for (let i = 0; i < 24; i++) people.push(await join(id, pKey, `user-${String(i).padStart(2, '0')}-${'x'.repeat(20)}`, `Chef ${i}`))
  await waitFor(() => server.app.sync.boardPresence(id).filter((c) => c.states.length > 0).length === 24, 'everyone present on the server')

  assert.is((await post(`/api/workshops/${id}/groups?key=${pKey}`, { size: 4 }, {})).status, 403, 'a participant cannot split')
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { size: 13 }, {})).status, 400)
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { size: 4, step: 'nope' }, {})).status, 400)
  const split = await post(`/api/workshops/${id}/groups?key=${fKey}`, { size: 4, step: 'anna-groups' }, {})
  assert.is(split.status, 200, JSON.stringify(split.body))
  const groups = split.body.groups as Array<{ id: string; members: string[]; frameId: string }>
  assert.equal(groups.map((g) => g.members.length), [4, 4, 4, 4, 4, 4])
  assert.equal(groups.flatMap((g) => g.members).sort(), people.map((p) => p.userId).sort())

  // Everyone's control document shows the groups, and every board has each group's frame with the question.
  await waitFor(() => people.every((p) => groupsOf(p)?.id === split.body.id), 'the groups on every client')
  await waitFor(() => people.every((p) => groups.every((g) => readBoardRecords(p.board.doc).some((r) => r.id === g.frameId))), 'the frames on every board')
  const frame = readBoardRecords(people[0].board.doc).find((r) => r.id === groups[0].frameId) as any
  assert.match(frame.props.name, /^Grupp 1: Annas resa: Samtal i små grupper$/)
  assert.ok(readBoardRecords(people[0].board.doc).some((r: any) => r.parentId === groups[0].frameId && r.type === 'text'), 'the question in the frame')

  // Each one's own place, from their own seat; no roles in a discussion.
  for (const p of people) {
    const { status, body } = await mine(id, pKey, p.seat)
    assert.is(status, 200)
    assert.ok(body.group.members.includes(p.userId), 'in their own group')
    assert.is(body.role, null)
  }
  assert.is((await mine(id, pKey, 'made.up')).status, 403, 'a made-up seat gets nothing')
  assert.is((await fetch(`${server.url}/api/workshops/${id}/groups/mine?seat=${people[0].seat}`)).status, 403, 'no key, nothing')

  // A participant's write to the groups root is taken back; a later permitted write (by the server) is the barrier.
  const mover = people[1]
  mover.control.doc.getMap(CONTROL_GROUPS).set('current', { ...groupsOf(mover), groups: [] })
  assert.is((await post(`/api/workshops/${id}/groups?key=${pKey}`, { action: 'move', userId: mover.userId, to: 'g1' }, {})).status, 403, 'a participant cannot move people')
  const message = await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'message', text: 'Två minuter kvar' }, {})
  assert.is(message.status, 200)
  // Everyone else gets the message, and the groups as the server made them: the participant's write reached nobody.
  const others = people.filter((p) => p !== mover)
  await waitFor(() => others.every((p) => groupsOf(p)?.message?.text === 'Två minuter kvar'), 'the message')
  for (const p of others) assert.equal(groupsOf(p)!.groups.map((g) => g.members.length), [4, 4, 4, 4, 4, 4])
  assert.equal(server.app.sync.withDoc(id, 'control', readGroups)!.groups.map((g) => g.members.length), [4, 4, 4, 4, 4, 4], 'the server kept its own groups')
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'message', text: 'x'.repeat(281) }, {})).status, 400)

  // The facilitator moves someone; the cards each group writes stay through Alla tillbaka.
  const someone = groups[0].members[0]
  const moved = await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'move', userId: someone, to: 'g2' }, {})
  assert.equal(moved.body.groups.map((g: any) => g.members.length), [3, 5, 4, 4, 4, 4])
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'move', userId: someone, to: 'g9' }, {})).status, 400)
  assert.is((await mine(id, pKey, people.find((p) => p.userId === someone)!.seat)).body.group.id, 'g2')
  const written: string[] = []
  people.forEach((p, i) => {
    const group = moved.body.groups.find((g: any) => g.members.includes(p.userId))
    const cardId = `shape:card-${i}`
    writeCard(p.board.doc, cardId, `Tanke ${i}`, { parent: group.frameId, x: 40, y: 120 })
    written.push(cardId)
  })
  await waitFor(() => people.every((p) => written.every((c) => readBoardRecords(p.board.doc).some((r) => r.id === c))), 'every card on every board')
  const ended = await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'end' }, {})
  assert.ok(ended.body.endedAt > 0)
  assert.is(ended.body.plenaryFrameId, 'shape:step-anna-groups')
  await waitFor(() => others.every((p) => groupsOf(p)?.endedAt !== null), 'everyone back')
  const after = server.app.sync.withDoc(id, 'board', readBoardRecords)
  for (const c of written) assert.ok(after.some((r) => r.id === c), `${c} kept`)
  assert.is((await mine(id, pKey, people[0].seat)).body.group, null, 'after Alla tillbaka nobody is in a group')
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'rotate' }, {})).status, 409)
  // The session's report holds what each group wrote.
  const report = await (await fetch(`${server.url}/api/workshops/${id}/export/report.md?key=${fKey}`)).text()
  assert.match(report, '## Vad grupperna skrev')
  assert.match(report, '### Grupp 2: Annas resa: Samtal i små grupper')
  for (let i = 0; i < 24; i++) assert.match(report, `- Tanke ${i}\n`)
  assert.match(report, 'Chefsutbildning om psykisk ohälsa – Tillfälle 1')
  assert.not.match(report, 'CHEFSUTBILDNING--')
  for (const p of people) {
    p.board.destroy()
    p.control.destroy()
  }
})

test('role-play in threes: each gets only their own role\'s text; Byt roller rotates; someone copying another\'s user id gets nothing', async () => {
  const { sessions } = await createTraining()
  const { id } = sessions[1]
  const fKey = keyOf(sessions[1].facilitatorUrl)
  const pKey = keyOf(sessions[1].participantUrl)
  const people: Person[] = []
  for (let i = 0; i < 6; i++) people.push(await join(id, pKey, `rp-user-${i}-${'y'.repeat(20)}`, `Chef ${i}`))
  await waitFor(() => server.app.sync.boardPresence(id).filter((c) => c.states.length > 0).length === 6, 'everyone present')
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { size: 4, roles: true }, {})).status, 400, 'role-play is in threes')
  const split = await post(`/api/workshops/${id}/groups?key=${fKey}`, { size: 3, roles: true, step: 'role-play' }, {})
  assert.equal(split.body.groups.map((g: any) => g.members.length), [3, 3])

  const texts = { manager: 'Du är chef.', employee: 'Du är medarbetaren.', observer: 'Du är observatör.' } as const
  const rolesIn = async () => {
    const roles = new Map<string, string>()
    for (const p of people) {
      const { body } = await mine(id, pKey, p.seat)
      roles.set(p.userId, body.role)
      assert.match(body.exercise.instructions.sv, texts[body.role as keyof typeof texts])
      const others = Object.entries(texts).filter(([role]) => role !== body.role)
      for (const [, text] of others) assert.not.match(JSON.stringify(body), text, 'no other role\'s text')
      assert.match(body.exercise.situation.sv, 'dra sig undan')
    }
    return roles
  }
  const round1 = await rolesIn()
  for (const g of split.body.groups) assert.equal(new Set(g.members.map((m: string) => round1.get(m))).size, 3, 'one of each role per group')
  await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'rotate' }, {})
  const round2 = await rolesIn()
  await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'rotate' }, {})
  const round3 = await rolesIn()
  for (const p of people) assert.equal(new Set([round1, round2, round3].map((r) => r.get(p.userId))).size, 3, 'every role over three rounds')

  // Someone who joins afterwards and claims the first person's user id in their presence learns nothing.
  const copycat = await join(id, pKey, people[0].userId, 'Inte Chef 0')
  const copy = await mine(id, pKey, copycat.seat)
  assert.equal(copy.body, { group: null, role: null, exercise: null })
  assert.ok((await mine(id, pKey, people[0].seat)).body.role, 'the real one still has theirs')
  for (const p of [...people, copycat]) {
    p.board.destroy()
    p.control.destroy()
  }
})

test('split by the organisation each one gave: the same organisation together; a late joiner is moved in', async () => {
  const { sessions } = await createTraining()
  const { id } = sessions[0]
  const fKey = keyOf(sessions[0].facilitatorUrl)
  const pKey = keyOf(sessions[0].participantUrl)
  const orgs = ['Karlstad', 'Karlstad', 'Karlstad', 'Torsby', 'Torsby', 'Torsby', 'Arvika', 'Arvika']
  const people: Person[] = []
  for (const [i, org] of orgs.entries()) {
    const p = await join(id, pKey, `org-user-${i}-${'z'.repeat(20)}`, `Chef ${i}`)
    p.board.provider.awareness.setLocalStateField('joinFields', { organisation: org })
    people.push(p)
  }
  const orgOf = new Map(people.map((p, i) => [p.userId, orgs[i]]))
  await waitFor(() => server.app.sync.boardPresence(id).filter((c) => c.states.some((st: any) => st?.joinFields?.organisation)).length === 8, 'everyone\'s organisation on the server')
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { size: 4, by: 'Org Name!' }, {})).status, 400)
  const split = await post(`/api/workshops/${id}/groups?key=${fKey}`, { size: 4, by: 'organisation', step: 'anna-groups' }, {})
  assert.is(split.status, 200)
  for (const g of split.body.groups) assert.is(new Set(g.members.map((m: string) => orgOf.get(m))).size, 1, 'one organisation per group')
  assert.equal(split.body.groups.map((g: any) => g.members.length), [2, 3, 3], 'Arvika, Karlstad, Torsby')
  const late = await join(id, pKey, `late-user-${'w'.repeat(20)}`, 'Sen')
  await waitFor(() => server.app.sync.boardPresence(id).some((c) => c.states.some((st: any) => st?.user?.id === late.userId)), 'the late one present')
  assert.is((await mine(id, pKey, late.seat)).body.group, null, 'not in a group yet')
  const moved = await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'move', userId: late.userId, to: 'g1' }, {})
  assert.equal(moved.body.groups[0].members.length, 3)
  assert.is((await mine(id, pKey, late.seat)).body.group.id, 'g1')
  assert.is((await post(`/api/workshops/${id}/groups?key=${fKey}`, { action: 'move', userId: 'nobody-here', to: 'g1' }, {})).status, 400)
  for (const p of [...people, late]) {
    p.board.destroy()
    p.control.destroy()
  }
})

test.run()
