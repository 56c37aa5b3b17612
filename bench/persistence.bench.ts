import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { loadDemoLab } from '../src/node/demo-lab'
import { LabFile } from '../src/node/persistence/lab-file'
import { saveRun } from '../src/node/persistence/runs'
import { StepEncoder } from '../src/node/persistence/step-codec'
import { generateLargeLab } from '../src/shared/domain/large-lab'
import { plan } from '../src/shared/engine/plan'
import type { Step } from '../src/shared/engine/types'
import { round, sideBySideMs, type Benchmark } from './harness'

/** The engine's run of the 10,000-PodVM lab (64 hosts, 50 namespaces): the real steps, as the run stores them. */
function largeRun(): Step[] {
  return plan(generateLargeLab().topology, undefined, 1).steps
}

/** Writing a run's steps through the lab (saveRun: encoding and inserting) beside raw better-sqlite3 inserting the same rows. */
export const persistenceBenchmark: Benchmark = {
  name: 'persistence',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'pl-bench-persist-'))
    const lab = LabFile.create(join(dir, 'bench.pacificlab'), loadDemoLab())
    try {
      const steps = largeRun()
      // The same rows saveRun writes (its compact encoding), made beforehand: raw inserts only.
      const encoder = new StepEncoder()
      const rows = steps.map((s) => encoder.encode(s))
      const lists = encoder.hostLists
      const bytes = rows.reduce((n, r) => n + r.json.length + (r.text?.length ?? 0), 0)
      let k = 0
      const insert = lab.db.prepare('INSERT INTO steps (run_id, seq, json, text) VALUES (?, ?, ?, ?)')
      const addRun = lab.db.prepare(
        "INSERT INTO runs (id, seed, faults, created, label, parent_run_id, step_count) VALUES (?, 1, '[]', '', '', NULL, 0)",
      )
      const setLists = lab.db.prepare('UPDATE runs SET host_lists = ? WHERE id = ?')
      const { a: viaLab, b: raw } = await sideBySideMs(
        5,
        () => saveRun(lab.db, { id: `lab-${k++}`, seed: 1 }, steps),
        () =>
          lab.db.transaction(() => {
            const id = `raw-${k++}`
            addRun.run(id)
            for (let seq = 0; seq < rows.length; seq++) insert.run(id, seq, rows[seq]!.json, rows[seq]!.text)
            setLists.run(lists, id)
          })(),
      )
      return {
        steps: steps.length,
        bytesPerStep: round(bytes / steps.length, 0),
        labStepsPerSecond: round(steps.length / (viaLab / 1000), 0),
        rawStepsPerSecond: round(steps.length / (raw / 1000), 0),
        labOverRawTimeRatio: round(viaLab / raw),
      }
    } finally {
      lab.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
