import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** The benchmark page (bench/page): built by the canvas benchmark only, never shipped. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, '../out/bench-page'),
    emptyOutDir: true,
    minify: true,
  },
})
