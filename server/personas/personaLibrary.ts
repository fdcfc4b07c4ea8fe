import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DefinitionError, parsePersona } from '../../workshops/method/parseDefinition'
import type { Persona } from '../../workshops/method/types'
import { HttpError } from '../http/respond'
import type { MethodRegistry } from '../methods/loadMethods'

/** Limits on a persona added from the start page, so the list every organiser's start page loads stays small. */
export const PERSONA_LIMITS = { name: 60, text: 200, saved: 100 }
const TEXT_FIELDS = ['family', 'home', 'work', 'interests', 'diagnosis', 'situation'] as const

/**
 * Every persona a workshop can use: the built-in and employer ones from the
 * method registry, and those facilitators add from the UI, kept as persona
 * files in DATA_DIR/personas (the same format an employer writes by hand).
 */
export class PersonaLibrary {
  private readonly saved = new Map<string, Persona>()
  private readonly files = new Map<string, string>()

  constructor(
    private readonly methods: MethodRegistry,
    private readonly dir: string,
  ) {
    mkdirSync(dir, { recursive: true })
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const persona = parsePersona(join(dir, name), readFileSync(join(dir, name), 'utf8'))
      this.saved.set(persona.id, persona)
      this.files.set(persona.id, join(dir, name))
    }
  }

  list(): Persona[] {
    return [...this.methods.personas(), ...this.saved.values()]
  }

  /** The list for the start page: the saved ones are marked `custom` (they can be deleted there). */
  listForStartPage(): Array<Persona & { custom?: true }> {
    return [...this.methods.personas(), ...[...this.saved.values()].map((p) => ({ ...p, custom: true as const }))]
  }

  get(id: string): Persona | undefined {
    return this.methods.persona(id) ?? this.saved.get(id)
  }

  /** Validates and stores a new persona; its id is made from the name. Throws DefinitionError on bad fields. */
  add(fields: Record<string, unknown>): Persona {
    if (this.saved.size >= PERSONA_LIMITS.saved) {
      throw new HttpError(409, `there are already ${PERSONA_LIMITS.saved} added personas; delete one first`)
    }
    const tooLong = (field: string, max: number) => typeof fields[field] === 'string' && (fields[field] as string).length > max
    if (tooLong('name', PERSONA_LIMITS.name)) throw new DefinitionError('persona', 'name', `at most ${PERSONA_LIMITS.name} characters`)
    for (const f of TEXT_FIELDS) if (tooLong(f, PERSONA_LIMITS.text)) throw new DefinitionError('persona', f, `at most ${PERSONA_LIMITS.text} characters`)
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
    this.files.set(id, file)
    return persona
  }

  /** Deletes a persona added from the start page (its file in DATA_DIR/personas). Boards that show it keep their copy. */
  remove(id: string): void {
    if (!this.saved.has(id)) {
      if (this.methods.persona(id)) throw new HttpError(403, `the persona "${id}" comes from a definition file on the server; remove it there`)
      throw new HttpError(404, `no persona "${id}"`)
    }
    rmSync(this.files.get(id) ?? join(this.dir, `${id}.json`), { force: true })
    this.saved.delete(id)
    this.files.delete(id)
  }
}
