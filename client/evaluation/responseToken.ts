import type { Round } from '../../workshops/evaluation/answers'

/**
 * The response token the server issued to this tab, per workshop and round,
 * in session storage: a reload answers with the same token (and so replaces,
 * never adds), while another tab or person on this computer starts afresh.
 */
const name = (workshopId: string, round: Round) => `samverkstad.evaluation-token.${workshopId}.${round}`

export function savedToken(workshopId: string, round: Round): string | null {
  try {
    return sessionStorage.getItem(name(workshopId, round))
  } catch {
    return null
  }
}

/** The token of the round this tab answered last: a link's page does not know its round until the server says. */
export function lastToken(workshopId: string): string | null {
  try {
    const round = sessionStorage.getItem(`samverkstad.evaluation-round.${workshopId}`)
    return round === 'session' || round === 'follow-up' ? savedToken(workshopId, round) : null
  } catch {
    return null
  }
}

export function saveToken(workshopId: string, round: Round, token: string): void {
  try {
    sessionStorage.setItem(name(workshopId, round), token)
    sessionStorage.setItem(`samverkstad.evaluation-round.${workshopId}`, round)
  } catch {
    // Private mode: the token lasts for this page.
  }
}
