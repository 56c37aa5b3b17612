import { existsSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

import { EXPORT_MARKER } from '../../shared/manifests/import/parse-files'

/**
 * Where an export is written must hold nothing but an earlier export, so that
 * `kubectl apply -R -f manifests/` never applies a stale object of another lab. An export
 * leaves a marker file listing what it wrote; the next export into the same place removes
 * exactly those files. Anything else in the folders an export owns is refused, or removed with
 * `--force`; other files beside them are left alone.
 */

export interface ExportMarker {
  producer: 'Pacific Lab'
  /** Files written, relative to the folder holding the marker, `/` separators. */
  files: string[]
}

/** The folder an export into `root` must find holding only earlier exports. */
export interface ExportTarget {
  root: string
  /** Relative paths the new export writes. */
  files: readonly string[]
  /** Relative folders the export owns: every file in them must be from the earlier export. */
  owned: readonly string[]
}

export class ExportTargetError extends Error {}

const toRelative = (root: string, path: string) => relative(root, path).split(sep).join('/')

function walk(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  )
}

/** The earlier export's files, or [] when there is no readable marker. Paths that leave the root are ignored. */
export function readMarker(root: string): string[] {
  const path = join(root, EXPORT_MARKER)
  if (!existsSync(path)) return []
  try {
    const marker = JSON.parse(readFileSync(path, 'utf8')) as Partial<ExportMarker>
    if (marker.producer !== 'Pacific Lab' || !Array.isArray(marker.files)) return []
    return marker.files.filter(
      (f): f is string =>
        typeof f === 'string' && f !== '' && !f.startsWith('/') && !f.split('/').includes('..'),
    )
  } catch {
    return []
  }
}

function inOwned(path: string, target: ExportTarget): boolean {
  return target.files.includes(path) || target.owned.some((dir) => path === dir || path.startsWith(`${dir}/`))
}

/**
 * Clears the way for an export: removes the earlier export's files, then either refuses
 * (listing what is in the way) or, with `force`, removes the other files in the owned folders.
 * Folders left empty are removed. Returns the files it removed.
 */
export function clearExportTarget(target: ExportTarget, force: boolean): string[] {
  const { root } = target
  if (existsSync(root) && !statSync(root).isDirectory())
    throw new ExportTargetError(`export refused: ${root} is a file, not a folder`)
  const earlier = new Set(readMarker(root))
  const inTheWay = walk(root)
    .map((p) => toRelative(root, p))
    .filter((p) => p !== EXPORT_MARKER && !earlier.has(p) && inOwned(p, target))
    .sort()
  if (inTheWay.length && !force) {
    const shown = inTheWay.slice(0, 8).join(', ')
    const more = inTheWay.length > 8 ? ` and ${inTheWay.length - 8} more` : ''
    throw new ExportTargetError(
      `export refused: ${root} holds files that are not from an earlier Pacific Lab export (${shown}${more}); ` +
        'they would be mixed with this export. Choose another place, or give --force to remove them',
    )
  }
  const removed: string[] = []
  for (const rel of [...earlier, ...inTheWay].sort()) {
    const path = join(root, ...rel.split('/'))
    if (existsSync(path) && statSync(path).isFile()) {
      unlinkSync(path)
      removed.push(rel)
      removeEmptyParents(root, dirname(path))
    }
  }
  return removed
}

function removeEmptyParents(root: string, dir: string) {
  for (let d = dir; toRelative(root, d) !== '' && !toRelative(root, d).startsWith('..'); d = dirname(d)) {
    if (!existsSync(d) || readdirSync(d).length > 0) return
    rmdirSync(d)
  }
}
