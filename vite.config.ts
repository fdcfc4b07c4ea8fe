import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// The client is Solid; the tldraw board is a React island in client/board-island/.
// Solid's compiler must leave that folder alone, and Oxc compiles its JSX for React.
const ISLAND = /client\/board-island\//

export default defineConfig({
  root: 'client',
  plugins: [solid({ exclude: [ISLAND] })],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  resolve: { dedupe: ['react', 'react-dom'] },
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        // radix-ui's "use client" directives are harmless in a client-only build.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/healthz': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
