// Where each runtime's build of better-sqlite3 lives. Node uses the package's own build;
// Electron uses a copy built for its ABI, kept beside it and passed as `nativeBinding`, so both
// builds coexist and `npm start` and `npm test` can run in either order.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export const nodeBuild = () =>
  join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
}

export const electronBuild = () =>
  join(root, 'node_modules', '.pacific-lab', `better_sqlite3-electron-${electronVersion()}.node`)

/** The Electron executable, or null where the runtime was not downloaded (as on CI machines here). */
export function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
