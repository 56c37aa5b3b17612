// `npm run golden:update`: rewrites the golden step logs of the sample labs (test/golden/steps).
// Run it after a deliberate change of behaviour and review the diff; `npm test` only compares.
import { mkdirSync, writeFileSync } from 'node:fs'

import { register } from 'tsx/esm/api'

register()
const { GOLDEN_DIR, goldenLogs } = await import('../test/support/golden-steps.ts')
mkdirSync(GOLDEN_DIR, { recursive: true })
for (const { file, log } of goldenLogs()) {
  writeFileSync(file, log)
  console.log(`wrote ${file} (${log.split('\n').length - 1} steps)`)
}
