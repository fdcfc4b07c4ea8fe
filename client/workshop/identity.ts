/**
 * Who this browser is in one workshop: a random id of its own for each
 * workshop (so nobody can link a person across workshops, anonymous or not)
 * and the display name typed once, both kept in localStorage.
 */
const ID_KEY = 'samverkstad.userId'
const NAME_KEY = 'samverkstad.displayName'

/** Cursor colours with enough contrast on a white board. */
const COLOURS = ['#d9480f', '#2b8a3e', '#1864ab', '#862e9c', '#c2255c', '#087f5b', '#e67700', '#5f3dc4']

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Private mode: remembered for this page only.
  }
}

export function userId(workshopId: string): string {
  const key = `${ID_KEY}.${workshopId}`
  let id = read(key)
  if (!id) {
    id = crypto.randomUUID()
    write(key, id)
  }
  return id
}

export function savedDisplayName(): string {
  return read(NAME_KEY) ?? ''
}

export function saveDisplayName(name: string): void {
  write(NAME_KEY, name)
}

export function colourFor(id: string): string {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return COLOURS[h % COLOURS.length]
}

export const DISPLAY_NAME_MAX = 60
