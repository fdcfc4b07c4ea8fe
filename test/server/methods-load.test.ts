import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import { cardKinds } from '../../workshops/cards/kinds'
import * as assert from 'uvu/assert'
import { displayPath, loadMethods } from '../../server/methods/loadMethods'
import { DefinitionError } from '../../workshops/method/parseDefinition'

const root = fileURLToPath(new URL('../../', import.meta.url))
const builtinDir = path.join(root, 'workshops', 'definitions')
const builtinPersonaDir = path.join(root, 'workshops', 'personas')
const BUILTIN_IDS = ['ws1', 'ws2', 'ws3', 'ws4', 'ws5', 'ws6', 'ws7', 'ws8']

const tempDirs: string[] = []
test.after.each(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh WORKSHOPS_DIR under the OS temp directory. */
function makeExtraDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkstad-methods-'))
  tempDirs.push(dir)
  return dir
}

/** ws2's real definition, edited, written to dir/fileName. */
function writeEditedWs2(dir: string, fileName: string, edit: (def: any) => void): string {
  const def = JSON.parse(fs.readFileSync(path.join(builtinDir, 'ws2.json'), 'utf8'))
  edit(def)
  const file = path.join(dir, fileName)
  fs.writeFileSync(file, JSON.stringify(def, null, 2))
  return file
}

function writePersona(dir: string, fileName: string, fields: Record<string, unknown>): void {
  const anna = JSON.parse(fs.readFileSync(path.join(builtinPersonaDir, 'anna.json'), 'utf8'))
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, fileName), JSON.stringify({ ...anna, ...fields }, null, 2))
}

function loadError(extraDir: string): DefinitionError {
  try {
    loadMethods({ builtinDir, builtinPersonaDir, extraDir })
  } catch (err) {
    assert.instance(err, DefinitionError)
    return err as DefinitionError
  }
  assert.unreachable('expected loadMethods to throw a DefinitionError')
  throw new Error('unreachable')
}

test('built-ins only: the eight workshops by id, and Anna', () => {
  const methods = loadMethods({ builtinDir, builtinPersonaDir })
  assert.equal(
    methods.list().map((d) => d.id),
    BUILTIN_IDS,
  )
  assert.is(methods.get('ws3')?.title.sv, 'Idégenerering och prototyper')
  assert.is(methods.get('ws9'), undefined)
  assert.equal(
    methods.personas().map((p) => p.id),
    ['anna'],
  )
  assert.is(methods.persona('anna')?.age, 36)
  assert.is(methods.persona('lena'), undefined)
})

test('the registry cannot be changed through what it hands out', () => {
  const methods = loadMethods({ builtinDir, builtinPersonaDir })
  methods.list().pop()
  assert.is(methods.list().length, 8)
  const ws1 = methods.get('ws1')!
  assert.throws(() => {
    ws1.steps[0].timebox = 1
  })
  assert.throws(() => {
    ws1.title.sv = 'Något annat'
  })
  assert.is.not(methods.get('ws1')!.steps[0].timebox, 1)
})

test('an employer copy of ws2 with a new id appears after the built-ins', () => {
  const extraDir = makeExtraDir()
  writeEditedWs2(extraDir, 'ws2-karlstad.json', (d) => {
    d.id = 'ws2-karlstad'
    d.title.sv = 'Insikter och utmaningar – Karlstad'
  })
  writeEditedWs2(extraDir, 'eda.json', (d) => (d.id = 'aaa-eda'))
  fs.writeFileSync(path.join(extraDir, 'README.md'), 'not a definition')
  fs.writeFileSync(path.join(extraDir, '._ws2.json'), 'macOS leftovers, not JSON')

  const methods = loadMethods({ builtinDir, builtinPersonaDir, extraDir })
  assert.equal(
    methods.list().map((d) => d.id),
    [...BUILTIN_IDS, 'aaa-eda', 'ws2-karlstad'],
  )
  assert.is(methods.get('ws2-karlstad')?.title.sv, 'Insikter och utmaningar – Karlstad')
  assert.is(methods.get('ws2')?.title.sv, 'Insikter och utmaningar')
  assert.equal(methods.get('ws2-karlstad')?.steps, methods.get('ws2')?.steps)
})

test('an extra workshop reusing a built-in id throws, naming both files', () => {
  const extraDir = makeExtraDir()
  const file = writeEditedWs2(extraDir, 'min-ws2.json', (d) => (d.title.sv = 'Min variant'))
  const err = loadError(extraDir)
  const builtinName = path.relative(process.cwd(), path.join(builtinDir, 'ws2.json'))
  assert.is(err.file, file) // outside the working directory, so absolute
  assert.is(err.path, 'id')
  assert.is(err.problem, `"ws2" is already defined by ${builtinName}`)
  assert.is(err.message, `${file}: id: "ws2" is already defined by ${builtinName}`)
})

test('two extra workshops with the same id throw, naming both', () => {
  const extraDir = makeExtraDir()
  const first = writeEditedWs2(extraDir, 'a.json', (d) => (d.id = 'samma'))
  const second = writeEditedWs2(extraDir, 'b.json', (d) => (d.id = 'samma'))
  assert.is(loadError(extraDir).message, `${second}: id: "samma" is already defined by ${first}`)
})

test('a broken extra workshop is reported with its own file and field', () => {
  const extraDir = makeExtraDir()
  const file = writeEditedWs2(extraDir, 'ny.json', (d) => {
    d.id = 'ny'
    d.steps[1].cardKinds = ['insikt']
  })
  assert.is(
    loadError(extraDir).message,
    `${file}: steps[1].cardKinds[0]: unknown card kind "insikt"; allowed are ${cardKinds().ids.join(', ')}`,
  )
})

test('a persona in extraDir/personas is loaded after Anna', () => {
  const extraDir = makeExtraDir()
  writePersona(path.join(extraDir, 'personas'), 'lena.json', {
    id: 'lena',
    name: 'Lena',
    age: 52,
    work: 'förskolechef',
  })
  const methods = loadMethods({ builtinDir, builtinPersonaDir, extraDir })
  assert.equal(
    methods.personas().map((p) => p.id),
    ['anna', 'lena'],
  )
  assert.is(methods.persona('lena')?.work, 'förskolechef')
  assert.equal(
    methods.list().map((d) => d.id),
    BUILTIN_IDS,
    'a persona is not a workshop',
  )
})

test('an extra persona reusing "anna" throws', () => {
  const extraDir = makeExtraDir()
  const personasDir = path.join(extraDir, 'personas')
  writePersona(personasDir, 'anna-kopia.json', { name: 'Anna K' })
  const builtinName = path.relative(process.cwd(), path.join(builtinPersonaDir, 'anna.json'))
  assert.is(
    loadError(extraDir).message,
    `${path.join(personasDir, 'anna-kopia.json')}: id: "anna" is already defined by ${builtinName}`,
  )
})

test('a missing extra directory throws a clear error', () => {
  const missing = path.join(makeExtraDir(), 'finns-inte')
  const err = loadError(missing)
  assert.is(err.file, missing)
  assert.is(err.path, '(directory)')
  assert.is(err.message, `${missing}: (directory): expected a directory, but it does not exist`)
})

test('an extra directory that is a file, or is the built-in directory, throws', () => {
  const file = path.join(makeExtraDir(), 'workshops.json')
  fs.writeFileSync(file, '{}')
  assert.is(loadError(file).message, `${file}: (directory): expected a directory, got a file`)
  assert.is(loadError(builtinDir).path, '(directory)')
  assert.match(loadError(builtinDir).problem, 'built-in definitions directory')
})

test('file names are relative to the working directory when inside it, absolute otherwise', () => {
  assert.is(displayPath('/srv/app/workshops/definitions/ws3.json', '/srv/app'), 'workshops/definitions/ws3.json')
  assert.is(displayPath('workshops/definitions/ws3.json', '/srv/app'), 'workshops/definitions/ws3.json')
  assert.is(displayPath('/etc/samverkstad/ws9.json', '/srv/app'), '/etc/samverkstad/ws9.json')
  assert.is(displayPath('/srv/application/ws9.json', '/srv/app'), '/srv/application/ws9.json')
})

test('errors in built-in files are named relative to the working directory', () => {
  const dir = path.join(process.cwd(), '.tmp', `methods-test-${process.pid}`)
  tempDirs.push(dir)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'ws1.json'), '{ "id": "ws1" }')
  const rel = path.relative(process.cwd(), dir)
  try {
    loadMethods({ builtinDir: dir, builtinPersonaDir })
    assert.unreachable('expected a DefinitionError')
  } catch (err) {
    assert.instance(err, DefinitionError)
    assert.is((err as DefinitionError).message, `${rel}/ws1.json: title: missing`)
  }
})

test.run()
