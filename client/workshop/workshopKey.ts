/** Session storage name of a workshop's key in this tab (an evaluation link's key is kept under a name of its own). */
const storageName = (workshopId: string, kind: string) => `samverkstad.${kind}.${workshopId}`

/**
 * The key of a workshop link (/w/<id>#key=…), taken out of the address bar
 * as soon as it is read: no script on the page (tldraw's licence check
 * reports `location.href`), no copied address and no history entry holds it
 * afterwards. It is kept in this tab's session storage, per workshop, so a
 * reload still works; a new tab needs the link again.
 */
export function takeWorkshopKey(workshopId: string, kind: 'key' | 'evaluation-key' = 'key'): string | null {
  const params = new URLSearchParams(location.hash.slice(1))
  const fromLink = params.get('key')
  if (fromLink) {
    try {
      sessionStorage.setItem(storageName(workshopId, kind), fromLink)
    } catch {
      // Storage refused (private mode): the key lasts for this page only.
    }
    params.delete('key')
    const rest = params.toString()
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`)
    return fromLink
  }
  try {
    return sessionStorage.getItem(storageName(workshopId, kind))
  } catch {
    return null
  }
}
