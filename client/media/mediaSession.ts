import type { MediaLimits } from '../../workshops/media/mediaLimits'

/** What POST /api/workshops/<id>/media-session answers (server/media/mediaService.ts). */
interface SessionAnswer {
  expiresAt: number
  renewInMs: number
  limits: MediaLimits
  used: number
}

export interface MediaSession {
  readonly workshopId: string
  /** The workshop key, for uploads (sent as a header, never in a URL). */
  readonly key: string
  /** Settles once the media cookie is set (images and films can load then); never rejects. */
  readonly ready: Promise<void>
  limits(): MediaLimits | null
  /** Bytes of media the workshop holds, as last told by the server plus this page's uploads since. */
  used(): number
  addUsed(bytes: number): void
  dispose(): void
}

const RETRY_MS = 15_000

/**
 * Trades the workshop key (in a header) for the HttpOnly media cookie the
 * server scopes to this workshop's media, and renews it while the page is
 * open, so <img> and <video> requests carry no key. Plain TypeScript: the
 * Solid page owns it and the board island uses it.
 */
export function openMediaSession(workshopId: string, key: string): MediaSession {
  let limits: MediaLimits | null = null
  let used = 0
  let expiresAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let disposed = false
  let markReady: () => void = () => {}
  const ready = new Promise<void>((ok) => (markReady = ok))

  const renew = async (): Promise<void> => {
    if (disposed) return
    clearTimeout(timer)
    try {
      const res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/media-session`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        credentials: 'same-origin',
      })
      if (!res.ok) throw new Error(String(res.status))
      const answer = (await res.json()) as SessionAnswer
      limits = answer.limits
      used = answer.used
      expiresAt = answer.expiresAt
      markReady()
      if (!disposed) timer = setTimeout(() => void renew(), answer.renewInMs)
    } catch {
      // Offline or refused: media that is loaded stays; try again soon. Waiting media loads then.
      markReady()
      if (!disposed) timer = setTimeout(() => void renew(), RETRY_MS)
    }
  }
  // A laptop that slept past the renewal renews as soon as it is looked at again.
  const onVisible = () => {
    if (document.visibilityState === 'visible' && Date.now() > expiresAt - 60_000) void renew()
  }
  document.addEventListener('visibilitychange', onVisible)
  void renew()

  return {
    workshopId,
    key,
    ready,
    limits: () => limits,
    used: () => used,
    addUsed: (bytes) => {
      used += bytes
    },
    dispose: () => {
      disposed = true
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    },
  }
}
