const SOUND_KEY = 'samverkstad.timerSound'

export function soundAllowed(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on'
  } catch {
    return false
  }
}

export function setSoundAllowed(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off')
  } catch {
    // Private mode: the choice lasts for this page.
  }
}

/** A short, soft two-tone chime made in the browser: no sound file to load. */
export function chime(): void {
  const AudioCtx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!AudioCtx) return
  const ctx = new AudioCtx()
  const start = ctx.currentTime
  for (const [i, freq] of [660, 880].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.frequency.value = freq
    gain.gain.setValueAtTime(0.0001, start + i * 0.25)
    gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.25 + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.25 + 0.4)
    osc.connect(gain).connect(ctx.destination)
    osc.start(start + i * 0.25)
    osc.stop(start + i * 0.25 + 0.45)
  }
  setTimeout(() => void ctx.close(), 1500)
}
