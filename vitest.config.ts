import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/soak/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Tests never touch the user's own data folder (recent labs, the demo lab), even when one
    // forgets to pass a dataDir: the default points at a fresh temporary folder.
    env: { PACIFIC_LAB_DATA_DIR: mkdtempSync(join(tmpdir(), 'pacific-lab-unit-')) },
  },
})
