import { strFromU8 } from 'fflate'

import { ImportBudget } from '../../../shared/manifests/import/limits'
import { isManifestPath, type ImportFile } from '../../../shared/manifests/import/parse-files'
import { unzipWithin } from '../../../shared/manifests/import/unzip-within'

/** A file the user picked or dropped, as bytes. */
export interface PickedFile {
  name: string
  data: Uint8Array
}

/** What the dialog sends to the import, and what it could not read (shown, never dropped silently). */
export interface ReadFiles {
  files: ImportFile[]
  problems: string[]
}

const TEXT = /\.(ya?ml|json)$/i
const ZIP = /\.zip$/i

/**
 * Turns picked files into import files: YAML and JSON as text, a zip as its entries named
 * `archive.zip!path/in/zip` (as the CLI names them, so errors point into the archive).
 */
export function expandPicked(picked: readonly PickedFile[]): ReadFiles {
  const files: ImportFile[] = []
  const problems: string[] = []
  // The import limits hold here too: a zip bomb is refused while it inflates, not after.
  const budget = new ImportBudget()
  for (const { name, data } of picked) {
    try {
      if (ZIP.test(name)) files.push(...unzipWithin(name, chunksOf(data), budget))
      else if (TEXT.test(name)) {
        budget.file(name)
        budget.read(name, 0, data.length)
        files.push({ path: name, content: strFromU8(data) })
      } else problems.push(`${name}: skipped; only .yaml, .yml, .json and .zip files are read`)
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e))
      if (e instanceof Error && 'code' in e && e.code === 'import-limit') break
    }
  }
  return { files, problems }
}

function* chunksOf(data: Uint8Array, size = 16 * 1024): Generator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size)
}

/** True for files the import reads as manifests (not the vCenter request bodies of an export). */
export const isReadAsManifest = (file: ImportFile) => isManifestPath(file.path)

/** Reads browser File objects (from the picker or a drop) into import files. */
export async function readPicked(list: readonly File[]): Promise<ReadFiles> {
  const picked: PickedFile[] = []
  const problems: string[] = []
  for (const file of list) {
    try {
      picked.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })
    } catch {
      // A dropped folder arrives as a File that cannot be read.
      problems.push(`${file.name}: could not be read; to import a folder, drop its files or a zip of it`)
    }
  }
  const expanded = expandPicked(picked)
  return { files: expanded.files, problems: [...problems, ...expanded.problems] }
}
