import { existsSync } from 'node:fs'

import { loadDemoLab } from '../../demo-lab'
import { LAB_EXTENSION, LabFile } from '../../persistence/lab-file'
import { CliUsageError, type CliCommand } from '../command'
import { outputPath, parseForceArgs } from '../load-lab'

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--force] OUT.pacificlab',
  summary: 'Write the demo lab (the seed deck) to a lab file',
  run(args, io) {
    const { force, positionals } = parseForceArgs(args)
    if (positionals.length > 1) throw new CliUsageError(`demo takes one OUT, got ${positionals.length}`)
    const out = outputPath(positionals[0], LAB_EXTENSION, force, existsSync)
    LabFile.create(out, loadDemoLab(), { overwrite: force }).close()
    io.out(`Wrote the demo lab to ${out}`)
    return Promise.resolve(0)
  },
}
