import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

import { readLabTextFile } from '../../lab-text'
import { LAB_EXTENSION, LabFile } from '../../persistence/lab-file'
import { CliUsageError, type CliCommand } from '../command'
import { LAB_TEXT_EXTENSION, outputPath, parseForceArgs } from '../load-lab'

export const loadTextCommand: CliCommand = {
  name: 'load-text',
  usage: 'load-text [--force] IN.lab.yaml OUT.pacificlab',
  summary: 'Make a lab file from a lab text (errors give line and column)',
  help: {
    arguments: [
      ['IN.lab.yaml', 'A lab text (docs/lab-format.md)'],
      ['OUT.pacificlab', 'The lab file to make'],
    ],
    options: [['--force', 'Replace OUT when it exists']],
  },
  run(args, io) {
    const { force, positionals } = parseForceArgs(args)
    if (positionals.length !== 2)
      throw new CliUsageError(`load-text takes IN and OUT, got ${positionals.length} arguments`)
    const input = positionals[0] ?? ''
    if (!input.endsWith(LAB_TEXT_EXTENSION))
      throw new CliUsageError(`"${input}" does not end in ${LAB_TEXT_EXTENSION}`)
    if (!existsSync(input)) throw new CliUsageError(`${resolve(input)} does not exist`)
    const out = outputPath(positionals[1], LAB_EXTENSION, force, existsSync)
    const doc = readLabTextFile(resolve(input))
    LabFile.create(out, doc, { overwrite: force }).close()
    io.out(`Created ${out} from ${input}`)
    return Promise.resolve(0)
  },
}
