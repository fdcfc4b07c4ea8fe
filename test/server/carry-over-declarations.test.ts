import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { displayPath, loadMethods } from '../../server/methods/loadMethods'
import { DefinitionError } from '../../workshops/method/parseDefinition'

const root = fileURLToPath(new URL('../../', import.meta.url))
const builtinDir = path.join(root, 'workshops', 'definitions')
const builtinPersonaDir = path.join(root, 'workshops', 'personas')
const dirs: string[] = []
test.after.each(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** An employer's directory with ws2 copied as `id`, its carryOver replaced. */
function employerWs2(id: string, carryOver: unknown, extra: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkstad-carry-'))
  dirs.push(dir)
  const def = JSON.parse(fs.readFileSync(path.join(builtinDir, 'ws2.json'), 'utf8'))
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...def, id, carryOver }, null, 2))
  for (const [name, other] of Object.entries(extra)) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(other, null, 2))
  return dir
}

test('the built-in workshops declare what they take from the earlier ones', () => {
  const methods = loadMethods({ builtinDir, builtinPersonaDir })
  assert.equal(methods.get('ws1')?.carryOver, undefined, 'WS1 starts from the interviews')
  assert.equal(methods.get('ws2')?.carryOver?.map((d) => ('kind' in d ? `${d.from}:${d.kind}->${d.into}` : '')), ['ws1:theme->review-needs', 'ws1:need->review-needs'])
  assert.equal(methods.get('ws3')?.carryOver?.[0], { from: 'ws2', kind: 'challenge', chosen: { winners: 3 }, with: [{ kind: 'insight', by: 'link' }, { kind: 'quote', via: 'insight', by: 'link' }], into: 'brainstorm' })
  assert.equal(methods.get('ws6')?.carryOver?.[0], { from: 'ws5', kind: 'block', where: { field: 'type', equals: ['film'] }, with: [], into: 'film-purpose' })
  assert.ok(methods.get('ws8')?.carryOver?.some((d) => 'template' in d && d.template === 'target-picture'))
})

test('an employer\'s file may carry over from a built-in workshop or from one of its own', () => {
  const dir = employerWs2('region-ws2', [{ from: 'ws1', kind: 'theme', into: 'review-needs' }, { from: 'region-ws1', kind: 'need', into: 'review-needs' }], {
    'region-ws1': { ...JSON.parse(fs.readFileSync(path.join(builtinDir, 'ws1.json'), 'utf8')), id: 'region-ws1' },
  })
  const methods = loadMethods({ builtinDir, builtinPersonaDir, extraDir: dir })
  assert.is(methods.get('region-ws2')?.carryOver?.length, 2)
})

test('a declaration from a workshop nobody defined stops the server, naming the file, field and problem', () => {
  const dir = employerWs2('region-ws2', [{ from: 'ws1', kind: 'theme', into: 'review-needs' }, { from: 'region-ws1', kind: 'need', into: 'review-needs' }])
  try {
    loadMethods({ builtinDir, builtinPersonaDir, extraDir: dir })
    assert.unreachable('expected a DefinitionError')
  } catch (err) {
    assert.instance(err, DefinitionError)
    const e = err as DefinitionError
    assert.is(e.file, displayPath(path.join(dir, 'region-ws2.json')))
    assert.is(e.path, 'carryOver[1].from')
    assert.match(e.problem, /no workshop "region-ws1" is defined/)
  }
})

test('a mistake inside a declaration is reported like any other', () => {
  const dir = employerWs2('region-ws2', [{ from: 'ws1', kind: 'theme', with: [{ kind: 'quote', by: 'close' }], into: 'review-needs' }])
  try {
    loadMethods({ builtinDir, builtinPersonaDir, extraDir: dir })
    assert.unreachable('expected a DefinitionError')
  } catch (err) {
    assert.is((err as DefinitionError).message, `${displayPath(path.join(dir, 'region-ws2.json'))}: carryOver[0].with[0].by: expected "link" or "link-or-nearest", got "close"`)
  }
})

test.run()
