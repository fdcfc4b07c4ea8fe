import { config } from 'zod'

// The page's CSP forbids eval. Zod probes for it (new Function) before its fast path, and each probe is a
// CSP violation in the console; without the probe it validates the same, a little slower.
config({ jitless: true })
