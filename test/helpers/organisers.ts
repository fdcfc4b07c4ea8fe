import type { App } from '../../server/app'

export const TEST_PASSWORD = 'ett långt lösenord 42'

/** Creates (or resets) an organiser account with a password, as `npm run organisers -- add` and its link would. */
export async function addOrganiser(app: App, email: string, password = TEST_PASSWORD): Promise<void> {
  const { token } = app.accounts.passwordToken(email)
  await app.accounts.useToken(token, { password })
}

/** An organiser signed in over HTTP: their session cookie, and fetch that sends it from the server's own page (Origin). */
export interface Organiser {
  email: string
  cookie: string
  fetch(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>
}

/** The value of one Set-Cookie of a response, e.g. "samverkstad_session=…". */
export function sessionCookieOf(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('samverkstad_session='))
  if (!header) throw new Error(`no session cookie (status ${res.status})`)
  return header.split(';')[0]
}

export async function signIn(url: string, email: string, password = TEST_PASSWORD): Promise<Organiser> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = sessionCookieOf(res)
  return {
    email,
    cookie,
    fetch: (path, init = {}) => {
      const { json, ...rest } = init
      return fetch(`${url}${path}`, {
        ...rest,
        headers: { origin: url, cookie, ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(rest.headers as Record<string, string>) },
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      })
    },
  }
}

/** A new organiser account, signed in. */
export async function organiser(app: App, url: string, email: string): Promise<Organiser> {
  await addOrganiser(app, email)
  return signIn(url, email)
}
