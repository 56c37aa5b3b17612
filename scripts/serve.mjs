// `npm run serve [-- ARGS]`: builds the app quietly and serves it to the browser
// (`pacific-lab serve ARGS`). Nothing is printed before the address unless something fails.
import { spawn, spawnSync } from 'node:child_process'

import { follow } from './follow.mjs'
import { root } from './native.mjs'
import { build } from './quiet-build.mjs'

const node = process.execPath
if (spawnSync(node, ['scripts/ensure-native.mjs', 'node'], { cwd: root, stdio: 'inherit' }).status !== 0)
  process.exit(1)
if (!build()) process.exit(1)
follow(
  spawn(node, ['bin/pacific-lab.js', 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }),
)
