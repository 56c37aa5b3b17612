import { parseArgs } from 'node:util'

import { applyBatch } from '../../../shared/domain/edits'
import type { LabDocument } from '../../../shared/domain/lab-document'
import { importIntoLab } from '../../manifests/manifest-handlers'
import { readImportFiles } from '../../manifests/manifest-files'
import { CliUsageError, type CliCommand } from '../command'
import { loadLabArgument } from '../load-lab'

/**
 * Reads manifests into LAB. Until lab files can be written, the resulting lab is printed as
 * JSON (the lab document) instead of saved; `importIntoLab` gives the one edit batch a lab
 * file would store, so saving is one call here once lab files exist.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import LAB FILE... [--namespace NS]',
  summary: 'Read manifests (YAML files, folders, zips) into LAB; print the resulting lab or the errors',
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { namespace: { type: 'string', short: 'n' } },
      allowPositionals: true,
    })
    const [labArg, ...paths] = positionals
    if (paths.length === 0) throw new CliUsageError('import needs LAB and at least one FILE')
    const lab = loadLabArgument(labArg)
    let files
    try {
      files = readImportFiles(paths)
    } catch (e) {
      throw new CliUsageError(e instanceof Error ? e.message : String(e))
    }
    const result = importIntoLab(lab, files, values.namespace)
    if (!result.ok) {
      for (const e of result.errors)
        io.err(
          `${e.file}:${e.line}:${e.col}: ${e.message}${e.path ? ` [${e.path}]` : ''}${e.schema ? ` (schema: ${e.schema})` : ''}`,
        )
      io.err(
        `import refused: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; the lab is unchanged`,
      )
      return Promise.resolve(1)
    }
    const after: LabDocument = result.batch
      ? { ...lab, topology: applyBatch(lab.topology, result.batch) }
      : lab
    for (const w of result.warnings) io.err(`${w.file}:${w.line}:${w.col}: warning: ${w.message}`)
    for (const line of result.summary) io.err(line)
    io.err(
      result.batch
        ? `${result.summary.length} change(s): ${result.batch.label}`
        : 'nothing to change: the lab already holds these manifests',
    )
    io.out(JSON.stringify(after, null, 2))
    return Promise.resolve(0)
  },
}
