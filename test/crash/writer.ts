// Child process of test/unit/crash-safety.test.ts: writes edits and runs to a lab in a loop
// until it is killed, printing a line only after each write has committed. Runs are stored in
// one transaction or, every other one, in batches as the service stores a run being planned.
import { writeSync } from 'node:fs'

import { addNodeBatch } from '../../src/shared/domain/commands'
import { LabFile } from '../../src/node/persistence/lab-file'
import { beginRun } from '../../src/node/persistence/run-batches'
import { saveRun } from '../../src/node/persistence/runs'
import { fakeStep } from '../fake-step'

const [path, tag] = process.argv.slice(2)
if (!path || !tag) throw new Error('usage: writer.ts LAB TAG')
const say = (line: string) => writeSync(1, line + '\n')

const lab = LabFile.open(path)
say('ready')
for (let i = 0; ; i++) {
  const id = `h-${tag}-${i}`
  lab.applyEdits(addNodeBatch('host', id, 'cl-1', { x: i, y: 0 }, id))
  say(`edit ${id}`)
  if (i % 3 === 0) {
    const runId = `run-${tag}-${i}`
    const steps = Array.from({ length: 3000 }, (_, seq) =>
      fakeStep(seq, `placed pod-${seq} ${'x'.repeat(200)}`),
    )
    say(`begin ${runId}`)
    if (i % 2 === 0) saveRun(lab.db, { id: runId, seed: i }, steps)
    else {
      // As the service stores a run while it is planned: batches, then the last one marks it whole.
      const batches = beginRun(lab.db, runId, { seed: i })
      for (let b = 0; b < 2; b++) batches.append(steps.slice(b * 1000, (b + 1) * 1000))
      batches.finish(steps.slice(2000), steps.length, {
        seed: i,
        steps: steps.length,
        durationMs: 0,
        statuses: {},
        problems: [],
        faults: [],
      })
    }
    say(`run ${runId}`)
  }
}
