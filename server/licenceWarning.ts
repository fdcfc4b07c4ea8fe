import type { Config } from './config'

/** Hosts tldraw treats as development, where it needs no licence key (see its LicenseManager). */
function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

/**
 * Why the board will not show in browsers, when that can be known at start:
 * served at an HTTPS address that is not localhost, with no tldraw licence
 * key, tldraw removes the board a few seconds after it loads. Null when all
 * is well (or when nothing says how browsers reach the server).
 */
export function licenceWarning(config: Pick<Config, 'publicUrl' | 'tldrawLicenseKey'>): string | null {
  if (config.tldrawLicenseKey || !config.publicUrl) return null
  const url = new URL(config.publicUrl)
  if (url.protocol !== 'https:' || isLocalHost(url.hostname)) return null
  return `PUBLIC_URL is ${url.origin} and TLDRAW_LICENSE_KEY is not set: tldraw needs a licence key on a public HTTPS address, and without one browsers show the board for about five seconds and then only the outline (Översikt). Start the server with TLDRAW_LICENSE_KEY=<key> (see the README, "The tldraw licence key").`
}
