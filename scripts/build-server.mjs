// Bundles the server's TypeScript into dist/server/main.js (and the import
// worker beside it, dist/server/importWorker.js); npm packages stay external.
import { build } from 'esbuild'

await build({
  entryPoints: ['server/main.ts', 'server/workshops/importWorker.ts'],
  outdir: 'dist/server',
  entryNames: '[name]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
