import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

import { ImportBudget } from '../../shared/manifests/import/limits'
import type { ImportFile } from '../../shared/manifests/import/parse-files'
import { unzipWithin } from '../../shared/manifests/import/unzip-within'
import { fileError } from '../persistence/probe'

/** Bytes read from disk at a time: a compressed chunk inflates to at most about 1,000 times this. */
export const READ_CHUNK = 16 * 1024

/** The chunks of a file, read one at a time; `onRead` is told of each (tests count what was read). */
export function* fileChunks(path: string, onRead?: (bytes: number) => void): Generator<Uint8Array> {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    throw fileError(path, e)
  }
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(READ_CHUNK)
      const n = readSync(fd, chunk, 0, READ_CHUNK, null)
      if (n === 0) return
      onRead?.(n)
      yield chunk.subarray(0, n)
    }
  } finally {
    closeSync(fd)
  }
}

/** A text file's bytes, charged to the budget chunk by chunk: a file past a limit is refused having read at most the limit. */
function readText(
  path: string,
  name: string,
  budget: ImportBudget,
  onRead?: (bytes: number) => void,
): string {
  const chunks: Uint8Array[] = []
  let read = 0
  for (const chunk of fileChunks(path, onRead)) {
    budget.read(name, read, chunk.length)
    read += chunk.length
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Files of a folder, sorted, counted as they are found; links are not followed into folders (no loops). */
function walk(dir: string, budget: ImportBudget, found: string[] = []): string[] {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
  } catch (e) {
    throw fileError(dir, e)
  }
  for (const e of entries) {
    const path = join(dir, e.name)
    if (e.isDirectory()) walk(path, budget, found)
    else {
      budget.file(path)
      found.push(path)
    }
  }
  return found
}

/**
 * Reads what `import` was given, within the import limits (src/shared/manifests/import/limits.ts):
 * files, folders (recursively, as `kubectl -R`) and zips (streamed). Throws an ImportLimitError
 * naming the file and the limit, or a LabError naming a file that cannot be read.
 */
export function readImportFilesWithin(
  paths: readonly string[],
  budget = new ImportBudget(),
  onRead?: (bytes: number) => void,
): ImportFile[] {
  const out: ImportFile[] = []
  for (const path of paths) {
    let isDirectory: boolean
    try {
      isDirectory = statSync(path).isDirectory()
    } catch (e) {
      throw fileError(path, e)
    }
    if (isDirectory) {
      for (const file of walk(path, budget)) {
        const name = relative(process.cwd(), file).split(sep).join('/')
        out.push({ path: name, content: readText(file, name, budget, onRead) })
      }
    } else if (path.toLowerCase().endsWith('.zip'))
      out.push(...unzipWithin(path, fileChunks(path, onRead), budget))
    else {
      budget.file(path)
      out.push({ path, content: readText(path, path, budget, onRead) })
    }
  }
  return out
}
