import { actorOf, type RequestOrganiser } from '../../auth/organiserAuth'
import { checkedEmail, setupLink } from '../../auth/organiserAccounts'
import type { OrganisedWorkshop } from '../../store/workshopAccessStore'
import { HttpError, readJson, sendJson } from '../respond'
import { ID, type ApiDeps, type Route } from '../route'

/** A facilitator reloading the board is one "opened" in the audit log per this long, not one per reload. */
export const OPENED_COALESCE_MS = 10 * 60_000

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/**
 * "Mina workshoppar": the signed-in organiser's workshops and what they can
 * do with each (open as facilitator, replace the facilitator link, invite
 * co-organisers, read the audit log).
 */
export function organiserRoutes(deps: ApiDeps): Route[] {
  const { auth, access, workshops, audit, methods, accounts, oidc, config, retention, baseUrl, programmes } = deps

  const listed = (base: string, w: OrganisedWorkshop) => {
    const participantKey = workshops.participantKeyOf(w.id, w.participantKeySealed)
    return {
      id: w.id,
      title: w.title,
      method: w.method,
      methodTitle: methods.get(w.method)?.title ?? null,
      createdAt: iso(w.createdAt),
      lastActivityAt: iso(w.lastActivityAt),
      deletesAt: iso(retention.deletesAt(w.lastActivityAt)),
      organisers: w.organisers,
      participantUrl: participantKey ? `${base}/w/${w.id}#key=${participantKey}` : null,
      programme: programmes.summaryOf(w.id),
    }
  }

  const sessionOf = (organiser: RequestOrganiser) => {
    if (organiser.kind !== 'session') {
      throw new HttpError(400, 'ADMIN_TOKEN has no session to open a workshop with: sign in, or make a new facilitator link (POST …/facilitator-link)')
    }
    return organiser
  }

  /** How the invited person gets in, for the inviter to pass on (there is no mail server). */
  const invite = (base: string, email: string): { signIn: 'provider' | 'password' | 'link'; setupUrl?: string } => {
    const existing = accounts.find(email)
    if (existing) return { signIn: existing.passwordHash ? 'password' : 'provider' }
    // With an identity provider, who may be an organiser is its configuration's say: no local accounts by invitation
    // (`npm run organisers -- add` still makes one).
    if (oidc || !config.auth.localSignIn) return { signIn: 'provider' }
    // Only for a new account: a link for an existing one would let the inviter choose someone else's password.
    const { token } = accounts.passwordToken(email)
    return { signIn: 'link', setupUrl: setupLink(base, token) }
  }

  return [
    {
      method: 'GET',
      pattern: /^\/api\/workshops$/,
      public: true,
      handler: (req, res) => {
        const organiser = auth.requireOrganiser(req)
        const rows = organiser.kind === 'admin-token' ? access.listAll() : access.listOf(organiser.email)
        const base = baseUrl(req)
        sendJson(res, 200, rows.map((w) => listed(base, w)))
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/open$`),
      public: true,
      handler: (req, res, _url, [id]) => {
        const session = sessionOf(auth.requireOrganiserOf(req, id).organiser)
        const key = workshops.issueOrganiserKey(id, session.sessionHash, session.email)
        audit.record(id, 'opened', actorOf(session), null, { coalesceMs: OPENED_COALESCE_MS })
        sendJson(res, 200, { facilitatorUrl: `${baseUrl(req)}/w/${id}#key=${key}` })
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/facilitator-link$`),
      public: true,
      handler: (req, res, url, [id]) => {
        const { actor } = auth.facilitatorOf(req, url, id)
        const key = workshops.replaceFacilitatorKey(id)
        audit.record(id, 'link-replaced', actor, 'facilitator')
        sendJson(res, 200, { facilitatorUrl: `${baseUrl(req)}/w/${id}#key=${key}` })
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/workshops/${ID}/organisers$`),
      public: true,
      handler: async (req, res, _url, [id]) => {
        const { organiser } = auth.requireOrganiserOf(req, id)
        const body = await readJson(req, 4096)
        const email = checkedEmail((body as { email?: unknown } | null)?.email)
        const already = access.isOrganiser(id, email)
        access.addOrganiser(id, email, organiser.kind === 'session' ? organiser.email : null)
        if (!already) audit.record(id, 'organiser-added', actorOf(organiser), email)
        sendJson(res, already ? 200 : 201, { email, organisers: access.organisersOf(id), ...invite(baseUrl(req), email) })
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/api/workshops/${ID}/organisers/([^/]+)$`),
      public: true,
      handler: (req, res, _url, [id, encoded]) => {
        const { organiser } = auth.requireOrganiserOf(req, id)
        let email: string
        try {
          email = checkedEmail(decodeURIComponent(encoded))
        } catch {
          throw new HttpError(400, 'expected an e-mail address in the path')
        }
        const organisers = access.organisersOf(id)
        if (!organisers.includes(email)) throw new HttpError(404, `${email} is not an organiser of this workshop`)
        if (organisers.length === 1) throw new HttpError(409, 'a workshop keeps at least one organiser; delete the workshop instead')
        access.removeOrganiser(id, email)
        audit.record(id, 'organiser-removed', actorOf(organiser), email)
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/workshops/${ID}/audit$`),
      public: true,
      handler: (req, res, _url, [id]) => {
        auth.requireOrganiserOf(req, id)
        sendJson(
          res,
          200,
          audit.ofWorkshop(id).map((e) => ({ at: iso(e.at), action: e.action, actor: e.actor, detail: e.detail })),
        )
      },
    },
  ]
}
