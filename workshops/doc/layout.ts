/**
 * How a workshop lives in Yjs. Client, server, exports and tests all name the
 * roots through these constants, never by string.
 */

/** Y.Array holding the board's tldraw records as a key-value list (y-utility's YKeyValue). */
export const BOARD_RECORDS = 'records'
/** Y.Map with the document's versions, written once when the board is created. */
export const BOARD_META = 'meta'

/** Keys in BOARD_META. */
export const META_DOC_VERSION = 'docVersion'
export const META_TLDRAW_SCHEMA = 'tldrawSchema'

/**
 * Version of our document layout (roots, card props). A client that meets a
 * higher number than it knows asks the user to reload instead of guessing.
 * 2: cards carry `fields` (the card shape's AddFields migration); the server
 * upgrades a stored board when it loads it (upgradeBoard.ts).
 */
export const DOC_VERSION = 2
