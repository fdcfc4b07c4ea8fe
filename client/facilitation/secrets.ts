/** Random ids this browser keeps per workshop: its private-writing token. Never names. */
function stored(name: string): string {
  let value: string | null = null
  try {
    value = localStorage.getItem(name)
  } catch {
    // Private mode: a fresh id for this page.
  }
  if (!value) {
    const bytes = crypto.getRandomValues(new Uint8Array(24))
    value = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    try {
      localStorage.setItem(name, value)
    } catch {
      // As above.
    }
  }
  return value
}

export const privateToken = (workshopId: string) => stored(`samverkstad.private.${workshopId}`)
