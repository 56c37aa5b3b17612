// Child process of test/unit/crash-safety.test.ts: writes edits and runs to a lab in a loop
// until it is killed, printing a line only after each write has committed.
import { writeSync } from 'node:fs'

import { addNodeBatch } from '../../src/shared/domain/commands'
import { LabFile } from '../../src/node/persistence/lab-file'
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
    saveRun(lab.db, { id: runId, seed: i }, steps)
    say(`run ${runId}`)
  }
}
