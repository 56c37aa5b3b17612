import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import { strToU8, zipSync } from 'fflate'

import type { ExportFile } from '../../shared/manifests/export-files'
import { MANIFESTS_FILE } from '../../shared/manifests/export-files'
import type { ImportFile } from '../../shared/manifests/import/parse-files'
import type { ExportFormat } from '../../shared/manifests/options'
import { readImportFilesWithin } from './import-limits'

/** Packs an export's files into one zip (the `dir` layout inside). */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  // A fixed mtime keeps the archive byte-identical from one export to the next.
  const mtime = new Date(Date.UTC(2020, 0, 1))
  return zipSync(Object.fromEntries(files.map((f) => [f.path, [strToU8(f.content), { mtime }]])), {
    level: 6,
  })
}

/**
 * Writes an export: `yaml` to the file `out` with the vCenter requests in `vcenter/` beside it,
 * `dir` into the folder `out`, `zip` to the archive `out`.
 */
export function writeExport(files: readonly ExportFile[], format: ExportFormat, out: string): string[] {
  const written: string[] = []
  const write = (path: string, content: string | Uint8Array) => {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, content)
    written.push(path)
  }
  if (format === 'zip') write(out, zipFiles(files))
  else if (format === 'yaml')
    for (const f of files) write(f.path === MANIFESTS_FILE ? out : join(dirname(out), f.path), f.content)
  else for (const f of files) write(join(out, ...f.path.split('/')), f.content)
  return written
}

/**
 * Reads what `import` was given: files, folders (recursively, as `kubectl -R`) and zips, within
 * the import limits (see import-limits.ts).
 */
export function readImportFiles(paths: readonly string[]): ImportFile[] {
  return readImportFilesWithin(paths)
}
