import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'

import { EMPTY_TOPOLOGY } from '../../../shared/domain/topology'
import { LAB_EXTENSION, LabFile } from '../../persistence/lab-file'
import { CliUsageError, type CliCommand } from '../command'
import { outputPath } from '../load-lab'

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'new [--force] [--name NAME] OUT.pacificlab',
  summary: 'Create an empty lab file',
  help: {
    arguments: [['OUT.pacificlab', 'The lab file to create']],
    options: [
      ['--name NAME', 'The lab name (default: the file name)'],
      ['--force', 'Replace OUT when it exists'],
    ],
  },
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false }, name: { type: 'string' } },
      allowPositionals: true,
    })
    if (positionals.length > 1) throw new CliUsageError(`new takes one OUT, got ${positionals.length}`)
    const out = outputPath(positionals[0], LAB_EXTENSION, values.force, existsSync)
    const name = values.name ?? basename(out, LAB_EXTENSION)
    if (name.trim() === '') throw new CliUsageError('--name must not be empty')
    LabFile.create(
      out,
      { name, description: '', topology: EMPTY_TOPOLOGY },
      { overwrite: values.force },
    ).close()
    io.out(`Created ${out}`)
    return Promise.resolve(0)
  },
}
