import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { loadDemoLab } from '../../demo-lab'
import { LAB_EXTENSION, LabFile } from '../../persistence/lab-file'
import { CliUsageError, type CliCommand } from '../command'
import { outputPath } from '../load-lab'

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--force] OUT.pacificlab',
  summary: 'Write the demo lab (the seed deck) to a lab file',
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false } },
      allowPositionals: true,
    })
    if (positionals.length > 1) throw new CliUsageError(`demo takes one OUT, got ${positionals.length}`)
    const out = outputPath(positionals[0], LAB_EXTENSION, values.force, existsSync)
    LabFile.create(out, loadDemoLab(), { overwrite: values.force }).close()
    io.out(`Wrote the demo lab to ${out}`)
    return Promise.resolve(0)
  },
}
