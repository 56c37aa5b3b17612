import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package root, found by walking up from this module to our package.json. It works from
 * the sources (tsx), from the bundled main process (out/main) and from an installed package.
 */
let root: string | undefined

export function packageRoot(): string {
  root ??= findPackageRoot()
  return root
}

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }
      if (pkg.name === 'pacific-lab') return dir
    }
    const parent = dirname(dir)
    if (parent === dir)
      throw new Error('Pacific Lab: cannot find the package root (package.json named pacific-lab)')
    dir = parent
  }
}

let version: string | undefined

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version
  return version
}

export const resourcesDir = () => join(packageRoot(), 'resources')
export const rendererDir = () => join(packageRoot(), 'out', 'renderer')
