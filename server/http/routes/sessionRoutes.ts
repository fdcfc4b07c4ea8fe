import type { IncomingMessage, ServerResponse } from 'node:http'
import { appendCookie, cookieHeader, OIDC_COOKIE, readCookie } from '../../auth/cookies'
import { OidcSignInError } from '../../auth/oidc'
import { normaliseEmail } from '../../store/organiserStore'
import { HttpError, readJson, sendJson } from '../respond'
import type { ApiDeps, Route } from '../route'

/** Small JSON bodies: an e-mail, a password, a token. */
const BODY_MAX = 4096

/** One message for a wrong password and an unknown account: the answer must not tell which e-mails exist. */
export const WRONG_CREDENTIALS = 'wrong e-mail or password'

function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'body: expected a JSON object')
  return body as Record<string, unknown>
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' }).end()
}

/**
 * Signing in and out: GET/POST/DELETE /api/session (e-mail and password),
 * the one-time links (/api/setup), and OpenID Connect (/auth/oidc).
 */
export function sessionRoutes({ config, auth, accounts, oidc, limits, baseUrl }: ApiDeps): Route[] {
  const local = config.auth.localSignIn

  const signInRedirect = (res: ServerResponse, reason: string) => redirect(res, `/?signin=${reason}`)

  async function finishOidc(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const state = readCookie(req, OIDC_COOKIE)
    appendCookie(res, cookieHeader(OIDC_COOKIE, '', { maxAgeSeconds: 0, secure: auth.isHttps(req), path: '/auth/oidc' }))
    try {
      const { email } = await oidc!.finish(new URL(`${url.pathname}${url.search}`, baseUrl(req)), state)
      const organiser = accounts.signedInWithProvider(email)
      auth.startSession(req, res, organiser.id, 'oidc')
      redirect(res, '/')
    } catch (error) {
      if (error instanceof OidcSignInError) return signInRedirect(res, error.reason)
      throw error
    }
  }

  return [
    {
      method: 'GET',
      pattern: /^\/api\/session$/,
      public: true,
      handler: (req, res) => {
        const organiser = auth.organiserOf(req)
        sendJson(res, 200, {
          organiser: organiser?.kind === 'session' ? { email: organiser.email } : null,
          admin: organiser?.kind === 'admin-token',
          signIn: { local, oidc: oidc !== null },
          // Nobody has an account yet: the start page points at the setup link in the server's log.
          setupPending: accounts.count === 0,
        })
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/session$/,
      public: true,
      handler: async (req, res) => {
        // Another site must not sign a visitor in to an account of its choosing.
        auth.refuseForeignOrigin(req)
        if (!local) throw new HttpError(404, 'sign-in with e-mail and password is turned off here (LOCAL_SIGN_IN=off)')
        const body = objectBody(await readJson(req, BODY_MAX))
        if (typeof body.email !== 'string' || typeof body.password !== 'string') throw new HttpError(400, 'body: expected {"email", "password"}')
        const account = normaliseEmail(body.email)
        limits.beforeSignIn(req, account)
        const organiser = await accounts.signIn(account, body.password)
        if (!organiser) {
          limits.signInFailed(req, account)
          throw new HttpError(401, WRONG_CREDENTIALS)
        }
        limits.signInSucceeded(account)
        auth.startSession(req, res, organiser.id, 'password')
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/session$/,
      public: true,
      handler: (req, res) => {
        auth.organiserOf(req) // checks the Origin of a signed-in request
        auth.endSession(req, res)
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/setup\/inspect$/,
      public: true,
      handler: async (req, res) => {
        const body = objectBody(await readJson(req, BODY_MAX))
        const found = typeof body.token === 'string' ? accounts.inspect(body.token) : null
        if (!found) throw new HttpError(410, 'this link has been used or has expired')
        sendJson(res, 200, found)
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/setup$/,
      public: true,
      handler: async (req, res) => {
        auth.refuseForeignOrigin(req)
        const body = objectBody(await readJson(req, BODY_MAX))
        if (typeof body.token !== 'string') throw new HttpError(400, 'token: expected the token from the link')
        const organiser = await accounts.useToken(body.token, { email: body.email, password: body.password })
        auth.startSession(req, res, organiser.id, 'password')
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    },
    {
      method: 'GET',
      pattern: /^\/auth\/oidc$/,
      public: true,
      handler: async (req, res) => {
        if (!oidc) throw new HttpError(404, 'no identity provider is configured (OIDC_ISSUER)')
        try {
          const { url, state } = await oidc.start(`${baseUrl(req)}/auth/oidc/callback`)
          appendCookie(res, cookieHeader(OIDC_COOKIE, state, { maxAgeSeconds: 600, secure: auth.isHttps(req), path: '/auth/oidc' }))
          redirect(res, url)
        } catch (error) {
          if (error instanceof OidcSignInError) return signInRedirect(res, error.reason)
          throw error
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/auth\/oidc\/callback$/,
      public: true,
      handler: async (req, res, url) => {
        if (!oidc) throw new HttpError(404, 'no identity provider is configured (OIDC_ISSUER)')
        await finishOidc(req, res, url)
      },
    },
  ]
}
