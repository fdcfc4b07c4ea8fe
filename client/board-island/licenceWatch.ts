import { react, type Editor } from 'tldraw'

/** The states in which tldraw removes the editor a few seconds after it loads (see its LicenseProvider). */
export type LicenceProblem = 'unlicensed-production' | 'expired'

const isProblem = (state: unknown): state is LicenceProblem => state === 'unlicensed-production' || state === 'expired'

/**
 * Tells when tldraw has decided the board may not run here (no valid key on
 * a production address, or an expired one), so the page can say so and
 * offer the outline. Only reads tldraw's decision, never changes it: the
 * licence state its LicenseManager keeps (internal in 5.4, hence the guarded
 * read) and, should that field ever go, the marker element tldraw puts where
 * the editor was.
 */
export function watchLicence(editor: Editor, host: HTMLElement, onProblem: (problem: LicenceProblem) => void): () => void {
  let told = false
  const tell = (problem: LicenceProblem) => {
    if (told) return
    told = true
    onProblem(problem)
  }
  const manager = (editor as unknown as { licenseManager?: { state?: { get?: () => unknown } } }).licenseManager
  const state = manager?.state
  const stopReading =
    state && typeof state.get === 'function'
      ? react('licence state', () => {
          const now = state.get!()
          if (isProblem(now)) tell(now)
        })
      : () => {}
  const gate = new MutationObserver(() => {
    if (host.querySelector('[data-testid="tl-license-expired"]')) tell('unlicensed-production')
  })
  gate.observe(host, { childList: true, subtree: true })
  return () => {
    stopReading()
    gate.disconnect()
  }
}
