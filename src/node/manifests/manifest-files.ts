import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

import { strToU8, zipSync } from 'fflate'

import type { ExportFile } from '../../shared/manifests/export-files'
import {
  MANIFESTS_DIR,
  MANIFESTS_FILE,
  REFERENCE_DIR,
  VCENTER_DIR,
} from '../../shared/manifests/export-files'
import { EXPORT_MARKER, type ImportFile } from '../../shared/manifests/import/parse-files'
import type { ExportFormat } from '../../shared/manifests/options'
import { clearExportTarget, type ExportMarker } from './export-target'
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
 * `dir` into the folder `out`, `zip` to the archive `out`. A folder export replaces an earlier
 * one in the same place (its marker lists its files) and refuses anything else in the way
 * unless `force` (export-target.ts); it leaves a marker of its own.
 */
export function writeExport(
  files: readonly ExportFile[],
  format: ExportFormat,
  out: string,
  force = false,
): { written: string[]; removed: string[] } {
  const written: string[] = []
  const write = (path: string, content: string | Uint8Array) => {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, content)
    written.push(path)
  }
  if (format === 'zip') {
    write(out, zipFiles(files))
    return { written, removed: [] }
  }
  const root = format === 'yaml' ? dirname(out) : out
  const place = (f: ExportFile) => (format === 'yaml' && f.path === MANIFESTS_FILE ? basename(out) : f.path)
  const planned = files.map(place)
  const owned = format === 'yaml' ? [VCENTER_DIR] : [MANIFESTS_DIR, REFERENCE_DIR, VCENTER_DIR]
  const removed = clearExportTarget({ root, files: planned, owned }, force)
  for (const f of files) write(join(root, ...place(f).split('/')), f.content)
  const marker: ExportMarker = { producer: 'Pacific Lab', files: planned }
  writeFileSync(join(root, EXPORT_MARKER), JSON.stringify(marker, null, 2) + '\n')
  return { written, removed }
}

/**
 * Reads what `import` was given: files, folders (recursively, as `kubectl -R`) and zips, within
 * the import limits (see import-limits.ts).
 */
export function readImportFiles(paths: readonly string[]): ImportFile[] {
  return readImportFilesWithin(paths)
}
