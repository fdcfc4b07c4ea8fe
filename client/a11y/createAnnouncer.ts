import { createSignal, onCleanup, type Accessor } from 'solid-js'

/** What others did: gathered for a while and said once, so a busy board does not talk over everything. */
export type OthersEvent = { type: 'card'; name: string; kind: string } | { type: 'joined' | 'left'; name: string }

export interface Announcement {
  id: number
  text: string
}

export interface Announcer {
  /** The last few announcements, newest last: the live region shows them, so each addition is read out. */
  messages: Accessor<Announcement[]>
  /** Says `text` soon (messages of the same moment are said together). */
  say(text: string): void
  /** Notes what someone else did; said at most once per `othersWindowMs`, summed up. */
  others(event: OthersEvent): void
}

export interface AnnouncerOptions {
  othersWindowMs?: number
  /** Turns a gathered list of others' events into one sentence. */
  summarise: (events: OthersEvent[]) => string
}

const KEEP = 5
/** Changes that arrive together (a step change that also starts the timer) become one message. */
const SAME_MOMENT_MS = 150

/** Owns the page's one polite live region's content; disposed with its owner. */
export function createAnnouncer(opts: AnnouncerOptions): Announcer {
  const windowMs = opts.othersWindowMs ?? 2500
  const [messages, setMessages] = createSignal<Announcement[]>([])
  let nextId = 1
  let now: string[] = []
  let nowTimer: ReturnType<typeof setTimeout> | undefined
  let gathered: OthersEvent[] = []
  let othersTimer: ReturnType<typeof setTimeout> | undefined

  const push = (text: string) => {
    if (!text) return
    setMessages((list) => [...list, { id: nextId++, text }].slice(-KEEP))
  }
  const flushNow = () => {
    nowTimer = undefined
    push(now.join(' '))
    now = []
  }
  const flushOthers = () => {
    othersTimer = undefined
    const events = gathered
    gathered = []
    if (events.length) push(opts.summarise(events))
  }
  onCleanup(() => {
    clearTimeout(nowTimer)
    clearTimeout(othersTimer)
  })
  return {
    messages,
    say(text) {
      now.push(text)
      nowTimer ??= setTimeout(flushNow, SAME_MOMENT_MS)
    },
    others(event) {
      gathered.push(event)
      othersTimer ??= setTimeout(flushOthers, windowMs)
    },
  }
}
