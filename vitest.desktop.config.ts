import { defineConfig } from 'vitest/config'

/**
 * Tests of the built desktop app (test/desktop): the bundles parse, the main process boots under
 * the stand-in Electron, `npm start` opens the window or serves the app. They need `npm run build`
 * first (scripts/test.mjs runs them after it), and run one file at a time because `npm start`
 * rebuilds out/ while it runs.
 */
export default defineConfig({
  test: {
    include: ['test/desktop/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
