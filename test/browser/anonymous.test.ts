import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'
import { browserSuite } from './helpers/suite'

const suite = browserSuite(test)

/** What a script on the participant link sees of the people in a workshop. */
function usersIn(c: YClient): Array<{ id?: string; name?: string }> {
  return [...c.provider.awareness.getStates().values()].map((s) => (s as { user?: { id?: string; name?: string } }).user ?? {}).filter((u) => u.id)
}

test('one browser is a different, nameless person in each anonymous workshop: nobody can link them', async () => {
  const a = await suite.server.createWorkshop({ method: 'ws2', anonymous: true })
  const b = await suite.server.createWorkshop({ method: 'ws2', anonymous: true })
  const named = await suite.server.createWorkshop({ method: 'ws2' })
  const watchers = [a, b, named].map((w) => connectClient(suite.server.wsUrl, w.id, w.participantKey))
  await Promise.all(watchers.map((c) => waitForSync(c)))
  const eva = await suite.person('Eva Lind')
  // The same browser (one context: one localStorage) goes to all three.
  await eva.join(named.participantUrl)
  await waitFor(() => usersIn(watchers[2]).length === 1, 'Eva in the named workshop')
  const [inNamed] = usersIn(watchers[2])
  await eva.page.goto(b.participantUrl)
  await eva.waitForBoard()
  await waitFor(() => usersIn(watchers[1]).length === 1, 'Eva in workshop B')
  const [inB] = usersIn(watchers[1])
  assert.is(inNamed.name, 'Eva Lind', 'a named workshop shows her name')
  assert.is(inB.name, '', 'an anonymous workshop gets no name from her browser')
  assert.is.not(inB.id, inNamed.id, 'her id in one workshop says nothing of her in another')
  // Back in workshop A: her id there is not B's either.
  await eva.page.goto(a.participantUrl)
  await eva.waitForBoard()
  await waitFor(() => usersIn(watchers[0]).length === 1, 'Eva in workshop A')
  const [inA] = usersIn(watchers[0])
  assert.is.not(inA.id, inB.id)
  assert.is.not(inA.id, inNamed.id)
  for (const c of watchers) c.destroy()
})

test.run()
