import { existsSync } from 'node:fs'

import { loadSample, sampleNames } from '../../demo-lab'
import { LAB_EXTENSION, LabFile } from '../../persistence/lab-file'
import { CliUsageError, type CliCommand } from '../command'
import { outputPath, parseForceArgs } from '../load-lab'

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--force] [NAME] OUT.pacificlab | demo --list',
  summary: 'Write a sample lab (the demo unless NAME is given) to a lab file; --list names them',
  help: {
    arguments: [
      ['NAME', 'A sample lab (default: demo); --list names them'],
      ['OUT.pacificlab', 'The lab file to write'],
    ],
    options: [
      ['--list', 'List the sample labs with what each shows'],
      ['--force', 'Replace OUT when it exists'],
    ],
    examples: [['pacific-lab demo capacity cap.pacificlab', 'Write the "capacity" sample to cap.pacificlab']],
  },
  run(args, io) {
    if (args.includes('--list')) {
      if (args.length > 1) throw new CliUsageError('demo --list takes nothing else')
      for (const name of sampleNames()) {
        const lab = loadSample(name)
        io.out(`${name.padEnd(14)} ${lab.name}\n${' '.repeat(15)}${lab.description}`)
      }
      return Promise.resolve(0)
    }
    const { force, positionals } = parseForceArgs(args)
    if (positionals.length > 2)
      throw new CliUsageError(`demo takes [NAME] OUT, got ${positionals.length} arguments`)
    const [name, out] = positionals.length === 2 ? positionals : ['demo', positionals[0]]
    if (!sampleNames().includes(name ?? ''))
      throw new CliUsageError(`no sample lab named "${name}"; the samples are: ${sampleNames().join(', ')}`)
    const path = outputPath(out, LAB_EXTENSION, force, existsSync)
    LabFile.create(path, loadSample(name ?? 'demo'), { overwrite: force }).close()
    io.out(`Wrote the ${name === 'demo' ? 'demo lab' : `sample lab "${name}"`} to ${path}`)
    return Promise.resolve(0)
  },
}
