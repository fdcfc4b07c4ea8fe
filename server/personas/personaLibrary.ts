import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parsePersona } from '../../workshops/method/parseDefinition'
import type { Persona } from '../../workshops/method/types'
import type { MethodRegistry } from '../methods/loadMethods'

/**
 * Every persona a workshop can use: the built-in and employer ones from the
 * method registry, and those facilitators add from the UI, kept as persona
 * files in DATA_DIR/personas (the same format an employer writes by hand).
 */
export class PersonaLibrary {
  private readonly saved = new Map<string, Persona>()

  constructor(
    private readonly methods: MethodRegistry,
    private readonly dir: string,
  ) {
    mkdirSync(dir, { recursive: true })
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const persona = parsePersona(join(dir, name), readFileSync(join(dir, name), 'utf8'))
      this.saved.set(persona.id, persona)
    }
  }

  list(): Persona[] {
    return [...this.methods.personas(), ...this.saved.values()]
  }

  get(id: string): Persona | undefined {
    return this.methods.persona(id) ?? this.saved.get(id)
  }

  /** Validates and stores a new persona; its id is made from the name. Throws DefinitionError on bad fields. */
  add(fields: Record<string, unknown>): Persona {
    const base = String(fields.name ?? '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24)
    const id = `${base || 'persona'}-${randomBytes(3).toString('hex')}`
    const text = JSON.stringify({ ...fields, id }, null, 2)
    const persona = parsePersona('persona', text)
    const file = join(this.dir, `${id}.json`)
    // Write then rename, so a crash never leaves half a file that would stop the server from starting.
    writeFileSync(`${file}.tmp`, text)
    renameSync(`${file}.tmp`, file)
    this.saved.set(id, persona)
    return persona
  }
}
