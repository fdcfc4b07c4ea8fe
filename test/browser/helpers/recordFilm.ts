/**
 * Records a short film in the page with MediaRecorder from a canvas that
 * shows the seconds, and answers it as base64 WebM. A string, not a function:
 * the test runner's transform would add helper names the page does not have.
 */
export const RECORD_FILM = `(async (seconds) => {
  const canvas = document.createElement('canvas')
  canvas.width = 320
  canvas.height = 180
  const g = canvas.getContext('2d')
  const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' })
  const chunks = []
  recorder.ondataavailable = (e) => chunks.push(e.data)
  recorder.start(250)
  const t0 = performance.now()
  await new Promise((done) => {
    const tick = () => {
      const t = performance.now() - t0
      g.fillStyle = 'hsl(' + Math.round(t / 20) % 360 + ' 60% 45%)'
      g.fillRect(0, 0, 320, 180)
      g.fillStyle = '#fff'
      g.font = '48px sans-serif'
      g.fillText((t / 1000).toFixed(1) + ' s', 70, 110)
      if (t < seconds * 1000) setTimeout(tick, 40)
      else done()
    }
    tick()
  })
  recorder.stop()
  await new Promise((r) => (recorder.onstop = r))
  const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer())
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000))
  return btoa(text)
})`
