// Builds the app (electron-vite build) without a word unless it fails: a user who asked to serve
// or start the app wants its address, not the bundler's 25 lines of chunk sizes.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

import { root } from './native.mjs'

const BUILD = [
  process.execPath,
  join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  'build',
]

/** Runs `command` (default: the app's build) capturing its output; the output is kept for a failure. */
export function buildQuietly(command = BUILD) {
  const result = spawnSync(command[0], command.slice(1), {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
  return { ok: result.status === 0, output }
}

/** Builds the app; on failure prints everything the build printed and says so. True when built. */
export function build() {
  const { ok, output } = buildQuietly()
  if (!ok) process.stderr.write(`${output}\nThe build failed (its output is above).\n`)
  return ok
}
