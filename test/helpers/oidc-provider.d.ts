// oidc-provider ships no types; this is the little of it the tests use.
declare module 'oidc-provider' {
  import type { Server } from 'node:http'

  interface Account {
    accountId: string
    claims(use: string, scope: string): Promise<Record<string, unknown>>
  }

  interface Configuration {
    clients: Array<Record<string, unknown>>
    claims?: Record<string, string[]>
    findAccount(ctx: unknown, id: string): Promise<Account | undefined>
    features?: Record<string, unknown>
    pkce?: Record<string, unknown>
    ttl?: Record<string, number>
    cookies?: Record<string, unknown>
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    listen(port: number, host?: string, callback?: () => void): Server
  }
}
