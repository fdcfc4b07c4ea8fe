import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Y from 'yjs'
import { readBoardRecords } from '../../workshops/doc/boardDoc'
import { BOARD_RECORDS } from '../../workshops/doc/layout'
import { cardKinds } from '../../workshops/cards/kinds'
import { recordsOf, removeRecord, writeRecord } from '../helpers/boardEdits'
import { makeRandom } from '../helpers/seededRandom'
import { contentJsonUpdate, openRawPeer, updateFor, updateMessage, type RawPeer } from '../helpers/rawPeer'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { connectClient, waitFor, waitForSync, type YClient } from '../helpers/yClient'
import { card, frame } from '../unit/helpers/boardRecords'

/** Seeded draws for the fuzz: the same storm on every run. */
function draws(seed: number) {
  const next = makeRandom(seed)
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
  }
}

type R = Record<string, unknown>

/** Records a participant may never change: locked, inside something locked, or pinned. */
function protectedRecords(records: readonly R[]): Map<string, string> {
  const byId = new Map(records.map((r) => [r.id as string, r]))
  const lockedFromAbove = (id: unknown): boolean => {
    for (let at = id as string | undefined, depth = 0; at && depth < 64; depth++) {
      const r = byId.get(at)
      if (!r || r.typeName !== 'shape') return false
      if (r.isLocked === true) return true
      at = r.parentId as string
    }
    return false
  }
  const out = new Map<string, string>()
  for (const r of records) {
    const pinned = (r.meta as { pinned?: unknown } | undefined)?.pinned === true
    if (r.typeName === 'shape' && (r.isLocked === true || lockedFromAbove(r.parentId) || pinned)) out.set(r.id as string, JSON.stringify(r))
    if (r.typeName === 'page' || r.typeName === 'document') out.set(r.id as string, JSON.stringify(r))
  }
  return out
}

let server: TestServer
const clients: YClient[] = []
test.before(async () => {
  // The fuzzer is refused on purpose hundreds of times a minute; the socket limit is tested in guard-attacks.
  server = await startTestServer({ MAX_REFUSED_WRITES_PER_MINUTE: '100000' })
})
test.after(async () => {
  for (const c of clients) c.destroy()
  await server.close({ removeData: true })
})

test('seeded fuzz: 400 random well-formed participant updates never change a locked or pinned record, and the server stays up', async () => {
  const random = draws(20261202)
  const w = await server.createWorkshop({ method: 'ws2' })
  const facilitator = connectClient(server.wsUrl, w.id, w.facilitatorKey, { notices: true })
  const fuzzer = connectClient(server.wsUrl, w.id, w.participantKey, { notices: true })
  clients.push(facilitator, fuzzer)
  await Promise.all([waitForSync(facilitator), waitForSync(fuzzer)])
  // The facilitator locks one step frame too, so a lock the server did not place is guarded as well.
  const step = readBoardRecords(facilitator.doc).find((r) => r.id === 'shape:step-write-insights') as unknown as R
  writeRecord(facilitator.doc, { ...step, isLocked: true } as never)
  await waitFor(() => (readBoardRecords(fuzzer.doc).find((r) => r.id === step.id) as unknown as R).isLocked === true, 'lock')
  const guarded = protectedRecords(readBoardRecords(facilitator.doc) as unknown as R[])
  assert.ok(guarded.size > 20, `${guarded.size} guarded records`)
  const raw: RawPeer = await openRawPeer(server.wsUrl, `/sync/${w.id}?key=${w.participantKey}`)

  const frames = () => (readBoardRecords(fuzzer.doc) as unknown as R[]).filter((r) => r.type === 'frame').map((r) => r.id as string)
  const anyRecord = () => random.pick(readBoardRecords(fuzzer.doc) as unknown as R[])
  const mutate = (r: R): R => {
    const out: R = { ...r }
    switch (random.int(7)) {
      case 0:
        out.x = random.int(10_000) - 5000
        break
      case 1:
        out.isLocked = !r.isLocked
        break
      case 2:
        out.parentId = random.pick(frames())
        break
      case 3:
        out.meta = { ...(r.meta as R), pinned: random.next() < 0.5 }
        break
      case 4:
        out.props = { ...(r.props as R), w: random.int(3000), h: random.int(3000), text: 'fuzz'.repeat(random.int(10)) }
        break
      case 5:
        out.props = random.next() < 0.5 ? 'broken' : { nonsense: random.int(9) }
        break
      default:
        out.typeName = random.pick(['shape', 'instance', 'camera', 'page', 'nonsense'])
    }
    return out
  }
  const ops: Array<() => void> = [
    () => writeRecord(fuzzer.doc, mutate(anyRecord()) as never),
    () => removeRecord(fuzzer.doc, anyRecord().id as string),
    () => writeRecord(fuzzer.doc, card(`f${random.int(1e6)}`, random.pick(cardKinds().ids), 'ny', { parent: random.pick(frames()) }) as never),
    () => writeRecord(fuzzer.doc, { ...frame(`fr${random.int(1e6)}`, 'ram'), isLocked: random.next() < 0.5 } as never),
    () => raw.send(updateMessage(contentJsonUpdate(fuzzer.doc, mutate(anyRecord()) as { id: string }, { replace: random.next() < 0.7 }))),
    () => raw.send(updateMessage(updateFor(fuzzer.doc, (d) => writeRecord(d, mutate(anyRecord()) as never)), 'padded')),
    () => raw.send(updateMessage(updateFor(fuzzer.doc, (d) => removeRecord(d, anyRecord().id as string)), random.next() < 0.5 ? 'padded' : 'plain')),
    () => fuzzer.doc.getMap('meta').set('docVersion', random.int(100)),
    () => fuzzer.doc.getMap(`junk${random.int(5)}`).set('x', random.int(100)),
    // Slots that are not records, and deletions by position, sent raw (the fuzzer's own YKeyValue would choke on them).
    () =>
      raw.send(
        updateMessage(
          updateFor(fuzzer.doc, (d) => {
            const array = d.getArray(BOARD_RECORDS)
            if (random.next() < 0.5) array.insert(random.int(array.length + 1), [random.pick([1, 'text', null, { key: 5 }, [1, 2]])])
            else if (array.length > 0) array.delete(random.int(array.length), 1 + random.int(3))
          }),
        ),
      ),
    () => raw.send(updateMessage(updateFor(fuzzer.doc, (d) => d.getArray(BOARD_RECORDS).insert(0, [new Y.Map()])))),
  ]
  recordsOf(fuzzer.doc)
  let marker = 0
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < 10; i++) ops[random.int(ops.length)]()
    // Both sockets' messages are handled in order: their markers arriving at the facilitator is the barrier.
    const m = ++marker
    fuzzer.provider.awareness.setLocalStateField('marker', m)
    raw.sendPresence(77_000, round + 1, { marker: m })
    await waitFor(() => {
      const states = [...facilitator.provider.awareness.getStates().values()]
      return states.filter((s) => s.marker === m).length >= 2
    }, `round ${round}`)
    const onServer = new Map(server.app.sync.withDoc(w.id, 'board', (doc) => readBoardRecords(doc).map((r) => [r.id as string, JSON.stringify(r)])))
    for (const [id, before] of guarded) assert.is(onServer.get(id), before, `round ${round}: ${id} changed`)
    assert.is((await fetch(`${server.url}/healthz`)).status, 200)
  }
  // Everyone converges on the judged board: the fuzzer's own copy included.
  const serverRecords = () => JSON.stringify(server.app.sync.withDoc(w.id, 'board', (doc) => readBoardRecords(doc)).sort((a, b) => a.id.localeCompare(b.id)))
  const copy = (c: YClient) => JSON.stringify(readBoardRecords(c.doc).sort((a, b) => a.id.localeCompare(b.id)))
  await waitFor(() => copy(facilitator) === serverRecords() && copy(fuzzer) === serverRecords(), 'everyone has the same board', 10_000).catch((e) => {
    const srv = new Map(server.app.sync.withDoc(w.id, 'board', (doc) => readBoardRecords(doc)).map((r) => [r.id, JSON.stringify(r)]))
    const diff = (c: YClient) => {
      const mine = new Map(readBoardRecords(c.doc).map((r) => [r.id, JSON.stringify(r)]))
      const out: string[] = []
      for (const [id, v] of srv) if (mine.get(id) !== v) out.push(`${id}: server ${v.slice(0, 150)} / client ${mine.get(id)?.slice(0, 150)}`)
      for (const [id, v] of mine) if (!srv.has(id)) out.push(`${id}: only client ${v.slice(0, 150)}`)
      return out
    }
    throw new Error(`${e.message}\nfacilitator: ${diff(facilitator).join('\n')}\nfuzzer: ${diff(fuzzer).join('\n')}`)
  })
  assert.equal(fuzzer.closes, [], 'the fuzzing participant was never disconnected')
  assert.equal(facilitator.closes, [])
  raw.close()
})

test.run()
