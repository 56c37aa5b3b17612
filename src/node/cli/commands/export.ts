import { parseArgs } from 'node:util'

import { MANIFESTS_FILE } from '../../../shared/manifests/export-files'
import { CLUSTER_APIS, EXPORT_FORMATS, VM_APIS, type ExportOptions } from '../../../shared/manifests/options'
import { exportLab } from '../../manifests/manifest-handlers'
import { ExportTargetError } from '../../manifests/export-target'
import { writeExport } from '../../manifests/manifest-files'
import { CliUsageError, type CliCommand } from '../command'
import { loadLabArgument } from '../load-lab'

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value))
    throw new CliUsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`)
  return value as T
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export LAB [--out PATH] [--format FORMAT] [--vm-api VERSION] [--cluster-api API] [--force]',
  summary: 'Write the manifests and vCenter requests that build LAB (YAML to stdout without --out)',
  help: {
    arguments: [['LAB', '"demo", a .pacificlab file or a .lab.yaml file']],
    options: [
      [
        '--out PATH',
        'Where to write (a folder for dir, a file for yaml and zip); without it the YAML goes to stdout',
      ],
      ['--format FORMAT', `${EXPORT_FORMATS.join(', ')} (default: yaml)`],
      ['--vm-api VERSION', `The VM Operator API: ${VM_APIS.join(', ')}`],
      ['--cluster-api API', `The Kubernetes cluster API: ${CLUSTER_APIS.join(', ')}`],
      ['--force', 'Replace what is at --out'],
    ],
    examples: [
      ['pacific-lab export demo --format dir --out out/', 'Manifests and vCenter requests as a folder tree'],
    ],
  },
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        'vm-api': { type: 'string' },
        'cluster-api': { type: 'string' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
    })
    if (positionals.length !== 1) throw new CliUsageError(`export takes one LAB, got ${positionals.length}`)
    const format = oneOf('--format', values.format, EXPORT_FORMATS) ?? 'yaml'
    const options: Partial<ExportOptions> = { format }
    const vmApi = oneOf('--vm-api', values['vm-api'], VM_APIS)
    const clusterApi = oneOf('--cluster-api', values['cluster-api'], CLUSTER_APIS)
    if (vmApi) options.vmApi = vmApi
    if (clusterApi) options.clusterApi = clusterApi
    if (values.out === undefined && format !== 'yaml')
      throw new CliUsageError(`--format ${format} writes several files: give --out PATH`)
    const lab = loadLabArgument(positionals[0])
    const { files, problems } = exportLab(lab, options)
    for (const p of problems) if (p.severity !== 'info') io.err(`${p.severity}: ${p.message}`)
    if (files.length === 0) {
      io.err('export refused: the objects above break their schemas; nothing was written')
      return Promise.resolve(1)
    }
    if (values.out === undefined) {
      io.out((files.find((f) => f.path === MANIFESTS_FILE)?.content ?? '').replace(/\n$/, ''))
      io.err('The vCenter requests (enable Supervisor, create namespaces) are written with --out PATH.')
      return Promise.resolve(0)
    }
    try {
      const { written, removed } = writeExport(files, format, values.out, values.force === true)
      if (removed.length)
        io.err(`removed ${removed.length} file${removed.length === 1 ? '' : 's'} of the earlier export there`)
      io.err(`wrote ${written.length} file${written.length === 1 ? '' : 's'} (${format}) to ${values.out}`)
      return Promise.resolve(0)
    } catch (e) {
      if (!(e instanceof ExportTargetError)) throw e
      io.err(e.message)
      return Promise.resolve(1)
    }
  },
}
