import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

import type { LabDocument } from '../../shared/domain/lab-document'
import { loadDemoLab } from '../demo-lab'
import { readLabTextFile } from '../lab-text'
import { LAB_EXTENSION, LabFile } from '../persistence/lab-file'
import { CliUsageError } from './command'

/** The extension of lab text files ("lab as code"). */
export const LAB_TEXT_EXTENSION = '.lab.yaml'

/**
 * Reads the LAB argument of a CLI command: the word `demo` (the embedded demo lab), a lab file
 * (`.pacificlab`, opened read-only) or a lab text (`.lab.yaml`).
 */
export function loadLabArgument(arg: string | undefined): LabDocument {
  if (arg === undefined)
    throw new CliUsageError('LAB is missing: give "demo", a .pacificlab file or a .lab.yaml file')
  if (arg === 'demo') return loadDemoLab()
  const path = resolve(arg)
  if (arg.endsWith(LAB_TEXT_EXTENSION)) return readLabTextFile(path)
  if (arg.endsWith(LAB_EXTENSION)) {
    const lab = LabFile.open(path, { readOnly: true })
    try {
      return lab.document
    } finally {
      lab.close()
    }
  }
  throw new CliUsageError(
    `cannot open "${arg}": LAB is "demo", a ${LAB_EXTENSION} file or a ${LAB_TEXT_EXTENSION} file`,
  )
}

/** Checks an output path's extension and that it may be written; `force` allows overwriting. */
/** Parses `[--force] ARG...`, the shape of every command that writes a file. */
export function parseForceArgs(args: string[]): { force: boolean; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  return { force: values.force, positionals }
}

export function outputPath(
  arg: string | undefined,
  extension: string,
  force: boolean,
  exists: (p: string) => boolean,
): string {
  if (arg === undefined) throw new CliUsageError(`OUT is missing: give a file name ending in ${extension}`)
  if (!arg.endsWith(extension)) throw new CliUsageError(`"${arg}" does not end in ${extension}`)
  const path = resolve(arg)
  if (!force && exists(path)) throw new CliUsageError(`${path} already exists; add --force to overwrite it`)
  return path
}
