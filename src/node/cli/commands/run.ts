import { parseArgs } from 'node:util'

import { createCursor } from '../../../shared/engine/cursor'
import { DisplayNames } from '../../../shared/engine/display-names'
import { formatFault, parseFault } from '../../../shared/engine/fault-syntax'
import { faultProblem } from '../../../shared/engine/faults'
import { plan } from '../../../shared/engine/plan'
import { initialState, statusOf } from '../../../shared/engine/state'
import { FAULT_KINDS, type Fault } from '../../../shared/engine/types'
import { resolveTopology } from '../../../shared/domain/resolve'
import { CliUsageError, type CliCommand } from '../command'
import type { LabDocument } from '../../../shared/domain/lab-document'
import { loadLabArgument } from '../load-lab'
import { stepLines } from './run-format'

/** The `run` command reading LAB with `load` (tests pass labs the LAB argument cannot name yet). */
export function runCommandWith(load: (arg: string | undefined) => LabDocument): CliCommand {
  return {
    name: 'run',
    usage: 'run LAB [--seed N] [--fault KIND:TARGET[=VALUE]@STEP]... [--json]',
    summary: 'Replay how the platform provisions a lab, step by step, with placement explained',
    help: {
      arguments: [['LAB', '"demo", a .pacificlab file or a .lab.yaml file']],
      options: [
        ['--seed N', 'The seed for durations and ties, 0 to 4294967295 (default 1): same seed, same run'],
        [
          '--fault SPEC',
          `Inject a fault, KIND:TARGET[=VALUE]@STEP (repeatable); KIND is one of ${FAULT_KINDS.join(', ')}`,
        ],
        ['--json', 'One JSON object per step, then the summary'],
      ],
      examples: [
        ['pacific-lab run demo --seed 7', 'The demo lab provisioned, step by step'],
        ['pacific-lab run demo --fault host-failure:esxi-02@30', 'The same with a host failing at step 30'],
      ],
    },
    run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        options: {
          seed: { type: 'string' },
          fault: { type: 'string', multiple: true },
          json: { type: 'boolean' },
        },
        allowPositionals: true,
      })
      if (positionals.length !== 1) throw new CliUsageError(`run takes one LAB, got ${positionals.length}`)
      const seed = values.seed === undefined ? 1 : Number(values.seed)
      if (values.seed !== undefined && (!/^\d+$/.test(values.seed) || seed > 0xffffffff))
        throw new CliUsageError(`--seed must be a whole number from 0 to 4294967295, not "${values.seed}"`)
      const lab = load(positionals[0])
      const resolved = resolveTopology(lab.topology)
      const faults: Fault[] = (values.fault ?? []).map((text) => {
        const fault = parseFault(text)
        if (typeof fault === 'string') throw new CliUsageError(`--fault ${fault}`)
        const why = faultProblem(resolved, fault)
        if (why !== null) throw new CliUsageError(`--fault ${text}: ${why}`)
        return fault
      })
      const run = plan(lab.topology, undefined, seed, faults)
      const missed = run.summary.faults.find((f) => !f.injected)
      if (missed)
        throw new CliUsageError(
          `--fault ${formatFault(missed.fault)}: step ${missed.fault.atSeq} is past the end of the run (${run.steps.length} steps)`,
        )
      const cursor = createCursor(run, initialState(lab.topology))
      const names = new DisplayNames(lab.topology).learn(run.steps)
      if (!values.json)
        io.out(
          `${lab.name}: ${run.steps.length} steps, seed ${seed}${faults.length ? `, faults ${faults.map(formatFault).join(' ')}` : ''}`,
        )
      for (const step of run.steps) {
        const status = statusOf(cursor.forward(), step.object)
        if (values.json)
          io.out(
            JSON.stringify({
              seq: step.seq,
              t: step.t,
              duration: step.duration,
              sequence: step.sequence,
              object: step.object,
              actor: step.actor,
              target: step.target,
              action: step.action,
              seedStep: step.seedStep,
              text: step.text,
              status,
              ...(step.placement ? { placement: step.placement } : {}),
              ...(step.failure ? { failure: step.failure } : {}),
            }),
          )
        else for (const line of stepLines(step, status, names)) io.out(line)
      }
      if (values.json) io.out(JSON.stringify({ summary: run.summary }))
      else {
        const s = run.summary
        io.out(
          `\nDone in ${(s.durationMs / 1000).toFixed(1)} s simulated: ${Object.entries(s.statuses)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`,
        )
        for (const p of s.problems)
          io.out(`  ${names.label(p.object)}: ${p.status}${p.reason ? ` (${p.reason})` : ''}`)
      }
      return Promise.resolve(0)
    },
  }
}

export const runCommand: CliCommand = runCommandWith(loadLabArgument)
