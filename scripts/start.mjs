// `npm start`: opens Pacific Lab in its Electron window on the last lab (or the demo). Where the
// window cannot open (no display, no Electron runtime and no internet to fetch it, no build of
// better-sqlite3 for it), it serves the app to the browser instead, says why once, opens the
// browser where there is one and prints the address either way. It always starts the app.
import { spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'

import { missingDisplay, openInBrowser } from './browser.mjs'
import { follow } from './follow.mjs'
import { electronBuild, fetchElectron, root } from './native.mjs'
import { build } from './quiet-build.mjs'

const args = process.argv.slice(2)
const node = process.execPath

const runs = (...argv) => spawnSync(node, argv, { cwd: root, stdio: 'inherit' }).status === 0

/** The Electron executable to open the window with, or why there is none. */
function desktop() {
  const noDisplay = missingDisplay()
  if (noDisplay) return { reason: noDisplay }
  const runtime = fetchElectron()
  if (!runtime.binary) return runtime
  if (!runs('scripts/ensure-native.mjs', 'electron'))
    return { reason: 'better-sqlite3 could not be built for Electron (see above)' }
  return runtime
}

function openWindow(binary) {
  follow(
    spawn(binary, ['.', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PACIFIC_LAB_SQLITE_BINDING: electronBuild() },
    }),
  )
}

function serveInBrowser(reason) {
  console.error(`Pacific Lab opens in your browser instead of its own window: ${reason}.`)
  if (!runs('scripts/ensure-native.mjs', 'node')) process.exit(1)
  const server = spawn(node, ['bin/pacific-lab.js', 'serve', ...args], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  })
  follow(server)
  createInterface({ input: server.stdout }).on('line', (line) => {
    console.log(line)
    const address = /^Pacific Lab serving at (\S+)/.exec(line)?.[1]
    if (!address) return
    const opener = openInBrowser(address)
    console.error(
      opener
        ? `Opening it in your browser (${opener}); if nothing opens, open the address above. Ctrl+C stops the server.`
        : 'Open the address above in a browser. Ctrl+C stops the server.',
    )
  })
}

const { binary, reason } = desktop()
if (!build()) process.exit(1)
if (binary) openWindow(binary)
else serveInBrowser(reason)
