import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { applyBatch } from '../../../shared/domain/edits'
import type { LabDocument } from '../../../shared/domain/lab-document'
import { formatImportError } from '../../../shared/manifests/import/format-error'
import type { ImportError, ImportFile } from '../../../shared/manifests/import/parse-files'
import { importIntoLab } from '../../manifests/manifest-handlers'
import { readImportFiles } from '../../manifests/manifest-files'
import { LAB_EXTENSION, LabFile } from '../../persistence/lab-file'
import { CliUsageError, type CliCommand, type CliIo } from '../command'
import { loadLabArgument } from '../load-lab'

/** Prints every error and says the lab is unchanged; the exit code of a refused import. */
function refuse(errors: readonly ImportError[], io: CliIo): number {
  for (const e of errors) io.err(formatImportError(e))
  io.err(`import refused: ${errors.length} error${errors.length === 1 ? '' : 's'}; the lab is unchanged`)
  return 1
}

/**
 * Imports into a lab file: the whole import is one edit (one undo step in the app), written in
 * one transaction. A refused import writes nothing, so the file stays byte for byte as it was;
 * the file is opened for writing even to refuse, because only a writing connection tidies up
 * SQLite's -wal and -shm files when it closes.
 */
function importIntoLabFile(path: string, files: ImportFile[], namespace: string | undefined, io: CliIo) {
  const lab = LabFile.open(path)
  try {
    const result = importIntoLab(lab.document, files, namespace)
    if (!result.ok) return refuse(result.errors, io)
    for (const w of result.warnings) io.err(formatImportError(w, 'warning'))
    for (const n of result.notes) io.err(formatImportError(n, 'note'))
    if (!result.batch) {
      io.out(`nothing to change: ${path} already holds these manifests`)
      return 0
    }
    if (lab.readOnly) {
      io.err(`${path} is read-only, so the import was not saved; the lab is unchanged`)
      return 1
    }
    lab.applyEdits(result.batch)
    for (const line of result.summary) io.out(line)
    const n = result.summary.length
    io.out(
      `saved to ${path}: ${n} change${n === 1 ? '' : 's'} as one edit, "${result.batch.label}" (undo it in the app)`,
    )
    return 0
  } finally {
    lab.close()
  }
}

/** Demo and lab texts are inputs, not stores: print the resulting lab and say nothing was saved. */
function importIntoReadOnlyLab(
  lab: LabDocument,
  labArg: string,
  files: ImportFile[],
  namespace: string | undefined,
  io: CliIo,
) {
  const result = importIntoLab(lab, files, namespace)
  if (!result.ok) return refuse(result.errors, io)
  for (const w of result.warnings) io.err(formatImportError(w, 'warning'))
  for (const n of result.notes) io.err(formatImportError(n, 'note'))
  for (const line of result.summary) io.err(line)
  if (!result.batch) {
    io.err('nothing to change: the lab already holds these manifests')
  } else {
    io.err(`${result.summary.length} change(s): ${result.batch.label}`)
    io.err(
      `nothing was saved: ${labArg === 'demo' ? 'the demo lab' : labArg} is only read; the resulting lab is printed on stdout (import into a ${LAB_EXTENSION} file to keep it)`,
    )
  }
  const after: LabDocument = result.batch ? { ...lab, topology: applyBatch(lab.topology, result.batch) } : lab
  io.out(JSON.stringify(after, null, 2))
  return 0
}

/**
 * Reads manifests into LAB. Into a `.pacificlab` file the import is saved as one undoable edit;
 * into the demo or a `.lab.yaml` text the resulting lab is printed, as those are only read.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import LAB FILE... [--namespace NS]',
  summary:
    'Read manifests (YAML files, folders, zips) into LAB: saved as one edit in a .pacificlab, else printed',
  help: {
    arguments: [
      [
        'LAB',
        'A .pacificlab file (the import is saved in it as one undoable edit), or "demo" or a .lab.yaml file (the result is printed)',
      ],
      ['FILE...', 'YAML files, folders of them, or zips'],
    ],
    options: [['-n, --namespace NS', 'The namespace for objects that name none']],
    examples: [
      ['pacific-lab import my.pacificlab pods.yaml', 'Add the objects of pods.yaml to my.pacificlab'],
    ],
  },
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { namespace: { type: 'string', short: 'n' } },
      allowPositionals: true,
    })
    const [labArg, ...paths] = positionals
    if (paths.length === 0) throw new CliUsageError('import needs LAB and at least one FILE')
    const intoFile = labArg?.endsWith(LAB_EXTENSION) ?? false
    // A lab text or the demo is read first, so a bad LAB is named before the files are read.
    const lab = intoFile ? null : loadLabArgument(labArg)
    let files
    try {
      files = readImportFiles(paths)
    } catch (e) {
      throw new CliUsageError(e instanceof Error ? e.message : String(e))
    }
    const code = lab
      ? importIntoReadOnlyLab(lab, labArg ?? '', files, values.namespace, io)
      : importIntoLabFile(resolve(labArg ?? ''), files, values.namespace, io)
    return Promise.resolve(code)
  },
}
