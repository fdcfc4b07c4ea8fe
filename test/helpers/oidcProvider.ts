import type { Server } from 'node:http'
import Provider from 'oidc-provider'
import { freePort } from './processServer'

export const OIDC_CLIENT_ID = 'samverkstad'
export const OIDC_CLIENT_SECRET = 'test-client-secret-for-oidc-provider'

/**
 * A real OpenID Connect provider (the oidc-provider package) on a free port
 * of this machine. Its development login page takes any login as the
 * account id; the account's e-mail is that login, and `groups` come from
 * `groupsOf`.
 */
export interface TestIdentityProvider {
  readonly issuer: string
  readonly port: number
  /** Starts it (again, after stop) on the same port, for the given redirect URI. */
  start(redirectUri: string): Promise<void>
  stop(): Promise<void>
}

export async function identityProvider(groupsOf: (login: string) => string[] = () => []): Promise<TestIdentityProvider> {
  const port = await freePort()
  const issuer = `http://127.0.0.1:${port}`
  let server: Server | null = null
  return {
    issuer,
    port,
    async start(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: OIDC_CLIENT_ID,
            client_secret: OIDC_CLIENT_SECRET,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['groups'] },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
        findAccount: async (_ctx, id) => ({
          accountId: id,
          claims: async () => ({ sub: id, email: id, email_verified: true, groups: groupsOf(id) }),
        }),
      })
      await new Promise<void>((ok) => {
        server = provider.listen(port, '127.0.0.1', () => ok())
      })
    },
    async stop() {
      const s = server
      server = null
      if (!s) return
      s.closeAllConnections()
      await new Promise<void>((ok) => s.close(() => ok()))
    },
  }
}
