// Makes sure better-sqlite3 has a build for the runtime about to use it ("node" or "electron"),
// and rebuilds only when the build that loads there does not match its ABI.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

import { electronBuild, electronVersion, firstError, installedElectron, nodeBuild, root } from './native.mjs'

const probe = (exe, env, binding) =>
  spawnSync(
    exe,
    [
      '-e',
      `const D=require('better-sqlite3');new D(':memory:'${binding ? `,{nativeBinding:${JSON.stringify(binding)}}` : ''}).close()`,
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' },
  )

function ensureNode() {
  const result = probe(process.execPath, {})
  if (result.status === 0) return
  console.error(
    `better-sqlite3 does not load in Node ${process.version} (${firstLine(result.stderr)}); rebuilding it for Node...`,
  )
  execFileSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' })
}

/** true when Electron has a build that loads; false (and why, on stderr) when it cannot have one. */
function ensureElectron() {
  const binary = installedElectron()
  if (!binary) {
    console.error('The Electron runtime is not installed here, so there is nothing to build for it.')
    return false
  }
  const target = electronBuild()
  const env = { ELECTRON_RUN_AS_NODE: '1' }
  if (existsSync(target) && probe(binary, env, target).status === 0) return true
  console.error(
    `Building better-sqlite3 for Electron ${electronVersion()} (once; it is kept beside the Node build)...`,
  )
  const nodeCopy = `${nodeBuild()}.node-abi`
  if (existsSync(nodeBuild())) copyFileSync(nodeBuild(), nodeCopy)
  try {
    // Electron's headers come from the internet, like its runtime.
    execFileSync('npx', ['electron-rebuild', '-f', '-w', 'better-sqlite3', '-v', electronVersion()], {
      cwd: root,
      stdio: 'inherit',
    })
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(nodeBuild(), target)
  } catch (e) {
    console.error(`better-sqlite3 could not be built for Electron: ${firstError(String(e)) ?? String(e)}`)
    return false
  } finally {
    // A failed rebuild may have removed the build folder; the Node build comes back either way.
    if (existsSync(nodeCopy)) {
      mkdirSync(dirname(nodeBuild()), { recursive: true })
      copyFileSync(nodeCopy, nodeBuild())
      rmSync(nodeCopy)
    }
  }
  const built = probe(binary, env, target)
  if (built.status !== 0)
    console.error(`The Electron build of better-sqlite3 does not load: ${firstLine(built.stderr)}`)
  return built.status === 0
}

const firstLine = (text) => firstError(text) ?? (text ?? '').trim().split('\n')[0]

const mode = process.argv[2] ?? 'node'
if (mode === 'node') ensureNode()
else if (mode === 'electron') {
  if (!ensureElectron()) process.exitCode = 1
} else {
  console.error(`ensure-native: unknown runtime "${mode}" (use node or electron)`)
  process.exitCode = 2
}
