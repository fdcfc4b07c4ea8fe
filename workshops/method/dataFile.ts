import type { z } from 'zod'

/**
 * Reading the method's hand-edited data files (workshop definitions, personas,
 * card kinds): JSON with errors that name the file, the field and the problem.
 */

/** A problem in a definition or persona file, located by file and field path. */
export class DefinitionError extends Error {
  constructor(
    readonly file: string,
    /** Field path like `steps[2].timebox`; `(file)` for the file as a whole, `(directory)` for a directory. */
    readonly path: string,
    /** Human-readable English: what was expected and what was found. */
    readonly problem: string,
  ) {
    super(`${file}: ${path}: ${problem}`)
    this.name = 'DefinitionError'
  }
}

/** `['steps', 2, 'timebox']` → `steps[2].timebox`; the empty path is `(file)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else {
      const name = String(key)
      if (/^[A-Za-z_$][\w$]*$/.test(name)) out += out ? `.${name}` : name
      else out += `[${JSON.stringify(name)}]`
    }
  }
  return out || '(file)'
}

/** Checks parsed JSON against a schema; the first problem becomes a DefinitionError naming the file and field. */
export function validate<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data, { reportInput: true })
  if (result.success) return result.data
  const issue = firstProblem(result.error.issues)
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path
  throw new DefinitionError(file, formatPath(path), issue.message)
}

/**
 * The issue to report. Zod lists issues in schema order, with an object's
 * unknown keys after its fields; when a field is missing and the same object
 * has an unknown key, the unknown key is the likelier cause (a typo), so it
 * wins.
 */
function firstProblem(issues: z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0]
  const isMissing = first.code === 'invalid_type' && first.input === undefined // JSON has no undefined
  if (isMissing) {
    const parent = first.path.slice(0, -1)
    const unknownKey = issues.find((i) => i.code === 'unrecognized_keys' && samePath(i.path, parent))
    if (unknownKey) return unknownKey
  }
  return first
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i])
}

/** JSON text of a data file; a syntax error becomes a DefinitionError with line and column. */
export function parseJson(file: string, text: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text // a BOM, as some editors save
  if (source.trim() === '') throw new DefinitionError(file, '(file)', 'invalid JSON: the file is empty')
  try {
    return JSON.parse(source)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const stated = /at position (\d+)/.exec(message)
    const offset = stated ? Number(stated[1]) : findJsonError(source)
    const parserSays = message
      .replace(/ in JSON at position \d+/, '')
      .replace(/ \(line \d+ column \d+\)/, '')
      .trim()
    const where = offset === undefined ? '' : ` (${lineAndColumn(source, offset)})`
    throw new DefinitionError(file, '(file)', `invalid JSON: ${parserSays}${where}`)
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

/**
 * Offset of the first JSON syntax error, for parser messages that give no
 * position (V8's "Unexpected token …" does not). Undefined when none is found.
 */
function findJsonError(text: string): number | undefined {
  let i = 0
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (): never => {
    throw new Stop(i)
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail()
      i++
    }
  }
  const digits = () => {
    if (!/[0-9]/.test(text[i] ?? '')) fail()
    while (/[0-9]/.test(text[i] ?? '')) i++
  }
  const string = () => {
    i++ // opening quote
    for (;;) {
      if (i >= text.length) fail()
      const ch = text[i]
      if (ch === '"') {
        i++
        return
      }
      if (ch.charCodeAt(0) < 0x20) fail()
      if (ch === '\\') {
        i++
        if (text[i] === 'u') {
          i++
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail()
            i++
          }
        } else {
          if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail()
          i++
        }
      } else i++
    }
  }
  const value = (): void => {
    space()
    const ch = text[i]
    if (ch === '{') {
      i++
      space()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        space()
        if (text[i] !== '"') fail()
        string()
        space()
        if (text[i] !== ':') fail()
        i++
        value()
        space()
        if (text[i] === ',') i++
        else if (text[i] === '}') {
          i++
          return
        } else fail()
      }
    } else if (ch === '[') {
      i++
      space()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value()
        space()
        if (text[i] === ',') i++
        else if (text[i] === ']') {
          i++
          return
        } else fail()
      }
    } else if (ch === '"') string()
    else if (ch === 't') literal('true')
    else if (ch === 'f') literal('false')
    else if (ch === 'n') literal('null')
    else if (ch === '-' || (ch !== undefined && /[0-9]/.test(ch))) {
      if (ch === '-') i++
      if (text[i] === '0') i++
      else digits()
      if (text[i] === '.') {
        i++
        digits()
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++
        if (text[i] === '+' || text[i] === '-') i++
        digits()
      }
    } else fail()
  }
  try {
    value()
    space()
    return i < text.length ? i : undefined
  } catch (e) {
    if (e instanceof Stop) return e.at
    throw e
  }
}
