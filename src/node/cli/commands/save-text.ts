import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { labToText } from '../../../shared/lab-text/to-text'
import { CliUsageError, type CliCommand } from '../command'
import { LAB_TEXT_EXTENSION, loadLabArgument, outputPath } from '../load-lab'

export const saveTextCommand: CliCommand = {
  name: 'save-text',
  usage: 'save-text [--force] LAB OUT.lab.yaml',
  summary: 'Write a lab as text (lab as code, docs/lab-format.md)',
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false } },
      allowPositionals: true,
    })
    if (positionals.length !== 2)
      throw new CliUsageError(`save-text takes LAB and OUT, got ${positionals.length} arguments`)
    const out = outputPath(positionals[1], LAB_TEXT_EXTENSION, values.force, existsSync)
    const text = labToText(loadLabArgument(positionals[0]))
    // Written beside and renamed, so an existing OUT is never left half-written.
    const temp = `${out}.${process.pid}.tmp`
    writeFileSync(temp, text)
    renameSync(temp, out)
    io.out(`Wrote ${out}`)
    return Promise.resolve(0)
  },
}
