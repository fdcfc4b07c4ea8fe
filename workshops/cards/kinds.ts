import builtinFile from '../card-kinds.json'
import { CardCatalog } from './catalog'
import { checkCardKinds, type CardKindDeclaration } from './kindDeclaration'

/**
 * Which card kinds this process knows: the built-in ones from
 * `workshops/card-kinds.json`, plus an employer's own when the server was
 * started with WORKSHOPS_DIR.
 *
 * The tldraw schema (cardShape.ts, schema.ts) is the same constant
 * everywhere; its card validators ask `cardKinds()` which kinds and fields
 * exist. So each process installs its kinds once, before it judges or draws
 * a card: the server at start from the method it loaded (server/app.ts, the
 * CLI, the import worker), a browser from what its server sends with the
 * workshop (GET /api/workshops/<id> → `cardKinds`). Both sides then build the
 * same catalog from the same declarations, through the same parser, and
 * validate a card the same way. Until something is installed, the built-in
 * kinds apply (pure tests, the start page).
 */

/** A card kind id; the declarations say which exist. */
export type CardKind = string

export const BUILTIN_KINDS_FILE = 'workshops/card-kinds.json'

let builtin: CardKindDeclaration[] | null = null
let installed: CardCatalog | null = null

/** The built-in declarations, checked on first use (the server does it at start, so a broken file stops it). */
export function builtinCardKinds(): CardKindDeclaration[] {
  return (builtin ??= checkCardKinds(BUILTIN_KINDS_FILE, builtinFile))
}

/** The card kinds of this process. */
export function cardKinds(): CardCatalog {
  return (installed ??= new CardCatalog(builtinCardKinds()))
}

/** Makes `declarations` this process's card kinds (already checked: parseCardKinds / checkCardKinds). */
export function installCardKinds(declarations: readonly CardKindDeclaration[]): CardCatalog {
  installed = new CardCatalog(declarations)
  return installed
}

export function isCardKind(value: unknown): value is CardKind {
  return cardKinds().has(value)
}
