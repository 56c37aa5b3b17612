import { parseArgs } from 'node:util'

import { hasErrors } from '../../../shared/domain/validation/validate'
import { validateLab } from '../../../shared/engine/validate-lab'
import { CliUsageError, type CliCommand } from '../command'
import type { LabDocument } from '../../../shared/domain/lab-document'
import { loadLabArgument } from '../load-lab'

/** The `validate` command reading LAB with `load` (tests pass labs the LAB argument cannot name yet). */
export function validateCommandWith(load: (arg: string | undefined) => LabDocument): CliCommand {
  return {
    name: 'validate',
    usage: 'validate LAB [--json]',
    summary: 'List the problems of a lab (exit 1 when any is an error)',
    help: {
      arguments: [['LAB', '"demo", a .pacificlab file or a .lab.yaml file']],
      options: [['--json', 'The problems as one JSON object']],
    },
    run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        options: { json: { type: 'boolean' } },
        allowPositionals: true,
      })
      if (positionals.length !== 1)
        throw new CliUsageError(`validate takes one LAB, got ${positionals.length}`)
      const lab = load(positionals[0])
      const problems = validateLab(lab.topology)
      const names = new Map(lab.topology.nodes.map((n) => [n.id, n.name]))
      if (values.json) io.out(JSON.stringify({ problems }))
      else if (problems.length === 0) io.out(`${lab.name}: no problems`)
      else {
        for (const p of problems)
          io.out(
            `${p.severity.padEnd(7)} ${p.code}  ${names.get(p.objectId) ?? p.objectId} (${p.objectId})\n        ${p.message}\n        fix: ${p.hint}`,
          )
        const count = (s: string) => problems.filter((p) => p.severity === s).length
        io.out(`${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`)
      }
      return Promise.resolve(hasErrors(problems) ? 1 : 0)
    },
  }
}

export const validateCommand: CliCommand = validateCommandWith(loadLabArgument)
