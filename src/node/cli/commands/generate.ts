import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { generateLargeLab, LargeLabError, type LargeLabOptions } from '../../../shared/domain/large-lab'
import { labToText } from '../../../shared/lab-text/to-text'
import { LAB_EXTENSION, LabFile } from '../../persistence/lab-file'
import { CliUsageError, type CliCommand } from '../command'
import { LAB_TEXT_EXTENSION, outputPath } from '../load-lab'

const COUNTS = ['hosts', 'clusters', 'namespaces', 'pods', 'deployments', 'vms', 'tkcs'] as const

/** A whole number >= 0 given to `--flag`, or a usage error naming the flag. */
function count(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new CliUsageError(`--${flag} must be a whole number >= 0, not "${text}"`)
  return Number(text)
}

/** The generator's options from the command line: each bad value names its flag. */
function optionsOf(values: Record<string, string | boolean | undefined>): LargeLabOptions {
  const o: LargeLabOptions = {}
  for (const k of COUNTS) {
    const n = count(k, values[k] as string | undefined)
    if (n !== undefined) o[k] = n
  }
  const zones = values['zones'] as string | undefined
  if (zones !== undefined) {
    if (zones !== '1' && zones !== '3') throw new CliUsageError(`--zones must be 1 or 3, not "${zones}"`)
    o.zones = zones === '3' ? 3 : 1
  }
  const seed = count('seed', values['seed'] as string | undefined)
  if (seed !== undefined) {
    if (seed > 0xffffffff)
      throw new CliUsageError(
        `--seed must be a whole number from 0 to 4294967295, not "${String(values['seed'])}"`,
      )
    o.seed = seed
  }
  if (values['tight'] === true) o.tight = true
  return o
}

/** `pacific-lab generate`: a large lab of a given size, as a lab file or a lab text. */
export const generateCommand: CliCommand = {
  name: 'generate',
  usage:
    'generate [--force] [--hosts N] [--clusters N] [--namespaces N] [--pods N] [--deployments N] [--vms N] [--tkcs N] [--zones 1|3] [--seed N] [--tight] OUT',
  summary: 'Write a large lab of the given size (hosts sized to fit it, or short of it with --tight)',
  help: {
    arguments: [['OUT', 'The lab to write: a .pacificlab file, or a .lab.yaml file for lab text']],
    options: [
      ['--hosts N', 'ESXi hosts in all, shared by the clusters (default 64)'],
      [
        '--clusters N',
        'vSphere clusters, one Supervisor each (default 1; with --zones 3, three per Supervisor)',
      ],
      ['--namespaces N', 'vSphere Namespaces, spread over the Supervisors (default 50)'],
      ['--pods N', 'vSphere Pods, spread over the namespaces (default 10000; none with --zones 3)'],
      ['--deployments N', 'Deployments, spread the same way (default 0)'],
      ['--vms N', 'VMs (VM Service), spread the same way (default 0)'],
      ['--tkcs N', 'Kubernetes clusters, spread the same way (default 0)'],
      ['--zones 1|3', 'One zone, or three-zone Supervisors (which run no vSphere Pods)'],
      ['--seed N', "Varies how busy each host is and each pod's size; the same seed gives the same lab"],
      ['--tight', 'Hosts deliberately short of capacity: validate reports it and the run shows failures'],
      ['--force', 'Replace OUT when it exists'],
    ],
    examples: [
      ['pacific-lab generate big.pacificlab', 'The 10,000-pod lab: 64 hosts, 50 namespaces'],
      [
        'pacific-lab generate --pods 100000 --hosts 640 --clusters 10 --namespaces 500 huge.lab.yaml',
        'A 100,000-pod lab as lab text',
      ],
      ['pacific-lab generate --zones 3 --clusters 3 --vms 300 zones.pacificlab', 'Three zones, VMs only'],
    ],
  },
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        force: { type: 'boolean', default: false },
        tight: { type: 'boolean', default: false },
        zones: { type: 'string' },
        seed: { type: 'string' },
        ...Object.fromEntries(COUNTS.map((k) => [k, { type: 'string' as const }])),
      },
      allowPositionals: true,
    })
    if (positionals.length !== 1)
      throw new CliUsageError(`generate takes one OUT, got ${positionals.length} arguments`)
    const arg = positionals[0]!
    const text = arg.endsWith(LAB_TEXT_EXTENSION)
    if (!text && !arg.endsWith(LAB_EXTENSION))
      throw new CliUsageError(`"${arg}" does not end in ${LAB_EXTENSION} or ${LAB_TEXT_EXTENSION}`)
    const out = outputPath(arg, text ? LAB_TEXT_EXTENSION : LAB_EXTENSION, values.force, existsSync)
    const options = optionsOf(values)
    let lab
    try {
      lab = generateLargeLab(options)
    } catch (e) {
      if (e instanceof LargeLabError) throw new CliUsageError(`--${e.option}: ${e.message}`)
      throw e
    }
    if (text) {
      // Written beside and renamed, so an existing OUT is never left half-written.
      const temp = `${out}.${process.pid}.tmp`
      writeFileSync(temp, labToText(lab))
      renameSync(temp, out)
    } else LabFile.create(out, lab, { overwrite: values.force }).close()
    io.out(`Wrote ${out}: ${lab.name}`)
    return Promise.resolve(0)
  },
}
