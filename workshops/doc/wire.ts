/**
 * What the sync endpoint says when it closes a connection. Client and server
 * both read these; scripts against /sync/<id> can rely on them.
 */
export const CLOSE_NO_KEY = 4401
export const CLOSE_WRONG_KEY = 4403
export const CLOSE_UNKNOWN_WORKSHOP = 4404
/** The message was not a valid y-websocket message. */
export const CLOSE_BAD_MESSAGE = 4400
/** The server could not store edits for this workshop; it accepts none until storage works again. */
export const CLOSE_STORAGE_FAILED = 4500
/** The workshop was deleted, or its participant link was replaced. */
export const CLOSE_REVOKED = 4410
/**
 * The socket kept sending edits the server refused (more than it allows in a
 * minute). A single refused edit never closes a connection: the server takes
 * it back and says so in a notice (MSG_NOTICE).
 */
export const CLOSE_TOO_MANY_REFUSED = 4429
/** A private-writing connection without a well-formed `token` parameter. */
export const CLOSE_BAD_TOKEN = 4422

/**
 * Our one message type beyond y-websocket's (0 sync, 1 awareness, 2 auth,
 * 3 query awareness): the server tells one client something, as
 * varUint(MSG_NOTICE) + varString(JSON). Sent only to clients that connect
 * with `notices=1` (a plain y-websocket client would log each as an unknown
 * message). The JSON is one of the `Notice` shapes below.
 */
export const MSG_NOTICE = 100

export type Notice =
  /** Edits the server took back, and why (reasons from workshops/rules/refusals.ts, with counts). */
  | { type: 'refused'; reasons: Record<string, number>; ids: string[]; count: number }
  /** This connection's seat: the identity the server counts it by (votes). Send it back as `seat=` when reconnecting. */
  | { type: 'seat'; seat: string }

/** Close codes after which a client must not reconnect by itself. */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CLOSE_NO_KEY,
  CLOSE_WRONG_KEY,
  CLOSE_UNKNOWN_WORKSHOP,
  CLOSE_REVOKED,
  CLOSE_BAD_TOKEN,
  CLOSE_TOO_MANY_REFUSED,
]

/** Path prefix of the sync endpoint: ws(s)://host/sync/<workshopId>?key=<key>. */
export const SYNC_PATH = '/sync/'

/** Workshop ids are random base64url strings. */
export const WORKSHOP_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

/** Facilitator state (step, timer, vote, locks, follow, settings): /sync/<id>/control. Only facilitator keys may write it. */
export const CONTROL_CHANNEL = 'control'

/**
 * A participant's private cards: /sync/<id>/private?key=<key>&token=<token>.
 * The token is a secret the browser keeps (at least 128 random bits); the
 * server stores the document under a hash of it, so nobody else can name it.
 */
export const PRIVATE_CHANNEL = 'private'

/** A private-writing token: base64url or hex, 22 (128 bits of base64url) to 128 characters. */
export const PRIVATE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,128}$/
