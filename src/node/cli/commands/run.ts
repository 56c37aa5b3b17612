import { parseArgs } from 'node:util'

import { createCursor } from '../../../shared/engine/cursor'
import { DisplayNames } from '../../../shared/engine/display-names'
import { formatFault, parseFault } from '../../../shared/engine/fault-syntax'
import { faultProblem } from '../../../shared/engine/faults'
import { stepWithTable } from '../../../shared/engine/placement-on-demand'
import { plan, planStreaming } from '../../../shared/engine/plan'
import { initialState, statusOf } from '../../../shared/engine/state'
import { FAULT_KINDS, type Fault, type RunSummary } from '../../../shared/engine/types'
import { resolveTopology } from '../../../shared/domain/resolve'
import { CliUsageError, type CliCommand, type CliIo } from '../command'
import type { LabDocument } from '../../../shared/domain/lab-document'
import { loadLabArgument } from '../load-lab'
import { stepLines } from './run-format'

/** The `run` command reading LAB with `load` (tests pass labs the LAB argument cannot name yet). */
export function runCommandWith(load: (arg: string | undefined) => LabDocument): CliCommand {
  return {
    name: 'run',
    usage: 'run LAB [--seed N] [--fault KIND:TARGET[=VALUE]@STEP]... [--json] [--quiet]',
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
        ['--quiet', 'The summary only, planned without keeping the steps (for very large labs)'],
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
          quiet: { type: 'boolean' },
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
      const missedFault = (summary: RunSummary) => {
        const missed = summary.faults.find((f) => !f.injected)
        if (missed)
          throw new CliUsageError(
            `--fault ${formatFault(missed.fault)}: step ${missed.fault.atSeq} is past the end of the run (${summary.steps} steps)`,
          )
      }
      if (values.quiet) {
        // The summary only: the steps are not kept, so a run of any size fits in memory.
        // Names only, of what the steps create: problems read by name, never by id.
        const names = new DisplayNames(lab.topology)
        const summary = planStreaming(lab.topology, undefined, seed, faults, (step) => names.learn([step]))
        missedFault(summary)
        printSummary(io, lab.name, summary, values.json === true, names)
        return Promise.resolve(0)
      }
      const run = plan(lab.topology, undefined, seed, faults)
      missedFault(run.summary)
      const cursor = createCursor(run, initialState(lab.topology))
      const names = new DisplayNames(lab.topology).learn(run.steps)
      if (!values.json)
        io.out(
          `${lab.name}: ${run.steps.length} steps, seed ${seed}${faults.length ? `, faults ${faults.map(formatFault).join(' ')}` : ''}`,
        )
      for (const planned of run.steps) {
        // The placement table is rebuilt from the state it read, then the cursor moves on.
        const step = stepWithTable(cursor, planned)
        const status = statusOf(cursor.seek(step.seq), step.object)
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
      printSummary(io, null, run.summary, values.json === true, names)
      return Promise.resolve(0)
    },
  }
}

export const runCommand: CliCommand = runCommandWith(loadLabArgument)

/** The run's outcome: statuses and problems (with `name`, a first line naming the lab: --quiet). */
function printSummary(
  io: CliIo,
  name: string | null,
  s: RunSummary,
  json: boolean,
  names: DisplayNames,
): void {
  if (json) return io.out(JSON.stringify({ summary: s }))
  if (name !== null) io.out(`${name}: ${s.steps} steps, seed ${s.seed}`)
  io.out(
    `${name === null ? '\n' : ''}Done in ${(s.durationMs / 1000).toFixed(1)} s simulated: ${Object.entries(
      s.statuses,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  )
  for (const p of s.problems)
    io.out(`  ${names.label(p.object)}: ${p.status}${p.reason ? ` (${p.reason})` : ''}`)
}
