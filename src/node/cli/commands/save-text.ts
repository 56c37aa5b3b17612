import { existsSync, renameSync, writeFileSync } from 'node:fs'

import { labToText } from '../../../shared/lab-text/to-text'
import { CliUsageError, type CliCommand } from '../command'
import { LAB_TEXT_EXTENSION, loadLabArgument, outputPath, parseForceArgs } from '../load-lab'

export const saveTextCommand: CliCommand = {
  name: 'save-text',
  usage: 'save-text [--force] LAB OUT.lab.yaml',
  summary: 'Write a lab as text (lab as code, docs/lab-format.md)',
  help: {
    arguments: [
      ['LAB', '"demo", a .pacificlab file or a .lab.yaml file'],
      ['OUT.lab.yaml', 'The lab text to write (docs/lab-format.md)'],
    ],
    options: [['--force', 'Replace OUT when it exists']],
  },
  run(args, io) {
    const { force, positionals } = parseForceArgs(args)
    if (positionals.length !== 2)
      throw new CliUsageError(`save-text takes LAB and OUT, got ${positionals.length} arguments`)
    const out = outputPath(positionals[1], LAB_TEXT_EXTENSION, force, existsSync)
    const text = labToText(loadLabArgument(positionals[0]))
    // Written beside and renamed, so an existing OUT is never left half-written.
    const temp = `${out}.${process.pid}.tmp`
    writeFileSync(temp, text)
    renameSync(temp, out)
    io.out(`Wrote ${out}`)
    return Promise.resolve(0)
  },
}
