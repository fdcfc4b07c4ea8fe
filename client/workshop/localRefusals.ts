import { DEFAULT_DOC_LIMITS, type DocLimits } from '../../workshops/rules/limits'
import type { RefusalReason } from '../../workshops/rules/refusals'

/**
 * Edits this page refuses itself, before sending, because the server would:
 * the board island reports them here and the refusal message shows them like
 * the server's. Also holds the server's limits (from /api/config).
 */
type Listener = (reason: RefusalReason) => void
const listeners = new Set<Listener>()
let limits: DocLimits = DEFAULT_DOC_LIMITS

export function setDocLimits(next: DocLimits | undefined): void {
  if (next) limits = next
}

export function docLimits(): DocLimits {
  return limits
}

export function reportLocalRefusal(reason: RefusalReason): void {
  for (const l of listeners) l(reason)
}

export function onLocalRefusal(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
