import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

import type { ExportFile } from '../../shared/manifests/export-files'
import { MANIFESTS_FILE } from '../../shared/manifests/export-files'
import type { ImportFile } from '../../shared/manifests/import/parse-files'
import type { ExportFormat } from '../../shared/manifests/options'

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

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

/** Reads what `import` was given: files, folders (recursively, as `kubectl -R`) and zips. */
export function readImportFiles(paths: readonly string[]): ImportFile[] {
  const out: ImportFile[] = []
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const file of walk(path))
        out.push({
          path: relative(process.cwd(), file).split(sep).join('/'),
          content: readFileSync(file, 'utf8'),
        })
    } else if (path.toLowerCase().endsWith('.zip')) {
      const entries = unzipSync(readFileSync(path))
      for (const name of Object.keys(entries).sort()) {
        const data = entries[name]
        if (data && !name.endsWith('/')) out.push({ path: `${path}!${name}`, content: strFromU8(data) })
      }
    } else out.push({ path, content: readFileSync(path, 'utf8') })
  }
  return out
}
