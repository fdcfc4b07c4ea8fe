import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CLOSE_WRITE_REFUSED } from '../../workshops/doc/wire'
import { boardRecordStore } from '../../workshops/doc/boardDoc'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'

let server: TestServer
const clients: YClient[] = []
const client = (room: string, key: string) => {
  const c = connectClient(server.wsUrl, room, key, { reconnect: false })
  clients.push(c)
  return c
}
test.before(async () => {
  server = await startTestServer()
})
test.after.each(() => {
  for (const c of clients.splice(0)) c.destroy()
})
test.after(async () => {
  await server.close({ removeData: true })
})

const STEP_FRAME = 'shape:step-write-insights'
const PERSONA_FRAME = 'shape:tpl-persona'

async function setup() {
  const w = await server.createWorkshop({ method: 'ws2' })
  const facilitator = client(w.id, w.facilitatorKey)
  const participant = client(w.id, w.participantKey)
  await Promise.all([waitForSync(facilitator), waitForSync(participant)])
  const fkv = boardRecordStore(facilitator.doc)
  const pkv = boardRecordStore(participant.doc)
  // The facilitator locks a step frame, as tldraw's Lock action does.
  fkv.set(STEP_FRAME, { ...(fkv.get(STEP_FRAME) as TLRecord), isLocked: true } as TLRecord)
  await waitFor(() => (pkv.get(STEP_FRAME) as { isLocked?: boolean } | undefined)?.isLocked === true, 'lock reaches the participant')
  return { w, facilitator, participant, fkv, pkv }
}

const refusals: Array<[string, (pkv: ReturnType<typeof boardRecordStore>) => void, string]> = [
  ['unlock a locked frame', (pkv) => pkv.set(STEP_FRAME, { ...(pkv.get(STEP_FRAME) as TLRecord), isLocked: false } as TLRecord), STEP_FRAME],
  ['move a locked frame', (pkv) => pkv.set(STEP_FRAME, { ...(pkv.get(STEP_FRAME) as TLRecord), x: 9999 } as TLRecord), STEP_FRAME],
  ['delete a locked frame', (pkv) => pkv.delete(STEP_FRAME), STEP_FRAME],
  ['edit a card inside the locked persona frame', (pkv) => {
    const card = [...pkv.map.values()].map((e) => e.val).find((r): r is TLShape => r.typeName === 'shape' && r.parentId === PERSONA_FRAME)!
    pkv.set(card.id, { ...card, x: card.x + 500 } as TLRecord)
  }, PERSONA_FRAME],
  ['lock a frame', (pkv) => pkv.set('shape:step-sharpen-insights', { ...(pkv.get('shape:step-sharpen-insights') as TLRecord), isLocked: true } as TLRecord), 'shape:step-sharpen-insights'],
]

for (const [what, write, watchedId] of refusals) {
  test(`a participant cannot ${what}: the server refuses it and nobody sees it`, async () => {
    const { w, participant, fkv, pkv } = await setup()
    const before = JSON.stringify([...fkv.map.values()].map((e) => e.val).filter((r) => r.id === watchedId || (r as { parentId?: string }).parentId === watchedId))
    write(pkv)
    await waitFor(() => participant.closes.includes(CLOSE_WRITE_REFUSED), 'the participant is closed with 4409')
    await new Promise((r) => setTimeout(r, 150))
    const after = JSON.stringify([...fkv.map.values()].map((e) => e.val).filter((r) => r.id === watchedId || (r as { parentId?: string }).parentId === watchedId))
    assert.is(after, before, 'the facilitator sees no change')
    const fresh = client(w.id, w.participantKey)
    await waitForSync(fresh)
    const freshKv = boardRecordStore(fresh.doc)
    const stored = JSON.stringify([...freshKv.map.values()].map((e) => e.val).filter((r) => r.id === watchedId || (r as { parentId?: string }).parentId === watchedId))
    assert.is(stored, before, 'the server did not store it')
  })
}

test('a participant still edits unlocked cards and frames freely', async () => {
  const { facilitator, participant, fkv, pkv } = await setup()
  const frame = pkv.get('shape:step-sharpen-insights') as TLShape
  pkv.set(frame.id, { ...frame, x: frame.x + 10 } as TLRecord)
  await waitFor(() => (fkv.get(frame.id) as { x: number }).x === (frame as { x: number }).x + 10, 'unlocked frame moved for the facilitator')
  assert.equal(participant.closes, [])
  assert.ok(facilitator.provider.wsconnected)
})

test.run()
