// `npm run screenshots`: refreshes the README's screenshots in docs/ (the end-to-end tests take
// them; `npm test` writes them under test-results/ instead, leaving the checkout as it was).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { root } from './native.mjs'
import { build } from './quiet-build.mjs'

if (
  spawnSync(process.execPath, ['scripts/ensure-native.mjs', 'node'], { cwd: root, stdio: 'inherit' })
    .status !== 0
)
  process.exit(1)
if (!build()) process.exit(1)
const playwright = join(root, 'node_modules', '@playwright', 'test', 'cli.js')
const run = spawnSync(process.execPath, [playwright, 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PACIFIC_LAB_SCREENSHOTS: 'docs' },
})
process.exit(run.status ?? 1)
