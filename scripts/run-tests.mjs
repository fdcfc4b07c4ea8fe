// Runs every test suite and ends with one line CI understands: "N passed, N failed".
// Usage: node scripts/run-tests.mjs [suite …]   (suites: typecheck unit server browser; default all)
import { spawn } from 'node:child_process'

const SUITES = {
  typecheck: { cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'], kind: 'single', timeoutMin: 5 },
  build: { cmd: 'npm', args: ['run', 'build', '--silent'], kind: 'single', timeoutMin: 10 },
  unit: { cmd: 'npx', args: ['uvu', '-r', 'tsx', 'test/unit', '\\.test\\.ts$'], kind: 'uvu', timeoutMin: 10 },
  server: { cmd: 'npx', args: ['uvu', '-r', 'tsx', 'test/server', '\\.test\\.ts$'], kind: 'uvu', timeoutMin: 20 },
  browser: { cmd: 'npx', args: ['uvu', '-r', 'tsx', 'test/browser', '\\.test\\.ts$'], kind: 'uvu', timeoutMin: 30 },
}
const requested = process.argv.slice(2)
const order = requested.length
  ? requested.flatMap((s) => (s === 'browser' ? ['build', 'browser'] : [s]))
  : ['typecheck', 'unit', 'server', 'build', 'browser']

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '')

function run(name) {
  const suite = SUITES[name]
  if (!suite) throw new Error(`unknown suite ${name}`)
  return new Promise((resolve) => {
    console.log(`\n=== ${name}: ${suite.cmd} ${suite.args.join(' ')}`)
    const child = spawn(suite.cmd, suite.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      process.stdout.write(d)
    })
    child.stderr.on('data', (d) => {
      out += d
      process.stderr.write(d)
    })
    const timer = setTimeout(() => {
      console.error(`\n${name}: timed out after ${suite.timeoutMin} min, stopping it`)
      child.kill('SIGKILL')
    }, suite.timeoutMin * 60_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, out: stripAnsi(out) })
    })
  })
}

let passed = 0
let failed = 0
const lines = []
for (const name of order) {
  const { code, out } = await run(name)
  const suite = SUITES[name]
  if (suite.kind === 'single') {
    if (code === 0) passed++
    else failed++
    lines.push(`${name}: ${code === 0 ? 'ok' : 'FAILED'}`)
    if (name === 'build' && code !== 0) {
      lines.push('browser: not run (build failed)')
      failed++
      break
    }
    continue
  }
  const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? NaN)
  const ok = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? NaN)
  const skipped = Number(/Skipped:\s+(\d+)/.exec(out)?.[1] ?? 0)
  if (Number.isNaN(total) || Number.isNaN(ok)) {
    // The runner died before its summary: count the suite as one failure.
    failed++
    lines.push(`${name}: crashed (exit ${code})`)
    continue
  }
  const bad = total - ok + (code !== 0 && total === ok ? 1 : 0)
  passed += ok
  failed += bad + skipped
  lines.push(`${name}: ${ok} passed, ${bad} failed${skipped ? `, ${skipped} skipped (counted as failed)` : ''}`)
}

console.log('\n=== summary')
for (const l of lines) console.log(l)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
