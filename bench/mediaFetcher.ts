/**
 * Film viewers for the media bench: N loops, each streaming one film from
 * our server in byte ranges as a player does (a range of 4 MB, the next one
 * when it is read), wrapping round at the end, as fast as the server gives
 * it. Started by bench/media.ts with its orders in argv; prints one JSON line.
 */
import { request } from 'node:http'

const [url, cookie, sizeArg, clientsArg, secondsArg, startAtArg] = process.argv.slice(2)
const size = Number(sizeArg)
const clients = Number(clientsArg)
const seconds = Number(secondsArg)
const startAt = Number(startAtArg)
const CHUNK = 4 * 1024 * 1024

function fetchRange(start: number, end: number): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: { cookie, range: `bytes=${start}-${end}` } }, (res) => {
      if (res.statusCode !== 206) return fail(new Error(`status ${res.statusCode}`))
      let n = 0
      res.on('data', (chunk: Buffer) => (n += chunk.length))
      res.on('end', () => ok(n))
      res.on('error', fail)
    })
    req.on('error', fail)
    req.end()
  })
}

async function viewer(i: number, until: number): Promise<{ bytes: number; requests: number; errors: number }> {
  // Each viewer starts somewhere else in the film, as people who seek do.
  let at = Math.floor((size / clients) * i)
  let bytes = 0
  let requests = 0
  let errors = 0
  while (performance.timeOrigin + performance.now() < until) {
    const end = Math.min(size - 1, at + CHUNK - 1)
    try {
      bytes += await fetchRange(at, end)
      requests++
    } catch {
      errors++
    }
    at = end + 1 >= size ? 0 : end + 1
  }
  return { bytes, requests, errors }
}

const wait = startAt - (performance.timeOrigin + performance.now())
await new Promise((r) => setTimeout(r, Math.max(0, wait)))
const until = performance.timeOrigin + performance.now() + seconds * 1000
const results = await Promise.all(Array.from({ length: clients }, (_, i) => viewer(i, until)))
const total = results.reduce((a, r) => ({ bytes: a.bytes + r.bytes, requests: a.requests + r.requests, errors: a.errors + r.errors }), { bytes: 0, requests: 0, errors: 0 })
process.stdout.write(`${JSON.stringify({ ...total, seconds })}\n`)
