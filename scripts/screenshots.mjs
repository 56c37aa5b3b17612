// `npm run screenshots`: rewrites the docs' pictures (docs/screenshot-*.png) from the
// end-to-end specs that take them. `npm test` never writes into docs/.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { root } from './native.mjs'

const SPECS = ['demo-lab', 'build-lab', 'manifests', 'playback', 'menu-bar'].map(
  (s) => `test/e2e/${s}.spec.ts`,
)
const node = process.execPath
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)
const steps = [
  [node, 'scripts/ensure-native.mjs', 'node'],
  [node, bin('electron-vite', 'bin/electron-vite.js'), 'build'],
  [node, bin('@playwright/test', 'cli.js'), 'test', ...SPECS],
]
for (const [cmd, ...args] of steps) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PACIFIC_LAB_SCREENSHOTS: '1' },
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
