import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { configFromEnv } from '../../server/config'

const config = (env: Record<string, string>) => configFromEnv(env, '/tmp')
const problem = (env: Record<string, string>) => {
  try {
    config(env)
    return 'started'
  } catch (error) {
    return (error as Error).message
  }
}

test('defaults: local sign-in on, no identity provider, 12-hour sessions, workshops kept 365 days without activity', () => {
  const c = config({})
  assert.equal(c.auth, { adminToken: null, localSignIn: true, oidc: null, sessionHours: 12, trustProxy: false })
  assert.is(c.retentionDays, 365)
})

test('the server does not start on an auth configuration that would lock everyone out or let anyone in', () => {
  assert.match(problem({ ADMIN_TOKEN: 'short' }), /ADMIN_TOKEN must be at least 24 characters/)
  assert.match(problem({ OIDC_ISSUER: 'https://idp.kommun.se', OIDC_CLIENT_ID: 'x' }), /say who may be an organiser: OIDC_ALLOWED_DOMAINS/)
  assert.match(problem({ OIDC_ISSUER: 'https://idp.kommun.se', OIDC_ALLOWED_DOMAINS: 'kommun.se' }), /OIDC_CLIENT_ID is needed/)
  assert.match(problem({ OIDC_ISSUER: 'http://idp.kommun.se', OIDC_CLIENT_ID: 'x', OIDC_ALLOWED_DOMAINS: 'kommun.se' }), /must be an https:\/\/ address/)
  assert.match(problem({ LOCAL_SIGN_IN: 'off' }), /LOCAL_SIGN_IN=off needs OIDC_ISSUER/)
  assert.match(problem({ RETENTION_DAYS: '-1' }), /RETENTION_DAYS must be a non-negative number/)
  const oidc = config({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'x', OIDC_ALLOWED_DOMAINS: '@Kommun.se, region.se', LOCAL_SIGN_IN: 'off' })
  assert.equal(oidc.auth.oidc?.allowedDomains, ['kommun.se', 'region.se'])
  assert.is(oidc.auth.localSignIn, false)
})

test('TIME_ZONE: Stockholm by default, any IANA zone, and a clear error for anything else', () => {
  assert.is(config({}).timeZone, 'Europe/Stockholm')
  assert.is(config({ TIME_ZONE: 'Europe/Helsinki' }).timeZone, 'Europe/Helsinki')
  assert.throws(() => config({ TIME_ZONE: 'Europe/Uppsala' }), /TIME_ZONE must be an IANA time zone like "Europe\/Stockholm", got "Europe\/Uppsala"/)
})

test.run()
