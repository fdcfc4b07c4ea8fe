import { z } from 'zod'

/**
 * What each client announces in y-protocols awareness. Other clients' states
 * come from the network, so they are validated here before anything shows them.
 */
export const awarenessUser = z.object({
  id: z.string().max(64),
  name: z.string().max(60),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  role: z.enum(['facilitator', 'participant']),
})

export type AwarenessUser = z.infer<typeof awarenessUser>

export interface Participant extends AwarenessUser {
  clientId: number
  isSelf: boolean
  /** The step id this person marked themselves done with, if any. */
  ready: string | null
}

/** The users in an awareness state map, validated, one entry per client. */
export function participantsFrom(states: Map<number, Record<string, unknown>>, selfClientId: number): Participant[] {
  const out: Participant[] = []
  for (const [clientId, state] of states) {
    const parsed = awarenessUser.safeParse(state.user)
    const ready = typeof state.ready === 'string' && state.ready.length <= 64 ? state.ready : null
    if (parsed.success) out.push({ ...parsed.data, clientId, isSelf: clientId === selfClientId, ready })
  }
  return out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}
