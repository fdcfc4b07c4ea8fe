import fs from 'node:fs'
import path from 'node:path'
import { CardCatalog } from '../../workshops/cards/catalog'
import { parseCardKinds, type CardKindDeclaration } from '../../workshops/cards/kindDeclaration'
import { builtinCardKinds } from '../../workshops/cards/kinds'
import { DefinitionError, parsePersona, parseWorkshopDefinition } from '../../workshops/method/parseDefinition'
import type { Persona, WorkshopDefinition } from '../../workshops/method/types'

/** An employer's own card kinds: this file at the top of WORKSHOPS_DIR (not a workshop definition). */
export const CARD_KINDS_FILE = 'card-kinds.json'

export interface LoadMethodsOptions {
  /** Built-in workshop definitions (workshops/definitions). */
  builtinDir: string
  /** Built-in personas (workshops/personas). */
  builtinPersonaDir: string
  /** An employer's own directory: workshop files at its top level, persona files in `personas/`. */
  extraDir?: string
}

/** The loaded method: every workshop definition and persona, read once at start-up. Everything in it is frozen. */
export interface MethodRegistry {
  /** Built-ins by id, then the extra directory's by id. */
  list(): WorkshopDefinition[]
  get(id: string): WorkshopDefinition | undefined
  /** Built-ins by id, then the extra directory's by id. */
  personas(): Persona[]
  persona(id: string): Persona | undefined
  /** The card kinds: the built-in ones, then the extra directory's card-kinds.json. Install them (kinds.ts) before judging cards. */
  cardKinds(): CardKindDeclaration[]
}

/**
 * Reads and validates every definition and persona file. Throws a
 * DefinitionError naming the file and field of the first problem found, so a
 * broken file stops the server at start-up rather than a workshop later.
 */
export function loadMethods(options: LoadMethodsOptions): MethodRegistry {
  const { builtinDir, builtinPersonaDir, extraDir } = options
  if (extraDir !== undefined) {
    requireDirectory(extraDir)
    if (sameDirectory(extraDir, builtinDir)) {
      throw new DefinitionError(
        displayPath(extraDir),
        '(directory)',
        'this is the built-in definitions directory; the extra workshops directory must be a separate one',
      )
    }
  }

  // Kinds first: the definitions' steps name them.
  const kinds = [...builtinCardKinds()]
  if (extraDir !== undefined) {
    const file = path.join(extraDir, CARD_KINDS_FILE)
    if (fs.existsSync(file)) kinds.push(...parseCardKinds(displayPath(file), readText(file), kinds))
  }
  const catalog = new CardCatalog(kinds)
  const parseDefinition = (file: string, text: string) => parseWorkshopDefinition(file, text, catalog)

  const workshops = new Collection<WorkshopDefinition>()
  workshops.addAll(readJsonFiles(builtinDir, true), parseDefinition)
  const personas = new Collection<Persona>()
  personas.addAll(readJsonFiles(builtinPersonaDir, true), parsePersona)
  if (extraDir !== undefined) {
    workshops.addAll(readJsonFiles(extraDir, true, [CARD_KINDS_FILE]), parseDefinition)
    personas.addAll(readJsonFiles(path.join(extraDir, 'personas'), false), parsePersona)
  }

  const workshopList = workshops.sorted()
  checkCarryOverSources(workshopList, (id) => workshops.fileOf(id))
  const personaList = personas.sorted()
  const workshopById = new Map(workshopList.map((w) => [w.id, w]))
  const personaById = new Map(personaList.map((p) => [p.id, p]))
  return {
    list: () => [...workshopList],
    get: (id) => workshopById.get(id),
    personas: () => [...personaList],
    persona: (id) => personaById.get(id),
    cardKinds: () => [...kinds],
  }
}

/** A file name as shown in errors: relative to the working directory when inside it, absolute otherwise. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(cwd, file)
  const relative = path.relative(cwd, absolute)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute
  return relative.split(path.sep).join('/')
}

interface SourceFile {
  /** As shown in errors. */
  name: string
  text: string
}

/** Items loaded from one group of files (built-in or extra), checked for colliding ids across groups. */
class Collection<T extends { id: string }> {
  private readonly groups: T[][] = []
  private readonly definedBy = new Map<string, string>()

  addAll(files: SourceFile[], parse: (file: string, text: string) => T): void {
    const group: T[] = []
    for (const { name, text } of files) {
      const item = parse(name, text)
      const earlier = this.definedBy.get(item.id)
      if (earlier !== undefined) {
        throw new DefinitionError(name, 'id', `"${item.id}" is already defined by ${earlier}`)
      }
      this.definedBy.set(item.id, name)
      group.push(deepFreeze(item))
    }
    group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    this.groups.push(group)
  }

  sorted(): T[] {
    return this.groups.flat()
  }

  /** The file that defined `id`, as shown in errors. */
  fileOf(id: string): string {
    return this.definedBy.get(id) ?? '(unknown file)'
  }
}

/** Every `carryOver[].from` must name a loaded workshop (built-in or the employer's own). */
function checkCarryOverSources(workshops: readonly WorkshopDefinition[], fileOf: (id: string) => string): void {
  const ids = new Set(workshops.map((w) => w.id))
  for (const workshop of workshops) {
    workshop.carryOver?.forEach((entry, i) => {
      if (!ids.has(entry.from)) {
        throw new DefinitionError(fileOf(workshop.id), `carryOver[${i}].from`, `no workshop "${entry.from}" is defined; the workshops are ${[...ids].join(', ')}`)
      }
    })
  }
}

function requireDirectory(dir: string): void {
  let stat: fs.Stats
  try {
    stat = fs.statSync(dir)
  } catch {
    throw new DefinitionError(displayPath(dir), '(directory)', 'expected a directory, but it does not exist')
  }
  if (!stat.isDirectory()) {
    throw new DefinitionError(displayPath(dir), '(directory)', 'expected a directory, got a file')
  }
}

function sameDirectory(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b)
  } catch {
    return false
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new DefinitionError(displayPath(file), '(file)', `cannot be read: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/** The `*.json` files directly in dir, by name; hidden files (editor and OS leftovers) and `except` are skipped. */
function readJsonFiles(dir: string, required: boolean, except: readonly string[] = []): SourceFile[] {
  if (!required && !fs.existsSync(dir)) return []
  requireDirectory(dir)
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.json') && !entry.name.startsWith('.') && !except.includes(entry.name))
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && isFile(path.join(dir, entry.name))))
    .map((entry) => entry.name)
    .sort()
    .map((fileName) => {
      const file = path.join(dir, fileName)
      const name = displayPath(file)
      try {
        return { name, text: fs.readFileSync(file, 'utf8') }
      } catch (err) {
        throw new DefinitionError(name, '(file)', `cannot be read: ${err instanceof Error ? err.message : String(err)}`)
      }
    })
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
