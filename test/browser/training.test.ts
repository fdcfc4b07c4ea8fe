import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ADMIN_HEADERS, keyOf } from '../helpers/testServer'
import type { Person } from './helpers/browser'
import { browserSuite } from './helpers/suite'
import { signInAsOrganiser } from './helpers/signIn'
import { clickVisible, expectReadable } from './helpers/visible'

const suite = browserSuite(test)
const button = (p: Person, name: string) => p.page.getByRole('button', { name, exact: true })

/** The start of each role's text in the built-in exercise (chefsutbildning.json). */
const ROLE_TEXT = { Chef: 'Du är chef.', Medarbetare: 'Du är medarbetaren.', Observatör: 'Du är observatör.' } as const
type RoleName = keyof typeof ROLE_TEXT

/** The role this person's page shows, after checking its text is theirs alone and readable. */
async function roleOn(p: Person): Promise<RoleName> {
  const card = p.page.getByTestId('my-role')
  await expectReadable(card.getByRole('heading', { name: /^Din roll: / }))
  const heading = await card.getByRole('heading', { name: /^Din roll: / }).innerText()
  const role = heading.replace('Din roll: ', '').trim() as RoleName
  assert.ok(role in ROLE_TEXT, heading)
  const instructions = card.getByTestId('role-instructions')
  await expectReadable(instructions)
  assert.match(await instructions.innerText(), ROLE_TEXT[role])
  // The whole page, not just the card: nobody else's role text reached this browser's page.
  const page = await p.page.locator('body').innerText()
  for (const [other, text] of Object.entries(ROLE_TEXT)) if (other !== role) assert.not.match(page, text, `${p.name} (${role}) sees ${other}'s text`)
  return role
}

test('a facilitator and three managers run a role-play round and swap roles: each sees only their own role, everyone plays each', async () => {
  const res = await fetch(`${suite.server.url}/api/trainings`, {
    method: 'POST',
    headers: { ...ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ training: 'chefsutbildning', title: 'Chefer' }),
  })
  assert.is(res.status, 201)
  const session = ((await res.json()) as { sessions: Array<{ facilitatorUrl: string; participantUrl: string }> }).sessions[1]
  assert.ok(keyOf(session.participantUrl))
  const karin = await suite.person('Karin')
  const managers = await Promise.all(['Ahmed', 'Bea', 'Cecilia'].map((n) => suite.person(n)))
  await Promise.all([karin.join(session.facilitatorUrl), ...managers.map((m) => m.join(session.participantUrl))])

  // Tillfälle 2: the films, the groups, then the role-play.
  await clickVisible(button(karin, 'Starta första steget'))
  await clickVisible(button(karin, 'Nästa steg'))
  await clickVisible(button(karin, 'Nästa steg'))
  const panel = karin.page.getByTestId('groups-panel')
  await expectReadable(panel.getByText('3 deltagare på tavlan'))
  assert.ok(await panel.getByLabel('Rollspel i tre (chef, medarbetare, observatör)').isChecked(), 'the step asks for role-play')
  await clickVisible(panel.getByRole('button', { name: 'Dela in i grupper' }))

  // The facilitator sees the group at a glance; each manager their group, its members and their own role.
  const list = panel.getByTestId('groups-list')
  await expectReadable(list.locator('strong', { hasText: 'Grupp 1' }))
  for (const name of ['Ahmed', 'Bea', 'Cecilia']) await expectReadable(list.getByText(name, { exact: true }))
  await expectReadable(list.getByText('0 lappar'))
  const rounds: Array<Record<string, RoleName>> = []
  const readRound = async () => {
    const roles: Record<string, RoleName> = {}
    for (const m of managers) {
      await expectReadable(m.page.getByTestId('my-group').getByText('Din grupp: Grupp 1'))
      roles[m.name] = await roleOn(m)
    }
    assert.equal(new Set(Object.values(roles)).size, 3, `one of each role: ${JSON.stringify(roles)}`)
    rounds.push(roles)
  }
  await readRound()
  await expectReadable(managers[0].page.getByTestId('my-group').getByText(`${managers[0].name} (du)`))
  // Each manager's view has moved to the group's own frame on the board.
  for (const m of managers) await expectReadable(m.page.locator('.tl-frame-heading').getByText('Grupp 1: Samtalsövningar: Rollspel i tre'))

  for (let round = 2; round <= 3; round++) {
    const before = rounds[rounds.length - 1]
    await clickVisible(panel.getByRole('button', { name: 'Byt roller' }))
    await expectReadable(panel.getByText(`Omgång ${round} av 3`))
    // Wait until every page shows its new role, then read the round.
    for (const m of managers) {
      await m.page.getByTestId('my-role').getByRole('heading', { name: `Din roll: ${before[m.name]}` }).waitFor({ state: 'detached' })
    }
    await readRound()
  }
  for (const m of managers) assert.equal(new Set(rounds.map((r) => r[m.name])).size, 3, `${m.name} played every role`)

  // Alla tillbaka: everyone back together, the roles gone from every page.
  await clickVisible(panel.getByRole('button', { name: 'Alla tillbaka' }))
  for (const m of managers) {
    await expectReadable(m.page.getByText('Alla är tillbaka i helgrupp. Gruppernas lappar ligger kvar i sina ramar.'))
    assert.is(await m.page.getByTestId('my-role').count(), 0)
  }
})

test('an organiser creates the manager training on the start page: both sessions with their links, each opening its workshop', async () => {
  const karin = await suite.person('Karin')
  await signInAsOrganiser(karin, suite.server)
  await clickVisible(button(karin, 'Skapa en utbildning'))
  const form = karin.page.locator('#create-training')
  await form.getByLabel('Namn på utbildningen').fill('Chefer hösten')
  await expectReadable(form.getByText(/^Chefsutbildning om psykisk ohälsa: Tillfälle 1 – Annas resa, Självinsikt \(100 min\)/))
  await clickVisible(form.getByRole('button', { name: 'Skapa utbildning' }))
  const created = karin.page.getByTestId('created-training')
  await expectReadable(created.getByText('Utbildningen är skapad. Varje tillfälle har egna länkar:'))
  await expectReadable(created.getByRole('heading', { name: 'Tillfälle 1' }))
  await expectReadable(created.getByRole('heading', { name: 'Tillfälle 2' }))
  await clickVisible(created.getByRole('link', { name: 'Öppna Tillfälle 2' }))
  await expectReadable(karin.page.getByRole('heading', { name: 'Chefer hösten – Tillfälle 2' }))
})

test.run()
