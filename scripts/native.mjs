// Where each runtime's build of better-sqlite3 lives, and where the Electron runtime is. Node uses
// the package's own build; Electron uses a copy built for its ABI, kept beside it and passed as
// `nativeBinding`, so both builds coexist and `npm start` and `npm test` can run in either order.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const resolveFromHere = createRequire(import.meta.url)
export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export const nodeBuild = () =>
  join(
    dirname(resolveFromHere.resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  )

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
}

/** The folder of the Electron builds: node_modules/.pacific-lab, or PACIFIC_LAB_NATIVE_DIR (tests). */
export const nativeDir = () =>
  process.env.PACIFIC_LAB_NATIVE_DIR || join(root, 'node_modules', '.pacific-lab')

export const electronBuild = () => join(nativeDir(), `better_sqlite3-electron-${electronVersion()}.node`)

/**
 * The Electron executable if its runtime is already here, else null; never downloads. Finds it
 * as Electron's own package does (its index.js): ELECTRON_OVERRIDE_DIST_PATH, else dist/ as
 * named by path.txt.
 */
export function installedElectron() {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override ? join(override, name || 'electron') : name ? join(pkg, 'dist', name) : null
  return binary && existsSync(binary) ? binary : null
}

/**
 * The Electron executable as `require('electron')` gives it: Electron 45 downloads its runtime
 * there on first use (no longer at install). Runs in a child, so the installer's stack trace
 * stays out of the user's way; returns `{ binary }`, or `{ reason }` in words when there is none.
 */
export function fetchElectron() {
  if (!installedElectron() && !process.env.ELECTRON_OVERRIDE_DIST_PATH)
    console.error(`Fetching the Electron ${electronVersion()} runtime (first start only)...`)
  const asked = spawnSync(
    process.execPath,
    [
      '-e',
      "try { console.log(JSON.stringify({ binary: require('electron') })) } catch (e) { console.log(JSON.stringify({ error: e.message })) }",
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const last = (asked.stdout ?? '').trim().split('\n').at(-1) ?? ''
  let answer
  try {
    answer = JSON.parse(last)
  } catch {
    answer = { error: `the electron package did not answer (${firstError(asked.stderr) ?? 'no output'})` }
  }
  if (answer.binary && existsSync(answer.binary)) return { binary: answer.binary }
  if (answer.binary) return { reason: `the Electron executable ${answer.binary} does not exist` }
  if (/Cannot find module 'electron'/.test(answer.error ?? ''))
    return { reason: 'the electron package is not installed (npm install installs it)' }
  return {
    reason: `the Electron runtime could not be downloaded (${firstError(asked.stderr) ?? answer.error})`,
  }
}

/** The first line of an output that names an error, e.g. "TypeError: fetch failed". */
export const firstError = (text) =>
  (text ?? '')
    .split('\n')
    .find((line) => /\b\w*Error\b|\bE[A-Z]{3,}\b/.test(line))
    ?.trim() ?? null
