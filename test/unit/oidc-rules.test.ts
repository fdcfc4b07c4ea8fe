import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { OidcSignIn, OidcSignInError } from '../../server/auth/oidc'
import type { OidcConfig } from '../../server/config'
import { createLog } from '../../server/log'

const rules = (over: Partial<OidcConfig>) =>
  new OidcSignIn({ issuer: 'https://idp.example', clientId: 'c', clientSecret: null, allowedDomains: [], allowedGroups: [], groupsClaim: 'groups', ...over }, createLog('silent'))

const reason = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof OidcSignInError ? error.reason : String(error)
  }
  return 'allowed'
}

test('OIDC_ALLOWED_DOMAINS: only those domains; "*" lets everyone in', () => {
  const only = rules({ allowedDomains: ['kommun.se', 'region.se'] })
  assert.is(only.organiserEmail({ email: 'Karin@Kommun.se' }), 'karin@kommun.se')
  assert.is(reason(() => only.organiserEmail({ email: 'eve@kommun.se.evil.example' })), 'denied')
  assert.is(reason(() => only.organiserEmail({ email: 'eve@example.com' })), 'denied')
  assert.is(rules({ allowedDomains: ['*'] }).organiserEmail({ email: 'eve@example.com' }), 'eve@example.com')
})

test('OIDC_ALLOWED_GROUPS: the group claim must name one of them; with domains too, both must hold', () => {
  const groups = rules({ allowedGroups: ['hr-organisers'] })
  assert.is(groups.organiserEmail({ email: 'a@x.se', groups: ['staff', 'hr-organisers'] }), 'a@x.se')
  assert.is(reason(() => groups.organiserEmail({ email: 'a@x.se', groups: ['staff'] })), 'denied')
  assert.is(reason(() => groups.organiserEmail({ email: 'a@x.se' })), 'denied')
  const custom = rules({ allowedGroups: ['hr'], groupsClaim: 'roles' })
  assert.is(custom.organiserEmail({ email: 'a@x.se', roles: 'staff hr' }), 'a@x.se')
  const both = rules({ allowedDomains: ['kommun.se'], allowedGroups: ['hr'] })
  assert.is(reason(() => both.organiserEmail({ email: 'a@x.se', groups: ['hr'] })), 'denied')
  assert.is(both.organiserEmail({ email: 'a@kommun.se', groups: ['hr'] }), 'a@kommun.se')
})

test('an unverified or missing e-mail is refused; preferred_username stands in when it is an address', () => {
  const any = rules({ allowedDomains: ['*'] })
  assert.is(reason(() => any.organiserEmail({ email: 'a@x.se', email_verified: false })), 'denied')
  assert.is(reason(() => any.organiserEmail({ sub: '123' })), 'denied')
  assert.is(any.organiserEmail({ preferred_username: 'Karin.Berg@Kommun.se' }), 'karin.berg@kommun.se')
  assert.is(reason(() => any.organiserEmail({ preferred_username: 'kberg' })), 'denied')
})

test.run()
